using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests.TestSupport;

/// <summary>The outcome of one in-process run of the CLI.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs soxauto in-process with captured output, a fixed clock and only the given environment variables.</summary>
    internal static async Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string>? variables = null,
        DateTimeOffset? now = null, CancellationToken cancellationToken = default)
    {
        using StringWriter output = new();
        using StringWriter error = new();
        CliEnvironment environment = new(output, error, new FixedTimeProvider(now ?? new DateTimeOffset(2025, 10, 3, 9, 0, 0, TimeSpan.Zero)),
            name => variables is not null && variables.TryGetValue(name, out string? value) ? value : null, IsTerminal: false);
        int exitCode = await SoxAutoCli.RunAsync(args, environment, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
