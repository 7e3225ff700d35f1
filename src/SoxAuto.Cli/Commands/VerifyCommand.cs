using System.CommandLine;
using SoxAuto.Cli.Output;
using SoxAuto.Core.Evidence.Verification;

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
        SetAction(async (parseResult, cancellationToken) =>
        {
            FileInfo[] packages = parseResult.GetValue(PackagesArgument) ?? [];
            FileInfo[] missing = [.. packages.Where(p => !p.Exists)];
            if (missing.Length > 0)
            {
                foreach (FileInfo file in missing)
                {
                    await environment.Error.WriteLineAsync($"soxauto verify: {file.FullName}: no such file{(Directory.Exists(file.FullName) ? " (it is a folder; give the .zip)" : string.Empty)}");
                }

                return ExitCodes.InvalidInput;
            }

            List<PackageVerification> results = [];
            foreach (FileInfo package in packages)
            {
                results.Add(await PackageVerifier.VerifyAsync(package.FullName, cancellationToken));
            }

            if (parseResult.GetValue(JsonOption))
            {
                await VerificationReport.WriteJsonAsync(environment.Output, results);
            }
            else
            {
                await VerificationReport.WriteTextAsync(environment.Output, results);
            }

            return results.All(r => r.Ok) ? ExitCodes.Ok : ExitCodes.ControlsFailed;
        });
    }

    public Argument<FileInfo[]> PackagesArgument { get; }

    public Option<bool> JsonOption { get; } = CommonOptions.Json();
}
