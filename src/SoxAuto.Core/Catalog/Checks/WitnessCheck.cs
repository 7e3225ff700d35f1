namespace SoxAuto.Core.Catalog.Checks;

/// <summary>
/// Records identified by key are present with the expected values: declared in the catalog (<see cref="Records"/>), or
/// returned by a witness <see cref="Query"/> against the source (its columns named like the extract's).
/// </summary>
public sealed record WitnessCheck(
    string Id, string? Description, bool Enabled, string? SkipReason, SourceLocation Location,
    IReadOnlyList<WitnessRecord> Records, QueryText? Query, IReadOnlyList<string> KeyColumns)
    : CheckDefinition(Id, Description, Enabled, SkipReason, Location)
{
    public override string Kind => CheckKinds.Witness;

    public override CheckCategory Category => CheckCategory.Accuracy;

    public override QueryText? SourceQuery => Query;
}
