using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests.TestSupport;

/// <summary>A small valid catalog on disk: one item reading the logical databases <c>finance</c> (mapped) and <c>sales</c>.</summary>
internal sealed class TestCatalog : IDisposable
{
    public const string Workgroup = "soxauto-wg";
    public const string Bucket = "soxauto-results";
    public const string OutputLocation = "s3://soxauto-results/athena/";
    public const string FinanceDatabase = "finance_db";
    public const string SalesDatabase = "sales";

    private readonly TempDirectory _folder = new("soxauto-catalog");

    public TestCatalog(string? settings = null)
    {
        File.WriteAllText(_folder.Combine("settings.yaml"), settings ?? $"""
            region: us-east-1
            workgroup: {Workgroup}
            output_location: {OutputLocation}
            databases:
              finance: {FinanceDatabase}

            """);
        File.WriteAllText(_folder.Combine("IPE_01.yaml"), """
            id: IPE_01
            title: Ledger lines up to the cutoff
            control: C-PG-1
            description: Ledger lines on or before the cutoff.
            source_system: GL
            databases: [finance, sales]
            parameters:
              - name: cutoff_date
                type: date
                from: cutoff_date
            query: |
              SELECT l.line_id, l.amount
              FROM finance.ledger_lines l
              JOIN sales.orders o ON o.order_id = l.line_id
              WHERE l.posting_date <= :cutoff_date
              ORDER BY l.line_id
            columns:
              - {name: line_id, type: varchar, key: true}
              - {name: amount, type: "decimal(38,2)", critical: true}
            checks:
              - id: critical_filled
                kind: completeness.critical_columns
                description: Amounts are filled.
              - id: unique_lines
                kind: uniqueness
                description: Line ids are unique.

            """);
    }

    public string Path => _folder.Path;

    public void Dispose() => _folder.Dispose();
}
