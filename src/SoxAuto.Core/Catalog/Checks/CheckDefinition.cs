namespace SoxAuto.Core.Catalog.Checks;

/// <summary>
/// A completeness or accuracy check declared on a catalog item. A disabled check is reported as SKIPPED with its
/// <see cref="SkipReason"/>, never silently dropped.
/// </summary>
public abstract record CheckDefinition(string Id, string? Description, bool Enabled, string? SkipReason, SourceLocation Location)
{
    public abstract string Kind { get; }

    public abstract CheckCategory Category { get; }

    /// <summary>The independent source query this check runs, if any.</summary>
    public virtual QueryText? SourceQuery => null;
}
