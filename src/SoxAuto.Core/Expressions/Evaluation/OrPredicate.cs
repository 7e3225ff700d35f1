using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>SQL <c>or</c>: true if either side is true, else unknown if either is unknown.</summary>
internal sealed class OrPredicate(Predicate left, Predicate right) : Predicate
{
    public override Truth Evaluate(TypedRow row)
    {
        Truth first = left.Evaluate(row);
        if (first == Truth.True)
        {
            return Truth.True;
        }

        Truth second = right.Evaluate(row);
        return second == Truth.True ? Truth.True : first == Truth.False && second == Truth.False ? Truth.False : Truth.Unknown;
    }
}
