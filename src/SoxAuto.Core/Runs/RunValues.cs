using System.Globalization;
using SoxAuto.Core.Catalog;

namespace SoxAuto.Core.Runs;

/// <summary>
/// The values a run provides to parameters (<c>from:</c> in the catalog). They are all derived from the one date the
/// user gives, the cutoff, plus the named values of the settings file — defined here once, and documented in
/// docs/catalog.md. The cutoff is the last day of the reporting period, inclusive.
/// </summary>
public sealed class RunValues
{
    private readonly Dictionary<string, ParameterValue> _values;

    private RunValues(DateOnly cutoff, Dictionary<string, ParameterValue> values)
    {
        Cutoff = cutoff;
        _values = values;
    }

    public DateOnly Cutoff { get; }

    public IReadOnlyDictionary<string, ParameterValue> Values => _values;

    /// <summary>Names and meaning of the derived values, for documentation and messages.</summary>
    public static IReadOnlyDictionary<string, string> DerivedValueMeanings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cutoff_date"] = "date: the cutoff, the last day of the reporting period (inclusive)",
        ["cutoff_end"] = "timestamp: the day after the cutoff at 00:00, the exclusive upper bound for timestamp columns",
        ["period_month_start"] = "timestamp: the first day of the cutoff's month at 00:00 (inclusive)",
        ["subsequent_month_start"] = "timestamp: the first day of the month after the cutoff's month at 00:00 (exclusive)",
        ["previous_cutoff_date"] = "date: the last day of the month before the cutoff's month",
        ["year_start"] = "date: 1 January of the cutoff's year",
        ["year_end"] = "date: 31 December of the cutoff's year",
        ["fx_year"] = "bigint: the cutoff's year",
        ["fx_month"] = "bigint: the cutoff's month (1-12)",
    };

    public static IReadOnlySet<string> DerivedNames { get; } = DerivedValueMeanings.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The run values for <paramref name="cutoff"/>: the derived dates, then the settings' named values.</summary>
    public static RunValues For(DateOnly cutoff, IReadOnlyDictionary<string, ParameterValue> settingsValues)
    {
        DateOnly monthStart = new(cutoff.Year, cutoff.Month, 1);
        DateOnly nextMonthStart = monthStart.AddMonths(1);
        Dictionary<string, ParameterValue> values = new(StringComparer.Ordinal)
        {
            ["cutoff_date"] = new DateParameterValue(cutoff),
            ["cutoff_end"] = new TimestampParameterValue(cutoff.AddDays(1).ToDateTime(TimeOnly.MinValue)),
            ["period_month_start"] = new TimestampParameterValue(monthStart.ToDateTime(TimeOnly.MinValue)),
            ["subsequent_month_start"] = new TimestampParameterValue(nextMonthStart.ToDateTime(TimeOnly.MinValue)),
            ["previous_cutoff_date"] = new DateParameterValue(monthStart.AddDays(-1)),
            ["year_start"] = new DateParameterValue(new DateOnly(cutoff.Year, 1, 1)),
            ["year_end"] = new DateParameterValue(new DateOnly(cutoff.Year, 12, 31)),
            ["fx_year"] = new BigintParameterValue(cutoff.Year),
            ["fx_month"] = new BigintParameterValue(cutoff.Month),
        };
        foreach ((string name, ParameterValue value) in settingsValues)
        {
            values.TryAdd(name, value);
        }

        return new RunValues(cutoff, values);
    }

    public bool TryGet(string name, out ParameterValue value) => _values.TryGetValue(name, out value!);

    /// <summary>
    /// Converts a run value to a parameter's declared type. Only lossless widenings are allowed: a date binds to a
    /// timestamp parameter at 00:00, and a timestamp at exactly 00:00 binds to a date parameter.
    /// </summary>
    public static ParameterValue? Convert(ParameterValue value, ParameterType type) => (value, type) switch
    {
        _ when value.Type == type => value,
        (DateParameterValue date, ParameterType.Timestamp) => new TimestampParameterValue(date.Value.ToDateTime(TimeOnly.MinValue)),
        (TimestampParameterValue ts, ParameterType.Date) when ts.Value.TimeOfDay == TimeSpan.Zero =>
            new DateParameterValue(DateOnly.FromDateTime(ts.Value)),
        (VarcharParameterValue text, ParameterType.VarcharArray) => new VarcharArrayParameterValue([text.Value]),
        _ => null,
    };

    public override string ToString() => Cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
