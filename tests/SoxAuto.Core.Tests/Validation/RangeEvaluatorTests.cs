using SoxAuto.Core.Validation;
using static SoxAuto.Core.Tests.Validation.SuiteHarness;

namespace SoxAuto.Core.Tests.Validation;

[Collection(MeasuredTests.Name)]
public sealed class RangeEvaluatorTests
{
    [Fact]
    public async Task ValuesInsideTheWindow_Pass_ReportingTheSmallestAndLargestSeen()
    {
        CheckResult result = await RunOneAsync(Range(":period_start", ":cutoff_date"), Rows());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal(("[2025-09-01, 2025-09-30], not NULL", "min 2025-09-01, max 2025-09-30, 0 outside"), (result.Expected, result.Actual));
    }

    [Theory]
    [InlineData(true, true, CheckStatus.Pass)]
    [InlineData(false, true, CheckStatus.Fail)] // 2025-09-01 is the exclusive minimum
    [InlineData(true, false, CheckStatus.Fail)] // 2025-09-30 is the exclusive maximum
    public async Task Inclusivity_FollowsTheDefinition(bool minInclusive, bool maxInclusive, CheckStatus status) =>
        Assert.Equal(status, (await RunOneAsync(Range(":period_start", ":cutoff_date", minInclusive: minInclusive, maxInclusive: maxInclusive), Rows())).Status);

    [Fact]
    public async Task ValuesOutside_Fail_WithCountsSamplesAndExtremes()
    {
        List<string?[]> rows = Rows();
        rows[0][3] = "2025-08-31";
        rows[4][3] = "2025-10-02";

        CheckResult result = await RunOneAsync(Range(":period_start", "DATE '2025-09-30'"), rows);

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("2 values of posting_date are not within [2025-09-01, 2025-09-30] (:period_start = 2025-09-01) (1 below, 1 above); " +
            "values seen from 2025-08-31 to 2025-10-02.", result.Message);
        Assert.Equal(["10", "50"], result.Samples.Select(s => s["entry_no"]));
        Assert.Equal(2, result.FailingRows);
    }

    [Fact]
    public async Task Null_Fails_UnlessAllowed()
    {
        List<string?[]> rows = Rows();
        rows[2][3] = null;

        CheckResult strict = await RunOneAsync(Range(), rows);
        CheckResult lenient = await RunOneAsync(Range(allowNull: true), rows);

        Assert.Equal(CheckStatus.Fail, strict.Status);
        Assert.Contains("1 value of posting_date is NULL, which the check does not allow", strict.Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Pass, lenient.Status);
        Assert.Contains("1 NULL, allowed", lenient.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, ":cutoff_end", CheckStatus.Pass)] // a timestamp bound on a date column: the date at 00:00
    [InlineData("TIMESTAMP '2025-09-01 00:00:00.000'", null, CheckStatus.Pass)]
    [InlineData("TIMESTAMP '2025-09-01 00:00:00.001'", null, CheckStatus.Fail)]
    public async Task DatesCompareWithTimestampBounds(string? min, string? max, CheckStatus status) =>
        Assert.Equal(status, (await RunOneAsync(Range(min ?? ":period_start", max, maxInclusive: false), Rows())).Status);

    [Fact]
    public async Task NumericRanges_AreExact()
    {
        CheckResult result = await RunOneAsync(Range("-40.00", "1000", column: "amount"), Rows());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("min -40.00, max 1000.00, 0 outside", result.Actual);
    }

    [Fact]
    public async Task ABoundOfTheWrongType_IsAnError()
    {
        CheckResult result = await RunOneAsync(Range(":companies", column: "amount"), Rows());

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("the min bound ':companies' cannot be compared with amount (decimal(38,2))", result.Message, StringComparison.Ordinal);
    }
}
