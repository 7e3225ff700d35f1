using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions.Syntax;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary><c>left op right</c> on values of one <see cref="CompareKind"/>; unknown when either side is NULL.</summary>
internal sealed class ComparisonPredicate(Operand left, ComparisonOperator op, Operand right, CompareKind kind) : Predicate
{
    public override Truth Evaluate(TypedRow row)
    {
        if (left.IsNull(row) || right.IsNull(row))
        {
            return Truth.Unknown;
        }

        return Of(OperandComparer.Satisfies(kind, left, op, right, row));
    }
}
