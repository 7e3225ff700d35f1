using Microsoft.Win32.SafeHandles;
using SoxAuto.Core.Evidence.Zip;

namespace SoxAuto.Core.Evidence.Verification;

/// <summary>
/// <c>soxauto verify</c>: re-checks a package from its bytes alone — zip structure and entry names first (a hostile
/// archive stops there, nothing extracted), then the deterministic layout, every entry's CRC and SHA256SUMS line,
/// the integrity document, data_file_sha256, the CDH-1 hash recomputed from data.csv.gz, the row count and the
/// snapshot. Entries are streamed from the file by positional reads: memory stays flat for any package size. Expected
/// failures are checks that fail, never exceptions; only cancellation propagates.
/// </summary>
public static class PackageVerifier
{
    public static Task<PackageVerification> VerifyAsync(string path, CancellationToken cancellationToken = default) =>
        VerifyAsync(path, VerificationLimits.Default, cancellationToken);

    internal static async Task<PackageVerification> VerifyAsync(string path, VerificationLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        List<VerificationCheck> checks = [];
        try
        {
            using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
            long length = RandomAccess.GetLength(file);
            ZipDirectory zip;
            try
            {
                zip = ZipDirectoryReader.Read(file, length, limits.MaxEntries, limits.MaxCentralDirectoryBytes);
            }
            catch (ZipFormatException ex)
            {
                checks.Add(VerificationCheck.Fail("zip_structure", ex.Message));
                return new PackageVerification(path, checks);
            }

            checks.Add(VerificationCheck.Pass("zip_structure", $"{zip.Entries.Count} stored entries; directory and local headers agree; nothing overlaps"));
            if (HostileNames(zip) is { } hostile)
            {
                checks.Add(VerificationCheck.Fail("zip_entry_names", hostile + "; nothing was read from the archive"));
                return new PackageVerification(path, checks);
            }

            checks.Add(VerificationCheck.Pass("zip_entry_names", "every entry name is flat, safe and unique"));
            IReadOnlyList<string> deviations = ZipLayout.Deviations(zip);
            checks.Add(deviations.Count == 0
                ? VerificationCheck.Pass("zip_layout", "deterministic layout: directory in name order, data file first, fixed timestamps, no extra fields, nothing unlisted")
                : VerificationCheck.Fail("zip_layout", string.Join("; ", deviations.Take(5)) + (deviations.Count > 5 ? $"; and {deviations.Count - 5} more" : string.Empty)));
            await new PackageContentVerifier(file, zip, limits, checks).RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            checks.Add(VerificationCheck.Fail("file", $"cannot read the file: {ex.Message}"));
        }

        return new PackageVerification(path, checks);
    }

    private static string? HostileNames(ZipDirectory zip)
    {
        List<string> problems = [];
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (ZipEntryRecord entry in zip.Entries)
        {
            if (EntryNames.Problem(entry.Name) is { } problem)
            {
                problems.Add($"entry '{Printable(entry.Name)}' is {problem}");
            }
            else if (!seen.Add(entry.Name))
            {
                problems.Add($"entry '{entry.Name}' appears more than once");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems.Take(5));
    }

    private static string Printable(string name)
    {
        string shown = string.Concat(name.Select(c => char.IsControl(c) ? '?' : c));
        return shown.Length > 80 ? shown[..80] + "…" : shown;
    }
}
