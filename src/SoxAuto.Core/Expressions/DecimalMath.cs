using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions;

/// <summary>
/// Exact comparison of <see cref="ScaledDecimal"/>s of different scales without allocating: it runs once per row, where
/// <see cref="ScaledDecimal.CompareTo"/>'s BigInteger path would allocate.
/// </summary>
internal static class DecimalMath
{
    private static readonly Int128[] PowersOfTen = CreatePowers();

    public static int Compare(ScaledDecimal left, ScaledDecimal right)
    {
        if (left.Scale == right.Scale)
        {
            return left.Unscaled.CompareTo(right.Unscaled);
        }

        return left.Scale < right.Scale
            ? CompareWidened(left.Unscaled, right.Scale - left.Scale, right.Unscaled)
            : -CompareWidened(right.Unscaled, left.Scale - right.Scale, left.Unscaled);
    }

    /// <summary>Compares <paramref name="value"/>·10^<paramref name="digits"/> with <paramref name="other"/>.</summary>
    private static int CompareWidened(Int128 value, int digits, Int128 other)
    {
        Int128 factor = PowersOfTen[digits];
        Int128 limit = Int128.MaxValue / factor;
        if (value > limit || value < -limit)
        {
            // Widened, the value is beyond Int128 and so beyond any other value: its sign decides.
            return Int128.IsNegative(value) ? -1 : 1;
        }

        return (value * factor).CompareTo(other);
    }

    private static Int128[] CreatePowers()
    {
        Int128[] powers = new Int128[39];
        powers[0] = Int128.One;
        for (int i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
