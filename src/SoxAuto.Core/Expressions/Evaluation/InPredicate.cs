using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions.Syntax;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>
/// SQL <c>[not] in (…)</c>: true when an item equals the value; otherwise unknown if the value or an item is NULL,
/// else false. So <c>x not in (…)</c> is never true for a NULL <c>x</c>, exactly as in Trino.
/// </summary>
internal sealed class InPredicate(Operand value, Operand[] items, CompareKind kind, bool negated) : Predicate
{
    public override Truth Evaluate(TypedRow row)
    {
        Truth result = Find(row);
        return negated ? NotPredicate.Negate(result) : result;
    }

    private Truth Find(TypedRow row)
    {
        if (value.IsNull(row))
        {
            return Truth.Unknown;
        }

        bool sawNull = false;
        foreach (Operand item in items)
        {
            if (item.IsNull(row))
            {
                sawNull = true;
            }
            else if (OperandComparer.Satisfies(kind, value, ComparisonOperator.Equal, item, row))
            {
                return Truth.True;
            }
        }

        return sawNull ? Truth.Unknown : Truth.False;
    }
}
