using SoxAuto.Core.Data;

namespace SoxAuto.Core.Catalog.Checks;

/// <summary>
/// The sum of <see cref="Column"/> in the extract equals an independent aggregate query, exactly or within an absolute
/// <see cref="Tolerance"/>; with <see cref="GroupBy"/>, per group. The query returns the group columns (same names) and
/// then one total column.
/// </summary>
public sealed record ControlTotalCheck(
    string Id, string? Description, bool Enabled, string? SkipReason, SourceLocation Location,
    string Column, IReadOnlyList<string> GroupBy, QueryText Query, ScaledDecimal Tolerance)
    : CheckDefinition(Id, Description, Enabled, SkipReason, Location)
{
    public override string Kind => CheckKinds.ControlTotal;

    public override CheckCategory Category => CheckCategory.Accuracy;

    public override QueryText? SourceQuery => Query;
}
