using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Validation;
using static SoxAuto.Core.Tests.Validation.SuiteHarness;

namespace SoxAuto.Core.Tests.Validation;

[Collection(MeasuredTests.Name)]
public sealed class RowCountEvaluatorTests
{
    private static SourceQueryResult Count(string? value, string type = "bigint") => Source("count_matches", [("_col0", type)], [value]);

    [Fact]
    public async Task Equal_Passes_WhenTheCountsAgree()
    {
        CheckResult result = await RunOneAsync(RowCount(), Rows(), Count("5"));

        Assert.Equal((CheckStatus.Pass, "5", "5"), (result.Status, result.Expected, result.Actual));
    }

    [Theory]
    [InlineData("4", "The extract has 5 rows but the independent count is 4: 1 row more in the extract.")]
    [InlineData("1234", "The extract has 5 rows but the independent count is 1,234: 1,229 rows fewer in the extract.")]
    public async Task Equal_Fails_StatingBothCountsAndTheDifference(string count, string message)
    {
        CheckResult result = await RunOneAsync(RowCount(), Rows(), Count(count));

        Assert.Equal((CheckStatus.Fail, message), (result.Status, result.Message));
    }

    [Theory]
    [InlineData("5", CheckStatus.Pass)]
    [InlineData("9", CheckStatus.Pass)]
    [InlineData("4", CheckStatus.Fail)]
    public async Task SourceAtLeastExtract_AllowsMoreInTheSource_NeverMoreInTheExtract(string count, CheckStatus status)
    {
        CheckResult result = await RunOneAsync(RowCount(RowCountComparison.SourceAtLeastExtract), Rows(), Count(count));

        Assert.Equal(status, result.Status);
        Assert.Equal("at most " + count, result.Expected);
    }

    [Fact]
    public async Task AnEmptyExtract_MatchesACountOfZero() =>
        Assert.Equal(CheckStatus.Pass, (await RunOneAsync(RowCount(), [], Count("0"))).Status);

    public static TheoryData<string, SourceQueryResult> WrongShapes => new()
    {
        { "2 rows with 1 column", Source("count_matches", [("n", "bigint")], ["5"], ["5"]) },
        { "0 rows with 1 column", Source("count_matches", [("n", "bigint")]) },
        { "1 row with 2 column(s)", Source("count_matches", [("n", "bigint"), ("m", "bigint")], ["5", "5"]) },
        { "returned NULL of type bigint", Count(null) },
        { "returned '5.00' of type decimal(38,2)", Count("5.00", "decimal(38,2)") },
        { "returned 'five' of type varchar", Count("five", "varchar") },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task ASourceResultOfTheWrongShape_IsAnError_ThatSaysWhatCameBack(string explained, SourceQueryResult source)
    {
        CheckResult result = await RunOneAsync(RowCount(), Rows(), source);

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains(explained, result.Message, StringComparison.Ordinal);
        Assert.Equal("exec-count_matches", result.ExecutionId);
    }
}
