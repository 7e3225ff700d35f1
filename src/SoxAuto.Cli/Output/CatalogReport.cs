using SoxAuto.Core.Catalog;

namespace SoxAuto.Cli.Output;

/// <summary>Renders the findings of validate-catalog: one line per problem (file:line:col, like a compiler), or JSON.</summary>
internal static class CatalogReport
{
    public static async Task WriteTextAsync(TextWriter output, IpeCatalog catalog)
    {
        foreach (CatalogProblem problem in Ordered(catalog))
        {
            string severity = problem.Severity == ProblemSeverity.Error ? "error" : "warning";
            await output.WriteLineAsync($"{PathOf(catalog, problem.Location)}: {severity} [{problem.RuleId}] {problem.Message}");
            if (!string.IsNullOrEmpty(problem.Hint))
            {
                await output.WriteLineAsync($"    fix: {problem.Hint}");
            }
        }

        int errors = catalog.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        int warnings = catalog.Problems.Count - errors;
        string verdict = errors == 0 ? "catalog is valid" : "catalog is NOT valid";
        await output.WriteLineAsync($"{verdict}: {catalog.Items.Count} item(s), {errors} error(s), {warnings} warning(s) in {catalog.Directory}");
    }

    public static Task WriteJsonAsync(TextWriter output, IpeCatalog catalog) => JsonOutput.WriteAsync(output, new
    {
        Catalog = catalog.Directory,
        CatalogSha256 = catalog.CatalogSha256,
        Valid = !catalog.HasErrors,
        Items = catalog.Items.Select(i => i.Id).ToArray(),
        Errors = catalog.Problems.Count(p => p.Severity == ProblemSeverity.Error),
        Warnings = catalog.Problems.Count(p => p.Severity == ProblemSeverity.Warning),
        Problems = Ordered(catalog).Select(p => new
        {
            Severity = p.Severity == ProblemSeverity.Error ? "error" : "warning",
            Rule = p.RuleId,
            File = PathOf(catalog, p.Location with { Line = 0, Column = 0 }),
            Line = p.Location.Line > 0 ? p.Location.Line : (int?)null,
            Column = p.Location.Column > 0 ? p.Location.Column : (int?)null,
            p.Message,
            p.Hint,
        }).ToArray(),
    });

    private static IEnumerable<CatalogProblem> Ordered(IpeCatalog catalog) => catalog.Problems
        .OrderBy(p => p.Location.File, StringComparer.Ordinal)
        .ThenBy(p => p.Location.Line)
        .ThenBy(p => p.Location.Column);

    private static string PathOf(IpeCatalog catalog, SourceLocation location)
    {
        string file = Path.IsPathRooted(location.File) || location.File == catalog.Directory
            ? location.File
            : Path.Combine(catalog.Directory, location.File);
        return (location with { File = file }).ToString();
    }
}
