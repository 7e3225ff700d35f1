using SoxAuto.Core.Evidence.Verification;

namespace SoxAuto.Cli.Output;

/// <summary>Renders verify's results: per package a verdict line and every check (so the reader sees what was checked), or JSON.</summary>
internal static class VerificationReport
{
    public static async Task WriteTextAsync(TextWriter output, IReadOnlyList<PackageVerification> results)
    {
        foreach (PackageVerification result in results)
        {
            await output.WriteLineAsync($"{result.Path}: {(result.Ok ? "VERIFIED" : "FAILED")}");
            foreach (VerificationCheck check in result.Checks)
            {
                await output.WriteLineAsync($"  {(check.Ok ? "ok  " : "FAIL")}  {check.Name}: {check.Detail}");
            }
        }

        int failed = results.Count(r => !r.Ok);
        await output.WriteLineAsync(failed == 0
            ? $"all {results.Count} package(s) verified"
            : $"{failed} of {results.Count} package(s) FAILED verification");
    }

    public static Task WriteJsonAsync(TextWriter output, IReadOnlyList<PackageVerification> results) => JsonOutput.WriteAsync(output, new
    {
        Packages = results.Select(r => new
        {
            r.Path,
            r.Ok,
            Checks = r.Checks.Select(c => new { c.Name, c.Ok, c.Detail }).ToArray(),
        }).ToArray(),
        Ok = results.All(r => r.Ok),
    });
}
