using System.Text;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Expressions;

/// <summary>Reads <c>YYYY-MM-DD</c> and <c>YYYY-MM-DD HH:MM:SS[.fraction]</c> (up to 12 fractional digits, as timestamp(12)).</summary>
internal static class TemporalParser
{
    public const int MaxFractionDigits = 12;

    /// <summary>A date, or a timestamp; <paramref name="hasTime"/> tells which was written.</summary>
    public static bool TryParse(string text, out Temporal value, out bool hasTime)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        hasTime = utf8.Length > 10;
        if (!hasTime)
        {
            bool isDate = ValueParsers.TryDate(utf8, out DateOnly date);
            value = isDate ? Temporal.FromDate(date) : default;
            return isDate;
        }

        if (utf8.Length > 10 && utf8[10] == (byte)'T')
        {
            utf8[10] = (byte)' ';
        }

        if (!ValueParsers.TryTimestamp(utf8, MaxFractionDigits, out DateTime timestamp, out int digits))
        {
            value = default;
            return false;
        }

        value = new Temporal(timestamp.Ticks, digits > 7 ? Picoseconds(utf8) : 0);
        return true;
    }

    /// <summary>Digits 8 to 12 of a timestamp's fraction (<c>YYYY-MM-DD HH:MM:SS.fffffffppppp</c>) as picoseconds.</summary>
    public static int Picoseconds(ReadOnlySpan<byte> timestampText)
    {
        int value = 0;
        for (int i = 27; i < 32; i++)
        {
            value = (value * 10) + (i < timestampText.Length ? timestampText[i] - '0' : 0);
        }

        return value;
    }
}
