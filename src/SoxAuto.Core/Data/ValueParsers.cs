using System.Buffers.Text;

namespace SoxAuto.Core.Data;

/// <summary>
/// Reads values as Athena renders them in its CSV (UTF-8 bytes), strictly: exactly the declared type or failure,
/// never coercion or rounding. Allocation-free; these run once per value of the extract.
/// </summary>
internal static class ValueParsers
{
    public static bool TryInteger(ReadOnlySpan<byte> text, int bits, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 20 || !Utf8Parser.TryParse(text, out value, out int consumed) || consumed != text.Length)
        {
            return false;
        }

        if (text[0] == (byte)'+')
        {
            return false;
        }

        return bits switch
        {
            8 => value is >= sbyte.MinValue and <= sbyte.MaxValue,
            16 => value is >= short.MinValue and <= short.MaxValue,
            32 => value is >= int.MinValue and <= int.MaxValue,
            _ => true,
        };
    }

    public static bool TryBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        if (text.SequenceEqual("true"u8))
        {
            value = true;
            return true;
        }

        value = false;
        return text.SequenceEqual("false"u8);
    }

    /// <summary>Java/Trino notation: <c>1.0</c>, <c>1.0E20</c>, <c>-2.5E-7</c>, <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    public static bool TryDouble(ReadOnlySpan<byte> text, bool isReal, out double value)
    {
        value = 0;
        if (text.SequenceEqual("NaN"u8))
        {
            value = double.NaN;
            return true;
        }

        if (text.SequenceEqual("Infinity"u8))
        {
            value = double.PositiveInfinity;
            return true;
        }

        if (text.SequenceEqual("-Infinity"u8))
        {
            value = double.NegativeInfinity;
            return true;
        }

        if (text.Length == 0 || text.Length > 64 || !IsFloatSyntax(text))
        {
            return false;
        }

        if (isReal)
        {
            if (!Utf8Parser.TryParse(text, out float single, out int used) || used != text.Length)
            {
                return false;
            }

            value = single;
            return true;
        }

        return Utf8Parser.TryParse(text, out value, out int consumed) && consumed == text.Length;
    }

    /// <summary><c>YYYY-MM-DD</c>, a real calendar date.</summary>
    public static bool TryDate(ReadOnlySpan<byte> text, out DateOnly value)
    {
        value = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-' ||
            !TryDigits(text[..4], out int year) || !TryDigits(text.Slice(5, 2), out int month) || !TryDigits(text.Slice(8, 2), out int day) ||
            year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// <c>YYYY-MM-DD HH:MM:SS</c> with an optional fraction of up to <paramref name="maxFractionDigits"/> digits. The
    /// value is truncated to .NET's 100 ns ticks for comparisons; the canonical text keeps every digit.
    /// </summary>
    public static bool TryTimestamp(ReadOnlySpan<byte> text, int maxFractionDigits, out DateTime value, out int fractionDigits)
    {
        value = default;
        fractionDigits = 0;
        if (text.Length < 19 || text[10] != (byte)' ' || text[13] != (byte)':' || text[16] != (byte)':' ||
            !TryDate(text[..10], out DateOnly date) ||
            !TryDigits(text.Slice(11, 2), out int hour) || !TryDigits(text.Slice(14, 2), out int minute) || !TryDigits(text.Slice(17, 2), out int second) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long ticks = 0;
        if (text.Length > 19)
        {
            ReadOnlySpan<byte> fraction = text[20..];
            if (text[19] != (byte)'.' || fraction.Length == 0 || fraction.Length > Math.Max(maxFractionDigits, 0) || !AllDigits(fraction))
            {
                return false;
            }

            fractionDigits = fraction.Length;
            for (int i = 0; i < 7; i++)
            {
                ticks = (ticks * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
            }
        }

        value = date.ToDateTime(new TimeOnly(hour, minute, second)).AddTicks(ticks);
        return true;
    }

    private static bool IsFloatSyntax(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (!(b is >= (byte)'0' and <= (byte)'9' || b is (byte)'.' or (byte)'-' or (byte)'E' or (byte)'e' or (byte)'+'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (byte b in text)
        {
            if (b < (byte)'0' || b > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static bool AllDigits(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (b < (byte)'0' || b > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }
}
