using System.CommandLine;

namespace SoxAuto.Cli.Commands;

/// <summary><c>soxauto test-access</c>: probes credentials, STS, Athena, the workgroup, the catalog's databases and S3.</summary>
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
        SetAction(async (_, cancellationToken) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await NotYetAvailable.ReportAsync(environment, Name, "#6");
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
