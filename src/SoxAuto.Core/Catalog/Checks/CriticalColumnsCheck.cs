namespace SoxAuto.Core.Catalog.Checks;

/// <summary>
/// Named columns (by default the columns declared critical) are non-NULL — and, with <see cref="NonEmpty"/>, not the
/// empty string — in at least <see cref="Threshold"/> of the rows (1 = every row).
/// </summary>
public sealed record CriticalColumnsCheck(
    string Id, string? Description, bool Enabled, string? SkipReason, SourceLocation Location,
    IReadOnlyList<string> Columns, bool NonEmpty, decimal Threshold)
    : CheckDefinition(Id, Description, Enabled, SkipReason, Location)
{
    public override string Kind => CheckKinds.CriticalColumns;

    public override CheckCategory Category => CheckCategory.Completeness;
}
