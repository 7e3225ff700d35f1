namespace SoxAuto.Cli.Commands;

/// <summary>The honest answer of a command whose implementation has not landed: say so and exit 3, never pretend.</summary>
internal static class NotYetAvailable
{
    public static async Task<int> ReportAsync(CliEnvironment environment, string command, string issue)
    {
        await environment.Error.WriteLineAsync(
            $"soxauto {command}: not available in this build yet (tracked as issue {issue}); nothing was done.");
        return ExitCodes.AccessOrRuntimeFailure;
    }
}
