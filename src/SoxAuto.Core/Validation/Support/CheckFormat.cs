using System.Globalization;
using System.Numerics;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Validation.Support;

/// <summary>
/// Numbers as a controller reads them in a message (<c>1,234.00</c>, <c>-100.00</c>, <c>99.95%</c>), invariant culture.
/// The machine-readable fields (expected, actual) keep plain notation.
/// </summary>
internal static class CheckFormat
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rows(long value) => Of(value, "row", "rows");

    /// <summary>"1 record", "3 records": the count and the noun that agrees with it.</summary>
    public static string Of(long value, string singular, string plural) => $"{Count(value)} {(value == 1 ? singular : plural)}";

    /// <summary>An exact amount with thousands separators and all its decimals.</summary>
    public static string Amount(BigInteger unscaled, int scale)
    {
        string plain = ScaledDecimal.Format(BigInteger.Abs(unscaled), scale);
        int point = plain.IndexOf('.', StringComparison.Ordinal);
        string whole = point < 0 ? plain : plain[..point];
        string grouped = BigInteger.Parse(whole, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
        return (unscaled.Sign < 0 ? "-" : string.Empty) + grouped + (point < 0 ? string.Empty : plain[point..]);
    }

    public static string Amount(ScaledDecimal value) => Amount(value.Unscaled, value.Scale);

    /// <summary>A difference, always signed: <c>+100.00</c>, <c>-100.00</c>, <c>0.00</c>.</summary>
    public static string Difference(BigInteger unscaled, int scale) =>
        (unscaled.Sign > 0 ? "+" : string.Empty) + Amount(unscaled, scale);

    /// <summary>A share as a percentage, rounded down so that anything short of complete never shows as 100%.</summary>
    public static string Share(long part, long whole)
    {
        if (whole == 0)
        {
            return "100%";
        }

        decimal percent = Math.Floor(part * 10000m / whole) / 100m;
        return percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
    }

    public static string Share(decimal share) => (share * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    /// <summary>The first few items, then how many more: "a; b; c; and 4 more".</summary>
    public static string FirstFew(IReadOnlyList<string> items, int shown = 3) =>
        items.Count <= shown
            ? string.Join("; ", items)
            : string.Join("; ", items.Take(shown)) + $"; and {Count(items.Count - shown)} more";
}
