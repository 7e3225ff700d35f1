using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>SQL <c>and</c>: false if either side is false, else unknown if either is unknown.</summary>
internal sealed class AndPredicate(Predicate left, Predicate right) : Predicate
{
    public override Truth Evaluate(TypedRow row)
    {
        Truth first = left.Evaluate(row);
        if (first == Truth.False)
        {
            return Truth.False;
        }

        Truth second = right.Evaluate(row);
        return second == Truth.False ? Truth.False : first == Truth.True && second == Truth.True ? Truth.True : Truth.Unknown;
    }
}
