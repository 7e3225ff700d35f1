using System.Globalization;

namespace SoxAuto.Core.Runs;

/// <summary>Parsing and defaulting of the cutoff, the only date a user gives.</summary>
public static class CutoffDate
{
    /// <summary>Accepts exactly <c>YYYY-MM-DD</c> naming a real calendar date (2025-02-29 is refused).</summary>
    public static bool TryParse(string? text, out DateOnly cutoff, out string error)
    {
        error = string.Empty;
        if (text is not null && text.Length == 10 &&
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out cutoff))
        {
            return true;
        }

        cutoff = default;
        error = $"--cutoff '{text}' is not a calendar date in YYYY-MM-DD form (for example 2025-09-30)";
        return false;
    }

    /// <summary>The last day of the month before <paramref name="today"/>: the usual month-end close.</summary>
    public static DateOnly DefaultFor(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddDays(-1);

    public static bool IsMonthEnd(DateOnly date) => date.AddDays(1).Day == 1;
}
