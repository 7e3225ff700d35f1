namespace SoxAuto.Core.Catalog.Checks;

/// <summary>The columns (by default the declared key) are unique across the extract, counted exactly.</summary>
public sealed record UniquenessCheck(
    string Id, string? Description, bool Enabled, string? SkipReason, SourceLocation Location,
    IReadOnlyList<string> Columns)
    : CheckDefinition(Id, Description, Enabled, SkipReason, Location)
{
    public override string Kind => CheckKinds.Uniqueness;

    public override CheckCategory Category => CheckCategory.Accuracy;
}
