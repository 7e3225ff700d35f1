using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Execution;
using SoxAuto.Core.Validation;

namespace SoxAuto.Core.Tests.Validation;

/// <summary>
/// A small ledger item (entries of two companies in September 2025), its parameters, and a runner that reads rows
/// through the real Athena-CSV reader into a suite made by <see cref="CheckSuiteFactory"/>.
/// </summary>
internal static class SuiteHarness
{
    public static readonly DateOnly Cutoff = new(2025, 9, 30);

    public static readonly Dictionary<string, ParameterValue> Parameters = new(StringComparer.Ordinal)
    {
        ["cutoff_date"] = new DateParameterValue(Cutoff),
        ["period_start"] = new DateParameterValue(new DateOnly(2025, 9, 1)),
        ["cutoff_end"] = new TimestampParameterValue(new DateTime(2025, 10, 1)),
        ["companies"] = new VarcharArrayParameterValue(["EC_NG", "JD_GH"]),
    };

    public static readonly SourceLocation At = new("IPE_99.yaml", 1, 1);

    public static readonly ColumnDefinition[] Columns =
    [
        new("entry_no", AthenaType.Bigint, IsKey: true, IsCritical: false, IsNullable: false, null, At),
        new("id_company", AthenaType.Varchar, IsKey: false, IsCritical: false, IsNullable: true, null, At),
        new("customer_name", AthenaType.Varchar, IsKey: false, IsCritical: true, IsNullable: true, null, At),
        new("posting_date", AthenaType.Date, IsKey: false, IsCritical: false, IsNullable: true, null, At),
        new("amount", AthenaType.DecimalOf(38, 2), IsKey: false, IsCritical: false, IsNullable: true, null, At),
    ];

    public static ResultSchema Schema { get; } = new(Columns.Select(c => new ColumnSchema(c.Name, c.Type)).ToArray());

    /// <summary>Entries 10..50: EC_NG holds 100.00 + 250.50 + 0.25, JD_GH holds -40.00 + 1,000.00.</summary>
    public static List<string?[]> Rows() =>
    [
        ["10", "EC_NG", "Ade", "2025-09-01", "100.00"],
        ["20", "EC_NG", "Bola", "2025-09-15", "250.50"],
        ["30", "JD_GH", "Kofi", "2025-09-20", "-40.00"],
        ["40", "EC_NG", "Chi", "2025-09-30", "0.25"],
        ["50", "JD_GH", "Ama", "2025-09-30", "1000.00"],
    ];

    public static QueryText Text(string text) => new(text, At);

    public static RowCountCheck RowCount(RowCountComparison comparison = RowCountComparison.Equal) =>
        new("count_matches", "Rows equal the ledger count.", true, null, At, Text("SELECT count(*) FROM gl WHERE d <= :cutoff_date"), comparison);

    public static CriticalColumnsCheck Critical(bool nonEmpty = false, decimal threshold = 1m, params string[] columns) =>
        new("critical_filled", "Critical columns are filled.", true, null, At, columns, nonEmpty, threshold);

    public static ControlTotalCheck Total(string tolerance = "0", params string[] groupBy) =>
        new("total_matches", "Amounts per company tie to the ledger.", true, null, At, "amount", groupBy,
            Text("SELECT id_company, sum(amount) FROM gl GROUP BY id_company"), ScaledDecimal.Parse(tolerance));

    public static WitnessCheck Witness(params WitnessRecord[] records) =>
        new("witness_present", "Entry 20 is present.", true, null, At, records, null, []);

    public static WitnessRecord Record(DateOnly? cutoff, params (string Column, string? Value)[] values) =>
        new(cutoff, values.ToDictionary(v => v.Column, v => v.Value, StringComparer.Ordinal), new SourceLocation("IPE_99.yaml", 42, 9));

    public static ExclusionCheck Exclusion(string condition = "posting_date > :cutoff_date") =>
        new("no_late_entry", "No entry after the cutoff.", true, null, At, Text(condition));

    public static UniquenessCheck Unique(params string[] columns) => new("key_unique", "One row per entry.", true, null, At, columns);

    public static RangeCheck Range(string? min = ":period_start", string? max = null, bool allowNull = false, bool minInclusive = true, bool maxInclusive = true, string column = "posting_date") =>
        new("in_period", "Postings are in the period.", true, null, At, column, min is null ? null : Text(min), minInclusive, max is null ? null : Text(max), maxInclusive, allowNull);

    /// <summary>One check of every kind, as an item typically declares them.</summary>
    public static CheckDefinition[] TypicalChecks() =>
    [
        RowCount(),
        Critical(),
        Total("0", "id_company"),
        Witness(Record(Cutoff, ("entry_no", "20"), ("amount", "250.5"), ("posting_date", "2025-09-15"))),
        Exclusion(),
        Unique(),
        Range(),
    ];

    /// <summary>The source results that agree with <see cref="Rows"/>.</summary>
    public static SourceQueryResult[] AgreeingSources() =>
    [
        Source("count_matches", [("_col0", "bigint")], ["5"]),
        Source("total_matches", [("id_company", "varchar"), ("_col1", "decimal(38,2)")], ["EC_NG", "350.75"], ["JD_GH", "960.00"]),
    ];

    public static CatalogItem Item(params CheckDefinition[] checks) => ItemWith(Columns, checks);

    public static CatalogItem ItemWith(IReadOnlyList<ColumnDefinition> columns, params CheckDefinition[] checks) => new()
    {
        Id = "IPE_99",
        Title = "Test ledger",
        Control = "C-PG-1",
        Description = "Entries for tests.",
        SourceSystem = "NAV",
        Databases = ["nav_bi"],
        Parameters = Parameters.Select(p => new ParameterDefinition(p.Key, p.Value.Type, null, p.Value, null, At)).ToArray(),
        Query = Text("SELECT * FROM gl ORDER BY entry_no"),
        Columns = columns,
        Checks = checks,
        FileName = "IPE_99.yaml",
        FileSha256 = new string('0', 64),
    };

    public static ColumnDefinition Column(string name, string type, bool key = false) =>
        new(name, AthenaType.Parse(type), key, IsCritical: false, IsNullable: !key, null, At);

    public static ResultSchema SchemaOf(IReadOnlyList<ColumnDefinition> columns) => new(columns.Select(c => new ColumnSchema(c.Name, c.Type)).ToArray());

    public static SourceQueryResult Source(string checkId, (string Name, string Type)[] columns, params string?[][] rows) =>
        new(checkId, $"SELECT … /* {checkId} */", ["DATE '2025-09-30'"],
            new QueryExecutionInfo { Purpose = checkId, ExecutionId = $"exec-{checkId}", State = "SUCCEEDED" },
            columns.Select(c => new ResultColumn(c.Name, c.Type)).ToArray(), rows, null);

    public static SourceQueryResult Failed(string checkId, string error) =>
        new(checkId, $"SELECT … /* {checkId} */", [], null, [], [], error);

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(CheckDefinition[] checks, IEnumerable<string?[]> rows,
        IReadOnlyList<SourceQueryResult> sources, CheckSuiteOptions? options = null)
    {
        ICheckSuite suite = new CheckSuiteFactory(options).Create(Item(checks), Schema, Parameters, Cutoff);
        if (suite is IEarlySourceResults early)
        {
            foreach (SourceQueryResult source in sources.Where(s => early.NeededBeforeRows.Contains(s.CheckId)))
            {
                early.Provide(source);
            }
        }

        ResultReadSummary summary = await TestCsv.ReadAsync(Schema, rows, suite.RowConsumer);
        return suite.Complete(summary.Rows, sources);
    }

    public static async Task<CheckResult> RunOneAsync(CheckDefinition check, IEnumerable<string?[]> rows, params SourceQueryResult[] sources) =>
        Assert.Single(await RunAsync([check], rows, sources));

    /// <summary>"id:STATUS" for every result, to assert which checks failed.</summary>
    public static string[] Statuses(IEnumerable<CheckResult> results) => results.Select(r => $"{r.Id}:{r.Status}").ToArray();
}
