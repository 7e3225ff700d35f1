using System.Globalization;

namespace SoxAuto.Core.Expressions;

/// <summary>
/// A date or timestamp on one scale, so the two compare: a date is its day at 00:00 (Trino's rule when a date meets a
/// timestamp). <see cref="Ticks"/> are .NET's 100 ns; <see cref="Picoseconds"/> keep the digits of a timestamp(8..12)
/// below that (0..99,999), so no fraction Athena can render is lost in a comparison.
/// </summary>
internal readonly record struct Temporal(long Ticks, int Picoseconds) : IComparable<Temporal>
{
    public static Temporal FromDate(DateOnly date) => new(checked(date.DayNumber * TimeSpan.TicksPerDay), 0);

    public static Temporal FromDateTime(DateTime value) => new(value.Ticks, 0);

    public bool IsMidnight => Ticks % TimeSpan.TicksPerDay == 0 && Picoseconds == 0;

    public DateOnly Date => DateOnly.FromDayNumber(checked((int)(Ticks / TimeSpan.TicksPerDay)));

    public int CompareTo(Temporal other)
    {
        int ticks = Ticks.CompareTo(other.Ticks);
        return ticks != 0 ? ticks : Picoseconds.CompareTo(other.Picoseconds);
    }

    /// <summary>As a timestamp: <c>2025-09-30 12:00:00.000</c>, with more digits only when they are there.</summary>
    public string ToTimestampText()
    {
        string text = new DateTime(Ticks, DateTimeKind.Unspecified).ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        if (Picoseconds != 0)
        {
            return text + Picoseconds.ToString("00000", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        string trimmed = text.TrimEnd('0');
        int fraction = trimmed.Length - trimmed.IndexOf('.', StringComparison.Ordinal) - 1;
        return fraction <= 3 ? text[..23] : trimmed;
    }
}
