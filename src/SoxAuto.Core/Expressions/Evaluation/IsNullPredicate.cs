using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary><c>is [not] null</c>: the only test that is never unknown.</summary>
internal sealed class IsNullPredicate(Operand value, bool negated) : Predicate
{
    public override Truth Evaluate(TypedRow row) => Of(value.IsNull(row) != negated);
}
