using System.Globalization;
using SoxAuto.Core.Evidence;
using SoxAuto.Core.Execution;

namespace SoxAuto.Cli.Output;

/// <summary>The end-of-run summary: a table (item, rows, checks, status, package) or JSON, and where the evidence is.</summary>
internal static class ExtractSummary
{
    public static async Task WriteTextAsync(TextWriter output, ExtractionResult result, DateOnly cutoff)
    {
        string[] headers = ["ITEM", "STATUS", "ROWS", "CHECKS PASS/FAIL/ERROR/SKIP", "PACKAGE"];
        List<string[]> rows = result.Items.Select(i => new[]
        {
            i.ItemId,
            i.Status.ToString().ToUpperInvariant(),
            i.Package is null ? "-" : i.Package.Rows.ToString("N0", CultureInfo.InvariantCulture),
            $"{i.ChecksPassed}/{i.ChecksFailed}/{i.ChecksErrored}/{i.ChecksSkipped}",
            i.Package?.FileName ?? "(none)",
        }).ToList();
        int[] widths = headers.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Join("  ", headers.Select((h, c) => h.PadRight(widths[c]))).TrimEnd());
        foreach (string[] row in rows)
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((v, c) => v.PadRight(widths[c]))).TrimEnd());
        }

        foreach (ItemOutcome failed in result.Items.Where(i => i.Error is not null))
        {
            await output.WriteLineAsync($"{failed.ItemId}: {failed.Error}");
        }

        int pass = result.Items.Count(i => i.Status == ItemStatus.Pass);
        int fail = result.Items.Count(i => i.Status == ItemStatus.Fail);
        int error = result.Items.Count(i => i.Status == ItemStatus.Error);
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"cutoff {cutoff:yyyy-MM-dd}: {pass} PASS, {fail} FAIL, {error} ERROR. Evidence: {result.RunFolder} (run summary {Path.GetFileName(result.RunJsonPath)})"));
    }

    public static Task WriteJsonAsync(TextWriter output, ExtractionResult result, DateOnly cutoff, int exitCode) => JsonOutput.WriteAsync(output, new
    {
        Cutoff = cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RunFolder = result.RunFolder,
        RunJson = result.RunJsonPath,
        ExitCode = exitCode,
        Items = result.Items.Select(i => new
        {
            Id = i.ItemId,
            Status = i.Status.ToString().ToUpperInvariant(),
            Rows = i.Package?.Rows,
            ChecksPassed = i.ChecksPassed,
            ChecksFailed = i.ChecksFailed,
            ChecksErrored = i.ChecksErrored,
            ChecksSkipped = i.ChecksSkipped,
            Package = i.Package?.Path,
            PackageSha256 = i.Package?.Sha256,
            DatasetSha256 = i.Package?.DatasetSha256,
            i.Error,
        }).ToArray(),
    });
}
