using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>A boolean column, parameter or literal used as a condition: NULL is unknown.</summary>
internal sealed class BooleanPredicate(Operand value) : Predicate
{
    public override Truth Evaluate(TypedRow row) => value.IsNull(row) ? Truth.Unknown : Of(value.Boolean(row));
}
