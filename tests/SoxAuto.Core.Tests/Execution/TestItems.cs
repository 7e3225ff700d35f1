using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Tests.Execution;

/// <summary>Builds small catalog items in code: <c>SELECT … FROM &lt;id&gt;_table WHERE d &lt;= :cutoff_date</c> with two columns and a row-count check.</summary>
internal static class TestItems
{
    private static readonly SourceLocation Nowhere = SourceLocation.InFile("test.yaml");

    public static CatalogItem Item(string id) => new()
    {
        Id = id,
        Title = id,
        Control = "C-PG-1",
        Description = "test item",
        SourceSystem = "NAV",
        Databases = ["nav_bi"],
        Parameters = [new ParameterDefinition("cutoff_date", ParameterType.Date, "cutoff_date", null, null, Nowhere)],
        Query = new QueryText($"SELECT id, amount FROM nav_bi.{id}_table WHERE d <= :cutoff_date ORDER BY id", Nowhere),
        Columns =
        [
            new ColumnDefinition("id", AthenaType.Varchar, true, true, false, null, Nowhere),
            new ColumnDefinition("amount", AthenaType.DecimalOf(38, 2), false, false, true, null, Nowhere),
        ],
        Checks = [new RowCountCheck("row_count", null, true, null, Nowhere, new QueryText($"SELECT count(*) FROM nav_bi.{id}_source WHERE d <= :cutoff_date", Nowhere), RowCountComparison.Equal)],
        FileName = id + ".yaml",
        FileSha256 = new string('0', 64),
    };
}
