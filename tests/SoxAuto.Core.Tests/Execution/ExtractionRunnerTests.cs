using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Evidence;
using SoxAuto.Core.Execution;
using SoxAuto.Core.Runs;
using SoxAuto.Core.Validation;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Execution;

public sealed class ExtractionRunnerTests
{
    private static readonly ResultColumn[] Columns = [new("id", "varchar"), new("amount", "decimal(38,2)")];
    private static readonly ResultColumn[] CountColumns = [new("_col0", "bigint")];
    private const string TwoRows = "\"id\",\"amount\"\n\"a\",\"1.00\"\n\"b\",\n";

    private static ExtractionPlan Plan(int concurrency, params CatalogItem[] items) => new(
        items,
        RunValues.For(new DateOnly(2025, 9, 30), new Dictionary<string, ParameterValue>()),
        RunSettings.Resolve(new CatalogSettings { Databases = new Dictionary<string, string> { ["nav_bi"] = "prod_nav_bi" } }, SettingsOverrides.None, _ => null),
        concurrency);

    private static ExtractionRunner Runner(FakeQueryEngine engine, ICheckSuiteFactory? checks = null) =>
        new(engine, checks ?? new FakeChecks(), new FixedTimeProvider(DateTimeOffset.UnixEpoch), new Progress<ItemProgress>());

    [Fact]
    public async Task EachItem_IsQueriedWithBoundParameters_Checked_AndPackaged()
    {
        FakeQueryEngine engine = new FakeQueryEngine()
            .When("IPE_A_table", Columns, TwoRows)
            .When("IPE_A_source", CountColumns, "\"_col0\"\n\"2\"\n");
        FakeEvidence evidence = new();

        ExtractionResult result = await Runner(engine).RunAsync(Plan(4, TestItems.Item("IPE_A")), evidence, CancellationToken.None);

        ItemOutcome outcome = Assert.Single(result.Items);
        Assert.Equal(ItemStatus.Pass, outcome.Status);
        QueryRequest main = engine.Requests.Single(r => r.QueryString.Contains("IPE_A_table", StringComparison.Ordinal));
        Assert.Equal("SELECT id, amount FROM prod_nav_bi.IPE_A_table WHERE d <= ? ORDER BY id", main.QueryString);
        Assert.Equal(["DATE '2025-09-30'"], main.ExecutionParameters);
        Assert.Equal("prod_nav_bi", main.Database);
        ItemEvidence recorded = evidence.Completed["IPE_A"];
        Assert.Equal(main.QueryString, recorded.Query.QueryString);
        Assert.Equal(2, recorded.Executions.Count);
        Assert.Equal(TwoRows.Length, evidence.RawBytes["IPE_A"]);
        Assert.Same(evidence.RunOutcomes![0], outcome);
    }

    [Fact]
    public async Task AFailedCheck_MakesTheItemFail_ButThePackageIsStillWritten()
    {
        FakeQueryEngine engine = new FakeQueryEngine()
            .When("IPE_A_table", Columns, TwoRows)
            .When("IPE_A_source", CountColumns, "\"_col0\"\n\"3\"\n");
        FakeEvidence evidence = new();

        ExtractionResult result = await Runner(engine).RunAsync(Plan(1, TestItems.Item("IPE_A")), evidence, CancellationToken.None);

        Assert.Equal(ItemStatus.Fail, result.Items[0].Status);
        Assert.Equal(1, result.Items[0].ChecksFailed);
        Assert.True(evidence.Completed.ContainsKey("IPE_A"));
        Assert.True(result.AnyFailure);
    }

    [Fact]
    public async Task OneItemsFailure_NeverStopsTheOthers_AndIsNeverAPass()
    {
        FakeQueryEngine engine = new FakeQueryEngine()
            .Fails("IPE_A_table", "Athena said no")
            .When("IPE_A_source", CountColumns, "\"_col0\"\n\"2\"\n")
            .When("IPE_B_table", Columns, TwoRows)
            .When("IPE_B_source", CountColumns, "\"_col0\"\n\"2\"\n");
        FakeEvidence evidence = new();

        ExtractionResult result = await Runner(engine).RunAsync(Plan(2, TestItems.Item("IPE_A"), TestItems.Item("IPE_B")), evidence, CancellationToken.None);

        Assert.Equal(ItemStatus.Error, result.Items[0].Status);
        Assert.Contains("Athena said no", result.Items[0].Error, StringComparison.Ordinal);
        Assert.Null(result.Items[0].Package);
        Assert.Equal(ItemStatus.Pass, result.Items[1].Status);
        Assert.False(evidence.Completed.ContainsKey("IPE_A"));
    }

    [Fact]
    public async Task ColumnsThatDifferFromTheCatalog_MakeTheItemAnError_ShowingBothLists_AndLeaveNoPackage()
    {
        FakeQueryEngine engine = new FakeQueryEngine()
            .When("IPE_A_table", [new("id", "varchar"), new("amount", "decimal(18,2)")], TwoRows)
            .When("IPE_A_source", CountColumns, "\"_col0\"\n\"2\"\n");

        ExtractionResult result = await Runner(engine).RunAsync(Plan(1, TestItems.Item("IPE_A")), new FakeEvidence(), CancellationToken.None);

        Assert.Equal(ItemStatus.Error, result.Items[0].Status);
        Assert.Contains("catalog [id varchar, amount decimal(38,2)]; Athena [id varchar, amount decimal(18,2)]", result.Items[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheMainPathFails_ItsSourceQueriesAreCancelled_NotLeftRunning()
    {
        FakeQueryEngine engine = new FakeQueryEngine()
            .When("IPE_A_table", [new("other", "varchar")], "\"other\"\n")
            .Hangs("IPE_A_source");
        FakeEvidence evidence = new();

        Task<ExtractionResult> run = Runner(engine).RunAsync(Plan(1, TestItems.Item("IPE_A")), evidence, CancellationToken.None);
        ExtractionResult result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ItemStatus.Error, result.Items[0].Status);
        Assert.Contains("columns", result.Items[0].Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["IPE_A check row_count"], engine.Cancelled);
    }

    [Fact]
    public async Task AnItemWhoseAccuracyChecksWereAllSkipped_IsAnError_NeverAPassOnCompletenessAlone()
    {
        FakeQueryEngine engine = new FakeQueryEngine()
            .When("IPE_A_table", Columns, TwoRows)
            .When("IPE_A_source", CountColumns, "\"_col0\"\n\"2\"\n");
        CatalogItem item = TestItems.Item("IPE_A");
        WitnessRecord otherPeriod = new(new DateOnly(2025, 6, 30), new Dictionary<string, string?> { ["id"] = "a" }, item.Checks[0].Location);
        item = item with { Checks = [item.Checks[0], new WitnessCheck("open_items", null, true, null, item.Checks[0].Location, [otherPeriod], null, [])] };
        FakeEvidence evidence = new();

        ExtractionResult result = await Runner(engine, new CheckSuiteFactory()).RunAsync(Plan(1, item), evidence, CancellationToken.None);

        Assert.Equal(ItemStatus.Error, result.Items[0].Status);
        Assert.Equal([CheckStatus.Pass, CheckStatus.Skipped], evidence.Completed["IPE_A"].Checks.Select(c => c.Status));
        const string Gap = "no accuracy check was evaluated (open_items skipped), so the item has no accuracy evidence for this cutoff";
        Assert.Equal(Gap, result.Items[0].Error);
        Assert.Contains(Gap, evidence.Completed["IPE_A"].Warnings);
    }

    [Fact]
    public async Task ABadValue_MidStream_AbortsThePackage()
    {
        FakeQueryEngine engine = new FakeQueryEngine()
            .When("IPE_A_table", Columns, "\"id\",\"amount\"\n\"a\",\"1.00\"\n\"b\",\"1.005\"\n")
            .When("IPE_A_source", CountColumns, "\"_col0\"\n\"2\"\n");
        FakeEvidence evidence = new();

        ExtractionResult result = await Runner(engine).RunAsync(Plan(1, TestItems.Item("IPE_A")), evidence, CancellationToken.None);

        Assert.Equal(ItemStatus.Error, result.Items[0].Status);
        Assert.Contains("row 2, column amount", result.Items[0].Error, StringComparison.Ordinal);
        Assert.Contains("IPE_A", evidence.Aborted);
    }

    [Fact]
    public async Task ASourceQueryFailure_IsThatChecksError_AndTheItemIsAnError()
    {
        FakeQueryEngine engine = new FakeQueryEngine()
            .When("IPE_A_table", Columns, TwoRows)
            .Fails("IPE_A_source", "table not found");
        FakeEvidence evidence = new();

        ExtractionResult result = await Runner(engine).RunAsync(Plan(1, TestItems.Item("IPE_A")), evidence, CancellationToken.None);

        Assert.Equal(ItemStatus.Error, result.Items[0].Status);
        Assert.Equal(1, result.Items[0].ChecksErrored);
        Assert.Equal(CheckStatus.Error, evidence.Completed["IPE_A"].Checks[0].Status);
        Assert.NotNull(result.Items[0].Package);
    }

    [Fact]
    public async Task Concurrency_IsBounded_AndSourceQueriesRunAlongsideTheMainQuery()
    {
        FakeQueryEngine engine = new();
        CatalogItem[] items = Enumerable.Range(1, 6).Select(i => TestItems.Item($"IPE_{i}")).ToArray();
        foreach (CatalogItem item in items)
        {
            engine.When(item.Id + "_table", Columns, TwoRows, TimeSpan.FromMilliseconds(30))
                .When(item.Id + "_source", CountColumns, "\"_col0\"\n\"2\"\n", TimeSpan.FromMilliseconds(30));
        }

        ExtractionResult result = await Runner(engine).RunAsync(Plan(2, items), new FakeEvidence(), CancellationToken.None);

        Assert.All(result.Items, i => Assert.Equal(ItemStatus.Pass, i.Status));
        Assert.InRange(engine.MaxConcurrent, 2, 4); // two items at a time, each with its source query in parallel
    }
}
