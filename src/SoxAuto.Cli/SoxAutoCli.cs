using System.CommandLine;
using SoxAuto.Cli.Commands;

namespace SoxAuto.Cli;

/// <summary>
/// The command-line edge: builds the command tree, parses, runs the chosen command and turns the outcome into an exit
/// code. Usage errors exit 2 (System.CommandLine's default is 1, which would read as "controls failed").
/// </summary>
internal static class SoxAutoCli
{
    /// <summary>How long running work gets to stop cleanly (e.g. StopQueryExecution calls) after Ctrl+C or SIGTERM.</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        RootCommand root = BuildRootCommand(environment);
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parseResult.Errors)
            {
                await environment.Error.WriteLineAsync($"soxauto: {error.Message}");
            }

            string command = parseResult.CommandResult.Command is RootCommand ? "soxauto" : $"soxauto {parseResult.CommandResult.Command.Name}";
            await environment.Error.WriteLineAsync($"Run '{command} --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        InvocationConfiguration configuration = new()
        {
            Output = environment.Output,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,

            // Signals are ours (TerminationSignals), so that a cancellation is known to come from the user.
            ProcessTerminationTimeout = null,
        };

        using TerminationSignals signals = new(cancellationToken);
        try
        {
            Task<int> run = parseResult.InvokeAsync(configuration, signals.Token);
            if (await Task.WhenAny(run, signals.GraceExpiredAsync(ShutdownGrace)) != run)
            {
                // Still cleaning up long after the signal: stop waiting (the process ends with this exit code).
                await environment.Error.WriteLineAsync($"soxauto: cancelled; clean-up did not finish within {ShutdownGrace.TotalSeconds:0} s (check the workgroup for queries still running).");
                return ExitCodes.Cancelled;
            }

            return await run;
        }
        catch (OperationCanceledException) when (signals.StopRequested)
        {
            await environment.Error.WriteLineAsync("soxauto: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (OperationCanceledException ex)
        {
            // Nobody asked to stop: a library gave up waiting (an HTTP or SDK time-out). A runtime failure, not a cancel.
            await environment.Error.WriteLineAsync($"soxauto: an operation timed out: {ex.Message} Check the network and the endpoint, then run again.");
            return ExitCodes.AccessOrRuntimeFailure;
        }
        catch (Exception ex) when (AwsFailures.TryDescribe(ex, out int exitCode, out string message))
        {
            await environment.Error.WriteLineAsync($"soxauto: {message}");
            return exitCode;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A defect, not an expected failure: say so plainly; the stack trace is for us, on request.
            await environment.Error.WriteLineAsync($"soxauto: internal error: {ex.GetType().Name}: {ex.Message}");
            await environment.Error.WriteLineAsync(environment.DebugEnabled ? ex.ToString() : "Set SOXAUTO_DEBUG=1 to see the stack trace, and report it.");
            return ExitCodes.AccessOrRuntimeFailure;
        }
    }

    public static RootCommand BuildRootCommand(CliEnvironment environment)
    {
        RootCommand root = new("soxauto: extracts SOX IPE evidence from AWS Athena into packages an auditor can verify.")
        {
            new ExtractCommand(environment),
            new ValidateCatalogCommand(environment),
            new TestAccessCommand(environment),
            new LoginCommand(environment),
            new VerifyCommand(environment),
        };
        return root;
    }
}
