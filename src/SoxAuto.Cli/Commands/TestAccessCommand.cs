using System.CommandLine;
using SoxAuto.Aws.Access;
using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Sso;
using SoxAuto.Cli.Output;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Runs;

namespace SoxAuto.Cli.Commands;

/// <summary>
/// <c>soxauto test-access</c>: probes credentials, STS, Athena and the workgroup, the catalog's databases and the S3
/// output location (and with --query a SELECT 1 end to end). Exit 0 when all pass, 2 for a catalog with errors,
/// 3 when any probe fails, 130 when cancelled.
/// </summary>
internal sealed class TestAccessCommand : Command
{
    public TestAccessCommand(CliEnvironment environment)
        : base("test-access", "Probe credentials, STS, Athena and the workgroup, the catalog's databases and the S3 output location. Exit 0 when all pass, 3 otherwise.")
    {
        QueryOption = new Option<bool>("--query") { Description = "Also run SELECT 1 end to end through Athena and S3." };
        Options.Add(CatalogOption);
        Options.Add(ProfileOption);
        Options.Add(RegionOption);
        Options.Add(WorkgroupOption);
        Options.Add(OutputLocationOption);
        Options.Add(EndpointUrlOption);
        Options.Add(QueryOption);
        Options.Add(JsonOption);
        SetAction(async (parseResult, cancellationToken) =>
        {
            IpeCatalog catalog = CatalogLoader.Load(parseResult.GetValue(CatalogOption)!);
            if (catalog.HasErrors)
            {
                await CatalogReport.WriteTextAsync(environment.Error, catalog);
                await environment.Error.WriteLineAsync("soxauto test-access: fix the catalog first (soxauto validate-catalog shows the same problems); nothing was sent to AWS.");
                return ExitCodes.InvalidInput;
            }

            RunSettings settings = RunSettings.Resolve(catalog.Settings, new SettingsOverrides(
                Region: parseResult.GetValue(RegionOption),
                Workgroup: parseResult.GetValue(WorkgroupOption),
                OutputLocation: parseResult.GetValue(OutputLocationOption)), environment.Variable);
            if (settings.EnvironmentProblem() is { } settingsProblem)
            {
                await environment.Error.WriteLineAsync($"soxauto test-access: {settingsProblem}; nothing was sent to AWS.");
                return ExitCodes.InvalidInput;
            }

            AwsOptions aws = new(parseResult.GetValue(ProfileOption), parseResult.GetValue(RegionOption), parseResult.GetValue(EndpointUrlOption));
            using AccessProbeContext context = new()
            {
                CreateSession = () => AwsSessionFactory.Create(aws, settings.Region, environment.Variable, environment.Time, SsoTokenCache.Default()),
                Settings = settings,
                Databases = catalog.Items.SelectMany(i => i.Databases).ToArray(),
                RunQuery = parseResult.GetValue(QueryOption),
                Time = environment.Time,
            };
            AccessReport report = await AccessProbeRunner.Default.RunAsync(context, cancellationToken);
            if (parseResult.GetValue(JsonOption))
            {
                await AccessReportOutput.WriteJsonAsync(environment.Output, report);
            }
            else
            {
                await AccessReportOutput.WriteTextAsync(environment.Output, report);
            }

            return report.Ok ? ExitCodes.Ok : ExitCodes.AccessOrRuntimeFailure;
        });
    }

    public Option<string> CatalogOption { get; } = CommonOptions.Catalog();

    public Option<string?> ProfileOption { get; } = CommonOptions.Profile();

    public Option<string?> RegionOption { get; } = CommonOptions.Region();

    public Option<string?> WorkgroupOption { get; } = CommonOptions.Workgroup();

    public Option<string?> OutputLocationOption { get; } = CommonOptions.OutputLocation();

    public Option<Uri?> EndpointUrlOption { get; } = CommonOptions.EndpointUrl();

    public Option<bool> QueryOption { get; }

    public Option<bool> JsonOption { get; } = CommonOptions.Json();
}
