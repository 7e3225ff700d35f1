namespace SoxAuto.Core.Catalog.Checks;

/// <summary>A condition (in the catalog's expression language) that must match no extracted row.</summary>
public sealed record ExclusionCheck(
    string Id, string? Description, bool Enabled, string? SkipReason, SourceLocation Location,
    QueryText Condition)
    : CheckDefinition(Id, Description, Enabled, SkipReason, Location)
{
    public override string Kind => CheckKinds.Exclusion;

    public override CheckCategory Category => CheckCategory.Accuracy;
}
