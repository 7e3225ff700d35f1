using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions.Syntax;

namespace SoxAuto.Core.Expressions.Evaluation;

/// <summary>Compares two non-NULL operands of one <see cref="CompareKind"/>, allocation-free.</summary>
internal static class OperandComparer
{
    public static bool Satisfies(CompareKind kind, Operand left, ComparisonOperator op, Operand right, TypedRow row)
    {
        if (kind == CompareKind.Double)
        {
            // IEEE operators, as Trino: every comparison with NaN is false except <>.
            double l = left.Double(row);
            double r = right.Double(row);
            return op switch
            {
                ComparisonOperator.Equal => l == r,
                ComparisonOperator.NotEqual => l != r,
                ComparisonOperator.Less => l < r,
                ComparisonOperator.LessOrEqual => l <= r,
                ComparisonOperator.Greater => l > r,
                _ => l >= r,
            };
        }

        int order = kind switch
        {
            CompareKind.Number => DecimalMath.Compare(left.Number(row), right.Number(row)),
            CompareKind.Text => left.Text(row).SequenceCompareTo(right.Text(row)),
            CompareKind.Temporal => left.Temporal(row).CompareTo(right.Temporal(row)),
            _ => left.Boolean(row).CompareTo(right.Boolean(row)),
        };
        return op switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }
}
