using System.Diagnostics;
using System.Globalization;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Tests.Data;
using SoxAuto.Core.Validation;
using Xunit.Abstractions;
using static SoxAuto.Core.Tests.Validation.SuiteHarness;

namespace SoxAuto.Core.Tests.Validation;

/// <summary>
/// The checks over millions of rows: sums stay exact (no overflow, no drift), memory stays flat per row, and the
/// throughput of a typical suite is printed (not asserted: a timed test would only be flaky).
/// </summary>
[Collection(MeasuredTests.Name)]
public sealed class CheckSuiteVolumeTests(ITestOutputHelper output)
{
    private static readonly ColumnDefinition[] SyntheticColumns =
        [Column("id", "bigint", key: true), Column("name", "varchar"), Column("amount", "decimal(18,2)"), Column("day", "date"), Column("note", "varchar")];

    [Fact]
    public async Task ControlTotals_OverAMillionRows_AreExact_WithoutOverflowOrDrift()
    {
        const int rows = 1_000_000;
        const string huge = "999999999999999999999999999999999999.99"; // decimal(38,2) at its limit: two of them overflow Int128
        ColumnDefinition[] columns = [Column("entry_no", "bigint", key: true), Column("big", "decimal(38,2)"), Column("small", "decimal(18,2)")];
        CheckDefinition[] checks =
        [
            new ControlTotalCheck("big_total", null, true, null, At, "big", [], Text("SELECT sum(big) FROM t"), ScaledDecimal.Parse("0")),
            new ControlTotalCheck("small_total", null, true, null, At, "small", [], Text("SELECT sum(small) FROM t"), ScaledDecimal.Parse("0")),
        ];
        string[] cycle = [huge, huge, "-" + huge, "-" + huge, "0.01"];
        IEnumerable<string> lines = Enumerable.Range(1, rows)
            .Select(i => $"\"{i.ToString(CultureInfo.InvariantCulture)}\",\"{cycle[i % 5]}\",\"0.10\"\n")
            .Prepend("\"entry_no\",\"big\",\"small\"\n");
        ICheckSuite suite = new CheckSuiteFactory().Create(ItemWith(columns, checks), SchemaOf(columns), Parameters, Cutoff);
        using LineStream input = new(lines);

        ResultReadSummary summary = await ResultReader.ReadAsync(input, SchemaOf(columns), [suite.RowConsumer], [], CancellationToken.None);
        IReadOnlyList<CheckResult> results = suite.Complete(summary.Rows,
        [
            Source("big_total", [("_col0", "decimal(38,2)")], ["2000.00"]),
            Source("small_total", [("_col0", "decimal(38,2)")], ["100000.00"]),
        ]);

        Assert.Equal(["big_total:Pass", "small_total:Pass"], Statuses(results));
        Assert.Equal(("2000.00", "100000.00"), (results[0].Actual, results[1].Actual));
        double drifting = 0;
        for (int i = 0; i < rows; i++)
        {
            drifting += 0.10;
        }

        Assert.NotEqual(100000.00, drifting); // what binary floating point would have reported
    }

    [Fact]
    public async Task ATypicalSuite_AllocatesNothingPerRow()
    {
        long small = await AllocatedWhileCheckingAsync(20_000);
        long large = await AllocatedWhileCheckingAsync(200_000);

        // Ten times the rows may not cost measurably more memory: no allocation per row or value in any check.
        Assert.True(large - small < 64 * 1024, $"checking 200k rows allocated {large} bytes, 20k rows {small} bytes");
    }

    /// <summary>
    /// Prints rows/s of a typical suite. Set SOXAUTO_MEASURE=1 for the figure (1M rows, best of 5 passes, Release);
    /// otherwise a short run only proves the suite passes on synthetic data.
    /// </summary>
    [Fact]
    public async Task ATypicalSuite_Throughput_IsReported()
    {
        bool measure = Environment.GetEnvironmentVariable("SOXAUTO_MEASURE") == "1";
        int rows = measure ? 1_000_000 : 100_000;
        byte[] csv = SyntheticBytes(rows);
        ResultSchema schema = SchemaOf(SyntheticColumns);
        TimeSpan reading = TimeSpan.MaxValue;
        TimeSpan checking = TimeSpan.MaxValue;
        IReadOnlyList<CheckResult> results = [];
        for (int pass = 0; pass < (measure ? 5 : 1); pass++)
        {
            Stopwatch watch = Stopwatch.StartNew();
            await ResultReader.ReadAsync(new MemoryStream(csv), schema, [], [], CancellationToken.None);
            reading = Min(reading, watch.Elapsed);
            ICheckSuite suite = new CheckSuiteFactory().Create(ItemWith(SyntheticColumns, SyntheticChecks()), schema, Parameters, Cutoff);
            watch.Restart();
            ResultReadSummary summary = await ResultReader.ReadAsync(new MemoryStream(csv), schema, [suite.RowConsumer], [], CancellationToken.None);
            checking = Min(checking, watch.Elapsed);
            results = suite.Complete(summary.Rows, SyntheticSources(rows));
        }

        Assert.All(results, r => Assert.Equal(CheckStatus.Pass, r.Status));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows:N0} rows, {csv.Length / 1048576.0:F1} MiB: reading alone {rows / reading.TotalSeconds:N0} rows/s; " +
            $"reading with {results.Count} checks {rows / checking.TotalSeconds:N0} rows/s; the checks cost {(checking - reading).TotalMilliseconds * 1000 / rows:F2} µs/row"));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task<long> AllocatedWhileCheckingAsync(int rows)
    {
        byte[] csv = SyntheticBytes(rows);
        ResultSchema schema = SchemaOf(SyntheticColumns);
        ICheckSuite suite = new CheckSuiteFactory(new CheckSuiteOptions { UniquenessRetainedKeys = 1_000 })
            .Create(ItemWith(SyntheticColumns, SyntheticChecks()), schema, Parameters, Cutoff);
        using MemoryStream input = new(csv); // completes synchronously: the whole pass runs on this thread
        long before = GC.GetAllocatedBytesForCurrentThread();
        ResultReadSummary summary = await ResultReader.ReadAsync(input, schema, [suite.RowConsumer], [], CancellationToken.None, 64 * 1024);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.All(suite.Complete(summary.Rows, SyntheticSources(rows)), r => Assert.Equal(CheckStatus.Pass, r.Status));
        return allocated;
    }

    /// <summary>A check of every kind over <see cref="SyntheticCsv"/> (id, name, amount, day, note).</summary>
    private static CheckDefinition[] SyntheticChecks() =>
    [
        new RowCountCheck("count", null, true, null, At, Text("SELECT count(*) FROM t"), RowCountComparison.Equal),
        new CriticalColumnsCheck("filled", null, true, null, At, ["name", "amount", "day"], NonEmpty: true, 1m),
        new ControlTotalCheck("total", null, true, null, At, "amount", ["name"], Text("SELECT name, sum(amount) FROM t GROUP BY name"), ScaledDecimal.Parse("0")),
        new WitnessCheck("witness", null, true, null, At, [Record(null, ("id", "5"), ("amount", "5.25"), ("note", "x"))], null, []),
        new ExclusionCheck("late", null, true, null, At, Text("day > :cutoff_date or amount < 0 or name not in ('customer name')")),
        new UniquenessCheck("unique", null, true, null, At, []),
        new RangeCheck("period", null, true, null, At, "day", Text(":period_start"), true, Text(":cutoff_date"), true, false),
    ];

    private static SourceQueryResult[] SyntheticSources(int rows)
    {
        // SyntheticCsv: amount = (i % 100000) + 0.25 for i = 1..rows.
        decimal total = Enumerable.Range(1, rows).Sum(i => (i % 100000) + 0.25m);
        return
        [
            Source("count", [("_col0", "bigint")], [rows.ToString(CultureInfo.InvariantCulture)]),
            Source("total", [("name", "varchar"), ("_col1", "decimal(38,2)")], ["customer name", total.ToString("0.00", CultureInfo.InvariantCulture)]),
        ];
    }

    private static byte[] SyntheticBytes(int rows)
    {
        using Stream synthetic = SyntheticCsv.Create(rows);
        using MemoryStream copy = new();
        synthetic.CopyTo(copy);
        return copy.ToArray();
    }
}
