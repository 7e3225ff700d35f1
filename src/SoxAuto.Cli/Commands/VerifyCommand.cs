using System.CommandLine;

namespace SoxAuto.Cli.Commands;

/// <summary><c>soxauto verify PACKAGE.zip...</c>: re-checks evidence packages from their bytes alone.</summary>
internal sealed class VerifyCommand : Command
{
    public VerifyCommand(CliEnvironment environment)
        : base("verify", "Re-check evidence packages from their bytes: checksums, data hash, row count, snapshot. Exit 0 when all hold, 1 otherwise.")
    {
        PackagesArgument = new Argument<FileInfo[]>("PACKAGE.zip")
        {
            Description = "The evidence packages to verify.",
            Arity = ArgumentArity.OneOrMore,
        };
        Arguments.Add(PackagesArgument);
        Options.Add(JsonOption);
        SetAction(async (_, cancellationToken) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await NotYetAvailable.ReportAsync(environment, Name, "#4");
        });
    }

    public Argument<FileInfo[]> PackagesArgument { get; }

    public Option<bool> JsonOption { get; } = CommonOptions.Json();
}
