using SoxAuto.Core.Validation;
using static SoxAuto.Core.Tests.Validation.SuiteHarness;

namespace SoxAuto.Core.Tests.Validation;

/// <summary>
/// One suite with a check of every kind: clean data passes every check, and each planted anomaly fails exactly the
/// check that targets it — proof that no check is tautological and that a FAIL never stops the others.
/// </summary>
[Collection(MeasuredTests.Name)]
public sealed class CheckSuiteTests
{
    private static readonly string[] AllPass =
        ["count_matches:Pass", "critical_filled:Pass", "total_matches:Pass", "witness_present:Pass", "no_late_entry:Pass", "key_unique:Pass", "in_period:Pass"];

    [Fact]
    public async Task CleanData_PassesEveryCheck_InCatalogOrder()
    {
        IReadOnlyList<CheckResult> results = await RunAsync(TypicalChecks(), Rows(), AgreeingSources());

        Assert.Equal(AllPass, Statuses(results));
        Assert.All(results, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    public static TheoryData<string, string> Anomalies => new()
    {
        { "extra row", "count_matches" },
        { "NULL in a critical column", "critical_filled" },
        { "wrong amount", "total_matches" },
        { "missing witness", "witness_present" },
        { "post-cutoff row", "no_late_entry" },
        { "duplicated key", "key_unique" },
        { "pre-period row", "in_period" },
    };

    [Theory]
    [MemberData(nameof(Anomalies))]
    public async Task OnePlantedAnomaly_FailsExactlyTheCheckThatTargetsIt(string anomaly, string failingCheck)
    {
        List<string?[]> rows = Rows();
        switch (anomaly)
        {
            case "extra row": rows.Add(["60", "EC_NG", "Dayo", "2025-09-30", "0.00"]); break;
            case "NULL in a critical column": rows[2][2] = null; break;
            case "wrong amount": rows[4][4] = "1000.01"; break;
            case "missing witness": rows[1][0] = "21"; break;
            case "post-cutoff row": rows[4][3] = "2025-10-01"; break;
            case "duplicated key": rows[3][0] = "30"; break;
            case "pre-period row": rows[0][3] = "2025-08-31"; break;
        }

        IReadOnlyList<CheckResult> results = await RunAsync(TypicalChecks(), rows, AgreeingSources());

        Assert.Equal(AllPass.Select(s => s.StartsWith(failingCheck + ":", StringComparison.Ordinal) ? failingCheck + ":Fail" : s), Statuses(results));
    }

    [Fact]
    public async Task AFailedSourceQuery_IsAnError_ForItsCheckOnly()
    {
        IReadOnlyList<CheckResult> results = await RunAsync(TypicalChecks(), Rows(),
            [Failed("count_matches", "TABLE_NOT_FOUND: line 1:22: Table 'gl' does not exist"), AgreeingSources()[1]]);

        Assert.Equal(AllPass.Select(s => s == "count_matches:Pass" ? "count_matches:Error" : s), Statuses(results));
        Assert.Contains("TABLE_NOT_FOUND", results[0].Message, StringComparison.Ordinal);
        Assert.Equal("SELECT … /* count_matches */", results[0].Query);
    }

    [Fact]
    public async Task AMissingSourceResult_IsAnError_NeverAPass()
    {
        IReadOnlyList<CheckResult> results = await RunAsync(TypicalChecks(), Rows(), []);

        Assert.Equal(CheckStatus.Error, results[0].Status);
        Assert.Equal(CheckStatus.Error, results[2].Status);
        Assert.Contains("was not run", results[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceProvenance_IsCarriedIntoTheResult()
    {
        IReadOnlyList<CheckResult> results = await RunAsync(TypicalChecks(), Rows(), AgreeingSources());

        Assert.Equal(("SELECT … /* count_matches */", "exec-count_matches"), (results[0].Query, results[0].ExecutionId));
        Assert.Equal(["DATE '2025-09-30'"], results[0].QueryParameters!);
        Assert.Null(results[4].Query);
    }

    [Fact]
    public async Task ADisabledCheck_IsSkipped_WithItsReason()
    {
        var disabled = Unique() with { Enabled = false, SkipReason = "the key is not unique in the source by design (TKT-12)" };

        CheckResult result = await RunOneAsync(disabled, Rows());

        Assert.Equal(CheckStatus.Skipped, result.Status);
        Assert.Equal("Switched off in the catalog: the key is not unique in the source by design (TKT-12)", result.Message);
    }

    [Fact]
    public void InMemoryChecks_AreErrors_WhenTheRowPassDidNotRun()
    {
        ICheckSuite suite = new CheckSuiteFactory().Create(Item(TypicalChecks()), Schema, Parameters, Cutoff);

        IReadOnlyList<CheckResult> results = suite.Complete(5, AgreeingSources());

        Assert.Equal(["count_matches:Pass", "critical_filled:Error", "total_matches:Error", "witness_present:Error", "no_late_entry:Error", "key_unique:Error", "in_period:Error"],
            Statuses(results));
        Assert.Contains("did not see the whole extract", results[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InMemoryChecks_AreErrors_WhenTheyDidNotSeeEveryExtractedRow()
    {
        ICheckSuite suite = new CheckSuiteFactory().Create(Item(Unique()), Schema, Parameters, Cutoff);
        await TestCsv.ReadAsync(Schema, Rows(), suite.RowConsumer);

        CheckResult result = Assert.Single(suite.Complete(6, []));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Equal("The checks saw 5 rows but the extract has 6, so this check was not evaluated.", result.Message);
    }

    [Fact]
    public async Task ACheckThatCannotBeSetUp_IsAnError_AndTheOthersStillRun()
    {
        IReadOnlyList<CheckResult> results = await RunAsync(
            [Critical(false, 1m, "no_such_column"), Exclusion("posting_date > :not_bound"), Range(":companies"), Unique()], Rows(), []);

        Assert.Equal(["critical_filled:Error", "no_late_entry:Error", "in_period:Error", "key_unique:Pass"], Statuses(results));
        Assert.Contains("'no_such_column' is not a column of the result", results[0].Message, StringComparison.Ordinal);
        Assert.Contains(":not_bound is not a parameter of the item", results[1].Message, StringComparison.Ordinal);
        Assert.Contains("is a list", results[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceQueries_AreListedPerCheck_InCatalogOrder()
    {
        ICheckSuite suite = new CheckSuiteFactory().Create(Item(TypicalChecks()), Schema, Parameters, Cutoff);

        Assert.Equal(["count_matches", "total_matches"], suite.SourceQueries.Select(q => q.CheckId));
        Assert.Equal("SELECT count(*) FROM gl WHERE d <= :cutoff_date", suite.SourceQueries[0].Query.Sql);
    }
}
