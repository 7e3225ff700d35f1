namespace SoxAuto.Core.Catalog.Checks;

/// <summary>An independent count query (same parameters, against the base tables) compared with the rows extracted.</summary>
public sealed record RowCountCheck(
    string Id, string? Description, bool Enabled, string? SkipReason, SourceLocation Location,
    QueryText Query, RowCountComparison Comparison)
    : CheckDefinition(Id, Description, Enabled, SkipReason, Location)
{
    public override string Kind => CheckKinds.RowCount;

    public override CheckCategory Category => CheckCategory.Completeness;

    public override QueryText? SourceQuery => Query;
}
