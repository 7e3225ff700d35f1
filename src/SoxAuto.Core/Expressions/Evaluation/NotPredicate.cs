using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>SQL <c>not</c>: not unknown is unknown.</summary>
internal sealed class NotPredicate(Predicate operand) : Predicate
{
    public override Truth Evaluate(TypedRow row) => Negate(operand.Evaluate(row));

    public static Truth Negate(Truth value) => value switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };
}
