namespace SoxAuto.Core.Catalog;

/// <summary>A YAML file being read: its name (relative to the catalog), its lines, and the problems found so far.</summary>
internal sealed record YamlSource(string File, IReadOnlyList<string> Lines, List<CatalogProblem> Problems);
