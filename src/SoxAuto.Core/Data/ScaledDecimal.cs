using System.Globalization;
using System.Numerics;

namespace SoxAuto.Core.Data;

/// <summary>
/// An exact decimal: an unscaled integer and a count of digits after the point. Athena's <c>decimal(38,s)</c>
/// holds up to 38 digits, which <see cref="decimal"/> (28–29 digits) cannot; <see cref="Int128"/> can
/// (10^38 &lt; 2^127). Arithmetic that could exceed it goes through <see cref="BigInteger"/>.
/// </summary>
public readonly struct ScaledDecimal : IEquatable<ScaledDecimal>, IComparable<ScaledDecimal>
{
    /// <summary>10^38 − 1, the largest unscaled value of a decimal(38,s).</summary>
    public static readonly Int128 MaxUnscaled = Int128.Parse("99999999999999999999999999999999999999", CultureInfo.InvariantCulture);

    public ScaledDecimal(Int128 unscaled, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 38);
        Unscaled = unscaled;
        Scale = scale;
    }

    public Int128 Unscaled { get; }

    public int Scale { get; }

    public static ScaledDecimal Zero(int scale) => new(Int128.Zero, scale);

    public bool IsZero => Unscaled == Int128.Zero;

    public int Sign => Unscaled == Int128.Zero ? 0 : Int128.IsNegative(Unscaled) ? -1 : 1;

    /// <summary>
    /// Parses Athena's rendering of a decimal (<c>-12.30</c>, <c>0</c>, <c>.5</c> is refused) into exactly
    /// <paramref name="scale"/> digits after the point. More fractional digits than the scale is a failure, never a rounding.
    /// </summary>
    public static bool TryParseExact(ReadOnlySpan<byte> utf8, int precision, int scale, out ScaledDecimal value)
    {
        value = default;
        int position = 0;
        bool negative = false;
        if (utf8.Length > 0 && (utf8[0] == (byte)'-' || utf8[0] == (byte)'+'))
        {
            negative = utf8[0] == (byte)'-';
            position = 1;
        }

        // Most amounts have at most 18 digits: accumulate in 64 bits and widen to Int128 only when needed
        // (this runs for every decimal value of the extract).
        ulong small = 0;
        Int128 big = Int128.Zero;
        bool wide = false;
        int accumulated = 0;
        int integerDigits = 0;
        int integerSignificant = 0;
        int fractionDigits = 0;
        bool sawPoint = false;
        for (; position < utf8.Length; position++)
        {
            byte c = utf8[position];
            if (c == (byte)'.')
            {
                if (sawPoint || integerDigits == 0)
                {
                    return false;
                }

                sawPoint = true;
                continue;
            }

            uint digit = (uint)(c - '0');
            if (digit > 9)
            {
                return false;
            }

            if (sawPoint)
            {
                if (++fractionDigits > scale)
                {
                    return false;
                }
            }
            else
            {
                integerDigits++;

                // decimal(p,s) holds at most p − s digits before the point (leading zeros do not count).
                if ((integerSignificant > 0 || digit != 0) && ++integerSignificant > precision - scale)
                {
                    return false;
                }
            }

            if (!wide && accumulated < 18)
            {
                small = (small * 10) + digit;
            }
            else
            {
                if (!wide)
                {
                    big = small;
                    wide = true;
                }

                big = (big * 10) + digit;
            }

            accumulated++;
        }

        if (integerDigits == 0 || (sawPoint && fractionDigits == 0))
        {
            return false;
        }

        for (int i = fractionDigits; i < scale; i++)
        {
            if (!wide && accumulated < 18)
            {
                small *= 10;
            }
            else
            {
                if (!wide)
                {
                    big = small;
                    wide = true;
                }

                big *= 10;
            }

            accumulated++;
        }

        Int128 unscaled = wide ? big : small;
        value = new ScaledDecimal(negative ? -unscaled : unscaled, scale);
        return true;
    }

    /// <summary>Parses plain decimal notation, keeping the scale written (<c>1.50</c> has scale 2).</summary>
    public static bool TryParse(string? text, out ScaledDecimal value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        int point = text.IndexOf('.', StringComparison.Ordinal);
        int scale = point < 0 ? 0 : text.Length - point - 1;
        if (scale > 38)
        {
            return false;
        }

        return TryParseExact(System.Text.Encoding.UTF8.GetBytes(text), 38, scale, out value);
    }

    public static ScaledDecimal Parse(string text) =>
        TryParse(text, out ScaledDecimal value) ? value : throw new FormatException($"'{text}' is not a plain decimal number");

    /// <summary>The value at a larger scale, or null if it would not fit in 38 digits.</summary>
    public ScaledDecimal? Rescale(int scale)
    {
        if (scale == Scale)
        {
            return this;
        }

        if (scale < Scale)
        {
            return null;
        }

        BigInteger widened = (BigInteger)Unscaled * BigInteger.Pow(10, scale - Scale);
        return BigInteger.Abs(widened) > (BigInteger)MaxUnscaled ? null : new ScaledDecimal((Int128)widened, scale);
    }

    public BigInteger ToBigIntegerAtScale(int scale) =>
        scale >= Scale
            ? (BigInteger)Unscaled * BigInteger.Pow(10, scale - Scale)
            : throw new ArgumentOutOfRangeException(nameof(scale), "cannot reduce the scale without rounding");

    public int CompareTo(ScaledDecimal other)
    {
        if (Scale == other.Scale)
        {
            return Unscaled.CompareTo(other.Unscaled);
        }

        int scale = Math.Max(Scale, other.Scale);
        return ToBigIntegerAtScale(scale).CompareTo(other.ToBigIntegerAtScale(scale));
    }

    /// <summary>Numeric equality: 1.5 equals 1.50.</summary>
    public bool Equals(ScaledDecimal other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is ScaledDecimal other && Equals(other);

    public override int GetHashCode()
    {
        // Normalise trailing zeros away so that numerically equal values hash alike.
        BigInteger unscaled = Unscaled;
        int scale = Scale;
        while (scale > 0 && !unscaled.IsZero && unscaled % 10 == 0)
        {
            unscaled /= 10;
            scale--;
        }

        return unscaled.IsZero ? 0 : HashCode.Combine(unscaled, scale);
    }

    /// <summary>Plain notation with exactly <see cref="Scale"/> digits after the point; never <c>-0.00</c>.</summary>
    public override string ToString() => Format(Unscaled, Scale);

    public static string Format(BigInteger unscaled, int scale)
    {
        bool negative = unscaled.Sign < 0;
        string digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = string.Concat(digits.AsSpan(0, digits.Length - scale), ".", digits.AsSpan(digits.Length - scale));
        }

        return negative ? "-" + digits : digits;
    }

    public static bool operator ==(ScaledDecimal left, ScaledDecimal right) => left.Equals(right);

    public static bool operator !=(ScaledDecimal left, ScaledDecimal right) => !left.Equals(right);

    public static bool operator <(ScaledDecimal left, ScaledDecimal right) => left.CompareTo(right) < 0;

    public static bool operator <=(ScaledDecimal left, ScaledDecimal right) => left.CompareTo(right) <= 0;

    public static bool operator >(ScaledDecimal left, ScaledDecimal right) => left.CompareTo(right) > 0;

    public static bool operator >=(ScaledDecimal left, ScaledDecimal right) => left.CompareTo(right) >= 0;
}
