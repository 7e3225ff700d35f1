using SoxAuto.Core.Validation;
using static SoxAuto.Core.Tests.Validation.SuiteHarness;

namespace SoxAuto.Core.Tests.Validation;

[Collection(MeasuredTests.Name)]
public sealed class CriticalColumnsEvaluatorTests
{
    [Fact]
    public async Task DefaultsToTheColumnsMarkedCritical_AndPassesWhenFilled()
    {
        CheckResult result = await RunOneAsync(Critical(), Rows());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("customer_name", Assert.Single(result.Details)["column"]);
    }

    [Fact]
    public async Task ANull_Fails_WithPerColumnCountsAndSamplesOfKeyAndColumn()
    {
        List<string?[]> rows = Rows();
        rows[1][3] = null;
        rows[3][3] = null;
        rows[3][2] = null;

        CheckResult result = await RunOneAsync(Critical(false, 1m, "customer_name", "posting_date", "amount"), rows);

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("customer_name is NULL in 1 of 5 rows (80% filled); posting_date is NULL in 2 of 5 rows (60% filled); at least 100% must be filled.", result.Message);
        Assert.Equal(["1", "2", "0"], result.Details.Select(d => d["missing"]));
        Assert.Equal(2, result.FailingRows);
        Assert.Equal([["entry_no=20", "posting_date="], ["entry_no=40", "customer_name=", "posting_date="]],
            result.Samples.Select(s => s.Select(kv => $"{kv.Key}={kv.Value}").ToArray()));
    }

    [Fact]
    public async Task TheEmptyString_IsNotNull_UnlessNonEmptyIsAsked()
    {
        List<string?[]> rows = Rows();
        rows[0][2] = string.Empty;

        Assert.Equal(CheckStatus.Pass, (await RunOneAsync(Critical(), rows)).Status);
        CheckResult strict = await RunOneAsync(Critical(nonEmpty: true), rows);
        Assert.Equal(CheckStatus.Fail, strict.Status);
        Assert.StartsWith("customer_name is NULL or empty in 1 of 5 rows", strict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.8", CheckStatus.Pass)]
    [InlineData("0.81", CheckStatus.Fail)]
    public async Task AThreshold_IsAShareOfRows_Inclusive(string threshold, CheckStatus status)
    {
        List<string?[]> rows = Rows();
        rows[4][2] = null;

        CheckResult result = await RunOneAsync(Critical(false, decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture)), rows);

        Assert.Equal(status, result.Status);
        Assert.Equal(1, result.FailingRows);
    }

    [Fact]
    public async Task Samples_AreCapped_ButTheCountIsExact()
    {
        List<string?[]> rows = Enumerable.Range(1, 50).Select(i => new string?[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), "EC_NG", null, "2025-09-01", "1.00" }).ToList();

        CheckResult result = await RunOneAsync(Critical(), rows);

        Assert.Equal(20, result.Samples.Count);
        Assert.Equal(50, result.FailingRows);
        Assert.Contains("in 50 of 50 rows (0% filled)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AColumnTheResultLacks_IsAnError() =>
        Assert.Equal(CheckStatus.Error, (await RunOneAsync(Critical(false, 1m, "vat_no"), Rows())).Status);
}
