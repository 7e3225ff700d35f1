namespace SoxAuto.Core.Catalog.Checks;

/// <summary>The check kinds the catalog accepts, spelled as in the catalog.</summary>
public static class CheckKinds
{
    public const string RowCount = "completeness.row_count";
    public const string CriticalColumns = "completeness.critical_columns";
    public const string ControlTotal = "accuracy.control_total";
    public const string Witness = "accuracy.witness";
    public const string Exclusion = "accuracy.exclusion";
    public const string Uniqueness = "uniqueness";
    public const string Range = "range";

    public static IReadOnlyList<string> All { get; } =
        [RowCount, CriticalColumns, ControlTotal, Witness, Exclusion, Uniqueness, Range];
}
