using SoxAuto.Cli.Tests.TestSupport;

namespace SoxAuto.Cli.Tests;

public sealed class ExitCodeTests
{
    [Theory]
    [InlineData("2025-02-29")]
    [InlineData("2025-13-01")]
    [InlineData("30/09/2025")]
    [InlineData("2025-9-30")]
    [InlineData("yesterday")]
    public async Task Extract_WhenCutoffIsNotACalendarDate_Exits2NamingTheCutoff(string cutoff)
    {
        CliRun run = await CliRun.RunAsync(["extract", "--cutoff", cutoff]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"--cutoff '{cutoff}'", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData(true, ExitCodes.Cancelled)]
    [InlineData(false, ExitCodes.AccessOrRuntimeFailure)] // a library's time-out is a runtime failure, not a Ctrl+C
    public async Task ACancellation_Exits130_OnlyWhenTheUserAskedForIt(bool userCancelled, int expected)
    {
        using TestCatalog catalog = new();
        using CancellationTokenSource cancel = new();
        if (userCancelled)
        {
            await cancel.CancelAsync();
        }

        using StringWriter error = new();
        CliEnvironment environment = new(new TimingOutWriter(), error, TimeProvider.System, _ => null, IsTerminal: false);

        int exitCode = await SoxAutoCli.RunAsync(["validate-catalog", "--catalog", catalog.Path], environment, cancel.Token);

        Assert.Equal(expected, exitCode);
        Assert.Contains(userCancelled ? "soxauto: cancelled." : "soxauto: an operation timed out", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Output whose every write times out, as an HTTP or SDK call does when it gives up waiting.</summary>
    private sealed class TimingOutWriter : StringWriter
    {
        public override void Write(char value) => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.");

        public override void Write(string? value) => Write('x');

        public override void WriteLine(string? value) => Write('x');

        public override Task WriteLineAsync(string? value) => Task.FromException(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."));

        public override Task WriteAsync(string? value) => WriteLineAsync(value);
    }

    [Fact]
    public async Task UnknownCommand_Exits2_NotSystemCommandLineDefault1()
    {
        CliRun run = await CliRun.RunAsync(["frobnicate"]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("frobnicate", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("validate-catalog")]
    [InlineData("test-access")]
    [InlineData("login")]
    [InlineData("verify")]
    public async Task EveryCommand_HasHelp(string command)
    {
        CliRun run = await CliRun.RunAsync([command, "--help"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains(command, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--concurrency", "0")]
    [InlineData("--endpoint-url", "not a url")]
    [InlineData("--output-location", "bucket/prefix")]
    public async Task Extract_WhenAnOptionValueIsInvalid_Exits2NamingTheOption(string option, string value)
    {
        CliRun run = await CliRun.RunAsync(["extract", "--cutoff", "2025-09-30", option, value]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
    }
}
