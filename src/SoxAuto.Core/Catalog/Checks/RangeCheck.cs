namespace SoxAuto.Core.Catalog.Checks;

/// <summary>
/// Cut-off: a column lies within a window whose bounds are expressions over the parameters (e.g. <c>:period_month_start</c>
/// to <c>:cutoff_date</c>). NULLs fail unless <see cref="AllowNull"/>.
/// </summary>
public sealed record RangeCheck(
    string Id, string? Description, bool Enabled, string? SkipReason, SourceLocation Location,
    string Column, QueryText? Min, bool MinInclusive, QueryText? Max, bool MaxInclusive, bool AllowNull)
    : CheckDefinition(Id, Description, Enabled, SkipReason, Location)
{
    public override string Kind => CheckKinds.Range;

    public override CheckCategory Category => CheckCategory.Accuracy;
}
