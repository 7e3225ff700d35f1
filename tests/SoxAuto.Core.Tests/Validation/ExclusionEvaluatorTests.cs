using SoxAuto.Core.Validation;
using static SoxAuto.Core.Tests.Validation.SuiteHarness;

namespace SoxAuto.Core.Tests.Validation;

[Collection(MeasuredTests.Name)]
public sealed class ExclusionEvaluatorTests
{
    [Fact]
    public async Task NoMatchingRow_Passes()
    {
        CheckResult result = await RunOneAsync(Exclusion(), Rows());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("No row of the 5 rows matches posting_date > :cutoff_date (:cutoff_date = 2025-09-30).", result.Message);
    }

    [Fact]
    public async Task MatchingRows_Fail_WithTheCountAndSamplesOfKeyAndReadColumns()
    {
        List<string?[]> rows = Rows();
        rows[1][3] = "2025-10-01";
        rows[3][1] = "XX";

        CheckResult result = await RunOneAsync(Exclusion("posting_date > :cutoff_date or id_company not in (:companies)"), rows);

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal(2, result.FailingRows);
        Assert.Equal("2 rows", result.Actual);
        Assert.Equal(["entry_no=20 id_company=EC_NG posting_date=2025-10-01", "entry_no=40 id_company=XX posting_date=2025-09-30"],
            result.Samples.Select(s => string.Join(" ", s.Select(kv => $"{kv.Key}={kv.Value}"))));
        Assert.Contains("(:cutoff_date = 2025-09-30, :companies = [EC_NG, JD_GH])", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCondition_DoesNotMatch_AsInSqlWhere()
    {
        List<string?[]> rows = Rows();
        rows[1][3] = null;

        Assert.Equal(CheckStatus.Pass, (await RunOneAsync(Exclusion(), rows)).Status);
        Assert.Equal(CheckStatus.Fail, (await RunOneAsync(Exclusion("posting_date is null or posting_date > :cutoff_date"), rows)).Status);
    }

    [Fact]
    public async Task AConditionThatDoesNotCompileForThisRun_IsAnError_WithItsPosition()
    {
        CheckResult result = await RunOneAsync(Exclusion("amount > 'x'"), Rows());

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("cannot compare column amount (decimal(38,2)) with the text 'x' (at offset 9)", result.Message, StringComparison.Ordinal);
    }
}
