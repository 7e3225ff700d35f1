using System.CommandLine;

namespace SoxAuto.Cli.Commands;

/// <summary><c>soxauto extract --cutoff YYYY-MM-DD</c>: runs catalog items and writes one evidence package per item.</summary>
internal sealed class ExtractCommand : Command
{
    public ExtractCommand(CliEnvironment environment)
        : base("extract", "Run the catalog's queries in Athena for a cutoff, check the results and write evidence packages.")
    {
        CutoffOption = new Option<DateOnly?>("--cutoff")
        {
            Description = "The cutoff: last day of the reporting period, inclusive (YYYY-MM-DD). Default: the last day of the previous month.",
            HelpName = "YYYY-MM-DD",
            CustomParser = OptionParsers.ParseCutoff,
        };
        IpeOption = new Option<string[]>("--ipe")
        {
            Description = "Run only this catalog item (repeatable). Default: every item.",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = false,
        };
        OutOption = new Option<string>("--out")
        {
            Description = "Where run folders of evidence packages are written.",
            HelpName = "DIR",
            DefaultValueFactory = _ => "evidence",
        };
        ConcurrencyOption = new Option<int>("--concurrency")
        {
            Description = "How many items run at once.",
            HelpName = "N",
            DefaultValueFactory = _ => 4,
            CustomParser = OptionParsers.ParseConcurrency,
        };
        Options.Add(CutoffOption);
        Options.Add(IpeOption);
        Options.Add(CatalogOption);
        Options.Add(OutOption);
        Options.Add(ProfileOption);
        Options.Add(RegionOption);
        Options.Add(WorkgroupOption);
        Options.Add(OutputLocationOption);
        Options.Add(EndpointUrlOption);
        Options.Add(ConcurrencyOption);
        Options.Add(JsonOption);
        SetAction((parseResult, cancellationToken) => new ExtractAction(this, environment).RunAsync(parseResult, cancellationToken));
    }

    public Option<DateOnly?> CutoffOption { get; }

    public Option<string[]> IpeOption { get; }

    public Option<string> CatalogOption { get; } = CommonOptions.Catalog();

    public Option<string> OutOption { get; }

    public Option<string?> ProfileOption { get; } = CommonOptions.Profile();

    public Option<string?> RegionOption { get; } = CommonOptions.Region();

    public Option<string?> WorkgroupOption { get; } = CommonOptions.Workgroup();

    public Option<string?> OutputLocationOption { get; } = CommonOptions.OutputLocation();

    public Option<Uri?> EndpointUrlOption { get; } = CommonOptions.EndpointUrl();

    public Option<int> ConcurrencyOption { get; }

    public Option<bool> JsonOption { get; } = CommonOptions.Json();
}
