using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SoxAuto.Core.Evidence;

/// <summary>
/// Run ids: <c>&lt;cutoff&gt;_&lt;UTC start&gt;_&lt;8 hex&gt;</c>, e.g. <c>2025-09-30_20261122T101500Z_3f9a1c2e</c>. They sort by
/// cutoff, then start time; the suffix (32 bits from a CSPRNG) keeps two runs started in the same second apart.
/// </summary>
public static partial class RunIds
{
    public static string New(DateOnly cutoff, DateTimeOffset startUtc) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{cutoff:yyyy-MM-dd}_{startUtc.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    public static bool IsValid(string? runId) => runId is not null && Shape().IsMatch(runId);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}_\d{8}T\d{6}Z_[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
