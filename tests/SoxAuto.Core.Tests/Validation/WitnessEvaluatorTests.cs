using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Validation;
using static SoxAuto.Core.Tests.Validation.SuiteHarness;

namespace SoxAuto.Core.Tests.Validation;

[Collection(MeasuredTests.Name)]
public sealed class WitnessEvaluatorTests
{
    private static readonly SourceQueryResult[] NoSources = [];

    [Fact]
    public async Task DeclaredRecords_AreFoundByKey_WithTypedValues()
    {
        // 250.5 (a decimal written plainly) is amount 250.50; a date is a date; "20.00" is the bigint key 20.
        WitnessCheck check = Witness(
            Record(null, ("entry_no", "20.00"), ("amount", "250.5"), ("posting_date", "2025-09-15"), ("id_company", "EC_NG")),
            Record(Cutoff, ("entry_no", "50"), ("amount", "1000"), ("customer_name", "Ama")));

        CheckResult result = await RunOneAsync(check, Rows(), NoSources);

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("All 2 witness records declared for cutoff 2025-09-30 are in the extract with the expected values: entry_no=20.00; entry_no=50.", result.Message);
        Assert.Equal(["found", "found"], result.Details.Select(d => d["status"]));
    }

    [Fact]
    public async Task AMissingRecord_AndADifferentValue_FailWithEachRecordNamed()
    {
        WitnessCheck check = Witness(
            Record(Cutoff, ("entry_no", "239726184")),
            Record(Cutoff, ("entry_no", "30"), ("amount", "40.00"), ("posting_date", "2025-09-21")),
            Record(Cutoff, ("entry_no", "10")));

        CheckResult result = await RunOneAsync(check, Rows(), NoSources);

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("2 of 3 witness records declared for cutoff 2025-09-30 are not in the extract as expected: entry_no=239726184 is missing; " +
            "entry_no=30 has amount -40.00 (expected 40.00), posting_date 2025-09-20 (expected 2025-09-21).", result.Message);
        Assert.Equal(["missing", "different", "found"], result.Details.Select(d => d["status"]));
        Assert.Equal(2, result.FailingRows);
        Assert.Equal("entry_no=30 amount=-40.00 posting_date=2025-09-20", string.Join(" ", Assert.Single(result.Samples).Select(kv => $"{kv.Key}={kv.Value}")));
    }

    [Fact]
    public async Task AKeyFoundTwice_Fails_EvenWhenTheFirstRowMatches()
    {
        // A witness identifies one record; the extract holding it twice would double its amount in any total.
        List<string?[]> rows = Rows();
        rows.Add(["10", "EC_NG", "Ade", "2025-09-01", "100.00"]);

        CheckResult result = await RunOneAsync(Witness(Record(Cutoff, ("entry_no", "10"), ("amount", "100.00")), Record(Cutoff, ("entry_no", "20"))), rows, NoSources);

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("1 of 2 witness records declared for cutoff 2025-09-30 is not in the extract as expected: " +
            "entry_no=10 appears 2 times (a witness key identifies one record).", result.Message);
        Assert.Equal(["repeated", "found"], result.Details.Select(d => d["status"]));
        Assert.Equal("1 found as expected, 0 missing, 0 with other values, 1 repeated", result.Actual);
        Assert.Single(result.Samples);
    }

    [Theory]
    [InlineData(null, null, CheckStatus.Pass)]
    [InlineData(null, "Ade", CheckStatus.Fail)]
    [InlineData("Ade", null, CheckStatus.Fail)]
    public async Task AnExpectedNull_MatchesOnlyNull(string? expected, string? actual, CheckStatus status)
    {
        List<string?[]> rows = Rows();
        rows[0][2] = actual;

        CheckResult result = await RunOneAsync(Witness(Record(Cutoff, ("entry_no", "10"), ("customer_name", expected))), rows, NoSources);

        Assert.Equal(status, result.Status);
    }

    [Fact]
    public async Task RecordsForOtherCutoffs_AreSkipped_SayingSo()
    {
        CheckResult result = await RunOneAsync(Witness(Record(new DateOnly(2025, 8, 31), ("entry_no", "20")), Record(new DateOnly(2025, 6, 30), ("entry_no", "20"))), Rows(), NoSources);

        Assert.Equal(CheckStatus.Skipped, result.Status);
        Assert.Equal("No witness declared for cutoff 2025-09-30 (records are declared for 2025-06-30, 2025-08-31).", result.Message);
    }

    [Fact]
    public async Task OnlyTheRunsCutoff_Applies()
    {
        WitnessCheck check = Witness(Record(new DateOnly(2025, 8, 31), ("entry_no", "999")), Record(Cutoff, ("entry_no", "20")));

        Assert.Equal(CheckStatus.Pass, (await RunOneAsync(check, Rows(), NoSources)).Status);
    }

    [Theory]
    [InlineData("abc", "'abc' is not a number, but entry_no is bigint")]
    [InlineData(null, "gives no value for the key column entry_no")]
    public async Task AnUnreadableRecord_IsAnError(string? key, string explained)
    {
        WitnessRecord record = key is null ? Record(Cutoff, ("amount", "1")) : Record(Cutoff, ("entry_no", key));

        CheckResult result = await RunOneAsync(Witness(record), Rows(), NoSources);

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains(explained, result.Message, StringComparison.Ordinal);
        Assert.Contains("line 42", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryWitness_IsTracedWhenItsRecordsArriveBeforeTheRows()
    {
        WitnessCheck check = Witness() with { Query = Text("SELECT entry_no, amount FROM gl WHERE entry_no IN (20, 30, 77)") };
        SourceQueryResult source = Source("witness_present", [("entry_no", "bigint"), ("amount", "decimal(38,2)")],
            ["20", "250.50"], ["30", "-40.00"], ["77", "1.00"]);

        CheckResult result = await RunOneAsync(check, Rows(), source);

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("1 of 3 witness records from the witness query is not in the extract as expected: entry_no=77 is missing", result.Message, StringComparison.Ordinal);
        Assert.Equal("exec-witness_present", result.ExecutionId);
    }

    [Fact]
    public async Task AQueryWitness_WhoseRecordsCameTooLate_IsAnError_NeverAPass()
    {
        WitnessCheck check = Witness() with { Query = Text("SELECT entry_no FROM gl") };
        ICheckSuite suite = new CheckSuiteFactory().Create(Item(check), Schema, Parameters, Cutoff);
        Assert.Equal(["witness_present"], ((IEarlySourceResults)suite).NeededBeforeRows);
        await TestCsv.ReadAsync(Schema, Rows(), suite.RowConsumer);

        CheckResult result = Assert.Single(suite.Complete(5, [Source("witness_present", [("entry_no", "bigint")], ["20"])]));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("were not available when the extract was read", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryWitnessReturningNothing_IsAnError()
    {
        WitnessCheck check = Witness() with { Query = Text("SELECT entry_no FROM gl") };

        CheckResult result = await RunOneAsync(check, Rows(), Source("witness_present", [("entry_no", "bigint")]));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("returned no records, so nothing was traced", result.Message, StringComparison.Ordinal);
    }
}
