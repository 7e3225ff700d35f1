using SoxAuto.Aws.Access;

namespace SoxAuto.Cli.Output;

/// <summary>
/// Renders test-access: an aligned plain-text table (probe, status, what was found, and on FAIL what to do), or JSON
/// <c>{"probes":[{"name","status","detail","fix"}],"ok"}</c> with statuses in the JSON style of soxauto (snake_case).
/// </summary>
internal static class AccessReportOutput
{
    public static async Task WriteTextAsync(TextWriter output, AccessReport report)
    {
        int nameWidth = Math.Max("PROBE".Length, report.Results.Max(r => r.Name.Length));
        int statusWidth = "SKIPPED".Length;
        string indent = new(' ', nameWidth + statusWidth + 4);
        await output.WriteLineAsync($"{"PROBE".PadRight(nameWidth)}  {"STATUS".PadRight(statusWidth)}  DETAIL");
        foreach (ProbeResult result in report.Results)
        {
            await output.WriteLineAsync($"{result.Name.PadRight(nameWidth)}  {Status(result.Status).PadRight(statusWidth)}  {result.Detail}");
            if (result.Status == ProbeStatus.Fail && !string.IsNullOrEmpty(result.Fix))
            {
                await output.WriteLineAsync($"{indent}fix: {result.Fix}");
            }
        }

        int failed = report.Results.Count(r => r.Status == ProbeStatus.Fail);
        await output.WriteLineAsync(report.Ok
            ? "Access OK: every probe that ran passed."
            : $"Access NOT OK: {failed} probe(s) failed; fix the first FAIL first, later ones often follow from it.");
    }

    public static Task WriteJsonAsync(TextWriter output, AccessReport report) => JsonOutput.WriteAsync(output, new
    {
        Probes = report.Results.Select(r => new { r.Name, r.Status, r.Detail, r.Fix }).ToArray(),
        report.Ok,
    });

    private static string Status(ProbeStatus status) => status switch
    {
        ProbeStatus.Pass => "PASS",
        ProbeStatus.Fail => "FAIL",
        _ => "SKIPPED",
    };
}
