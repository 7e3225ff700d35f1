using System.CommandLine;
using System.Globalization;
using SoxAuto.Aws;
using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Sso;
using SoxAuto.Cli.Output;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Evidence;
using SoxAuto.Core.Execution;
using SoxAuto.Core.Runs;
using SoxAuto.Core.Validation;

namespace SoxAuto.Cli.Commands;

/// <summary>
/// What <c>soxauto extract</c> does: validate everything it can before touching AWS (cutoff, catalog, item ids, the
/// settings from the environment, the output folder, the AWS configuration), compose the run, execute it, print the
/// summary, and choose the exit code — ERROR anywhere 3, else FAIL anywhere 1, else 0.
/// </summary>
internal sealed class ExtractAction(ExtractCommand command, CliEnvironment environment)
{
    public async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        DateOnly? given = parseResult.GetValue(command.CutoffOption);
        DateOnly cutoff = given ?? CutoffDate.DefaultFor(DateOnly.FromDateTime(environment.Time.GetUtcNow().UtcDateTime));
        if (given is null)
        {
            await environment.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"NOTE: no --cutoff given; using {cutoff:yyyy-MM-dd}, the last day of the previous month."));
        }

        IpeCatalog catalog = CatalogLoader.Load(parseResult.GetValue(command.CatalogOption)!);
        if (catalog.HasErrors)
        {
            await CatalogReport.WriteTextAsync(environment.Error, catalog);
            await environment.Error.WriteLineAsync("soxauto extract: fix the catalog first (soxauto validate-catalog shows the same problems); nothing was run or written.");
            return ExitCodes.InvalidInput;
        }

        string[] requested = parseResult.GetValue(command.IpeOption) ?? [];
        string[] unknown = requested.Where(id => catalog.FindItem(id) is null).ToArray();
        if (unknown.Length > 0)
        {
            await environment.Error.WriteLineAsync(
                $"soxauto extract: --ipe {string.Join(", ", unknown)}: no such catalog item (the catalog has {string.Join(", ", catalog.Items.Select(i => i.Id))}).");
            return ExitCodes.InvalidInput;
        }

        IReadOnlyList<CatalogItem> items = requested.Length == 0
            ? catalog.Items
            : catalog.Items.Where(i => requested.Contains(i.Id, StringComparer.OrdinalIgnoreCase)).ToArray();
        RunSettings settings = RunSettings.Resolve(catalog.Settings, new SettingsOverrides(
            Region: parseResult.GetValue(command.RegionOption),
            Workgroup: parseResult.GetValue(command.WorkgroupOption),
            OutputLocation: parseResult.GetValue(command.OutputLocationOption)), environment.Variable);
        if (settings.EnvironmentProblem() is { } settingsProblem)
        {
            await environment.Error.WriteLineAsync($"soxauto extract: {settingsProblem}; nothing was run or written.");
            return ExitCodes.InvalidInput;
        }

        string outDirectory = parseResult.GetValue(command.OutOption)!;
        if (OutFolderCheck.FindProblem(outDirectory) is { } outProblem)
        {
            await environment.Error.WriteLineAsync($"soxauto extract: --out '{outDirectory}' {outProblem}; nothing was run or written.");
            return ExitCodes.InvalidInput;
        }

        AwsOptions aws = new(parseResult.GetValue(command.ProfileOption), parseResult.GetValue(command.RegionOption), parseResult.GetValue(command.EndpointUrlOption));
        AwsSession session = AwsSessionFactory.Create(aws, settings.Region, environment.Variable, environment.Time, SsoTokenCache.Default());
        using AwsQueryRuntime runtime = AwsQueryRuntime.Create(session, settings, environment.Time, ResultReuseMinutes());
        (string? callerArn, string? identityProblem) = await runtime.TryGetCallerArnAsync(cancellationToken);
        if (identityProblem is not null)
        {
            await environment.Error.WriteLineAsync($"WARNING: the caller identity is not recorded: {identityProblem}");
        }

        DateTimeOffset startedAt = environment.Time.GetUtcNow();
        RunContext context = new()
        {
            RunId = RunIds.New(cutoff, startedAt),
            Cutoff = cutoff,
            StartedAt = startedAt,
            ToolVersion = ToolInfo.Version,
            CatalogSha256 = catalog.CatalogSha256,
            Region = runtime.Region,
            WorkGroup = settings.Workgroup,
            CallerIdentityArn = callerArn,
            SettingOrigins = settings.Origins,
        };
        RunEvidenceWriter evidence = RunEvidenceWriter.Create(outDirectory, context);
        await environment.Error.WriteLineAsync($"soxauto extract: cutoff {cutoff:yyyy-MM-dd}, {items.Count} item(s), run {context.RunId}, workgroup {settings.Workgroup}, region {runtime.Region}");

        ProgressDisplay progress = new(environment.Error, environment.IsTerminal, environment.Time);
        ExtractionRunner runner = new(runtime.Engine, new CheckSuiteFactory(), environment.Time, progress);
        ExtractionPlan plan = new(items, RunValues.For(cutoff, catalog.Settings.Values), settings, parseResult.GetValue(command.ConcurrencyOption));
        ExtractionResult result;
        try
        {
            result = await runner.RunAsync(plan, evidence, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A cancelled run that completed no package leaves no empty run folder to be mistaken for evidence.
            progress.Flush();
            evidence.RemoveIfEmpty();
            throw;
        }

        progress.Flush();

        int exitCode = result.AnyError ? ExitCodes.AccessOrRuntimeFailure : result.AnyFailure ? ExitCodes.ControlsFailed : ExitCodes.Ok;
        if (parseResult.GetValue(command.JsonOption))
        {
            await ExtractSummary.WriteJsonAsync(environment.Output, result, cutoff, exitCode);
        }
        else
        {
            await ExtractSummary.WriteTextAsync(environment.Output, result, cutoff);
        }

        return exitCode;
    }

    // Athena result reuse is for the benchmark (measure our pipeline, not the engine); off unless asked for.
    private int? ResultReuseMinutes() =>
        int.TryParse(environment.Variable("SOXAUTO_RESULT_REUSE_MINUTES"), NumberStyles.None, CultureInfo.InvariantCulture, out int minutes) && minutes > 0
            ? minutes
            : null;
}
