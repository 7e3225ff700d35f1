using System.CommandLine;
using SoxAuto.Cli.Output;
using SoxAuto.Core.Catalog;

namespace SoxAuto.Cli.Commands;

/// <summary><c>soxauto validate-catalog</c>: lints the catalog offline and reports every problem at once.</summary>
internal sealed class ValidateCatalogCommand : Command
{
    public ValidateCatalogCommand(CliEnvironment environment)
        : base("validate-catalog", "Check the IPE catalog offline: YAML, fields, parameters, query safety and checks. Exit 0 when valid, 2 otherwise.")
    {
        Option<string> catalogOption = CommonOptions.Catalog();
        Option<bool> jsonOption = CommonOptions.Json();
        Options.Add(catalogOption);
        Options.Add(jsonOption);
        SetAction(async (parseResult, cancellationToken) =>
        {
            IpeCatalog catalog = CatalogLoader.Load(parseResult.GetValue(catalogOption)!);
            cancellationToken.ThrowIfCancellationRequested();
            if (parseResult.GetValue(jsonOption))
            {
                await CatalogReport.WriteJsonAsync(environment.Output, catalog);
            }
            else
            {
                await CatalogReport.WriteTextAsync(environment.Output, catalog);
            }

            return catalog.HasErrors ? ExitCodes.InvalidInput : ExitCodes.Ok;
        });
    }
}
