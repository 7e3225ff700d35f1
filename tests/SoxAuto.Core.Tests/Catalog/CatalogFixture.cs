using SoxAuto.Core.Catalog;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Catalog;

/// <summary>Writes catalog files into a temp folder and loads them: a valid item to start from, mutated per test.</summary>
internal sealed class CatalogFixture : IDisposable
{
    public const string ValidItem = """
        id: IPE_09
        title: BOB sales orders up to the cutoff
        control: C-PG-1
        description: Sales orders on or before the cutoff.
        source_system: BOB
        databases: [process_pg_bob]
        parameters:
          - name: cutoff_date
            type: date
            from: cutoff_date
          - name: excluded
            type: array(varchar)
            value: [TN, "O'Brien"]
        query: |
          SELECT order_id, "Opco/Central_?" AS opco, total_amount, order_date
          FROM process_pg_bob.pg_bob_sales_order
          WHERE order_date <= :cutoff_date AND country NOT IN (:excluded)
          ORDER BY order_id
        columns:
          - {name: order_id, type: varchar, key: true}
          - {name: opco, type: varchar}
          - {name: total_amount, type: "decimal(38,2)", critical: true}
          - {name: order_date, type: date}
        checks:
          - id: row_count
            kind: completeness.row_count
            query: SELECT count(*) FROM process_pg_bob.pg_bob_orders_raw WHERE order_date <= :cutoff_date
          - id: unique_order
            kind: uniqueness
        """;

    private readonly TempDirectory _directory = new("soxauto-catalog");

    public string Path => _directory.Path;

    public CatalogFixture With(string fileName, string content)
    {
        File.WriteAllText(_directory.Combine(fileName), content.ReplaceLineEndings("\n"));
        return this;
    }

    public IpeCatalog Load() => CatalogLoader.Load(Path);

    public void Dispose() => _directory.Dispose();
}
