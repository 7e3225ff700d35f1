using SoxAuto.Core.Catalog.Checks;

namespace SoxAuto.Core.Catalog;

/// <summary>One IPE (or common report) of the catalog: what it is, the query that produces it, its columns and checks.</summary>
public sealed record CatalogItem
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Control { get; init; }

    public required string Description { get; init; }

    public required string SourceSystem { get; init; }

    /// <summary>The Athena databases (logical names, before the settings' mapping) the query reads.</summary>
    public required IReadOnlyList<string> Databases { get; init; }

    public IReadOnlyList<string> GlAccounts { get; init; } = [];

    public IReadOnlyList<SourceTable> Sources { get; init; } = [];

    public required IReadOnlyList<ParameterDefinition> Parameters { get; init; }

    public required QueryText Query { get; init; }

    public required IReadOnlyList<ColumnDefinition> Columns { get; init; }

    public required IReadOnlyList<CheckDefinition> Checks { get; init; }

    /// <summary>The catalog file, relative to the catalog folder (e.g. <c>IPE_07.yaml</c>).</summary>
    public required string FileName { get; init; }

    /// <summary>SHA-256 of the catalog file's bytes, recorded in the evidence.</summary>
    public required string FileSha256 { get; init; }

    public IEnumerable<ColumnDefinition> KeyColumns => Columns.Where(c => c.IsKey);

    public ColumnDefinition? FindColumn(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public ParameterDefinition? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
