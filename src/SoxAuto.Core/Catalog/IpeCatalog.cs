namespace SoxAuto.Core.Catalog;

/// <summary>A loaded catalog folder: its settings, its items, and every problem found while loading and validating it.</summary>
public sealed record IpeCatalog(
    string Directory,
    CatalogSettings Settings,
    IReadOnlyList<CatalogItem> Items,
    IReadOnlyList<CatalogProblem> Problems,
    string CatalogSha256)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public CatalogItem? FindItem(string id) =>
        Items.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));
}
