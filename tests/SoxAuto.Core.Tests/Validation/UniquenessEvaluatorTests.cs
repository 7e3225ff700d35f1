using System.Globalization;
using SoxAuto.Core.Validation;
using static SoxAuto.Core.Tests.Validation.SuiteHarness;

namespace SoxAuto.Core.Tests.Validation;

[Collection(MeasuredTests.Name)]
public sealed class UniquenessEvaluatorTests
{
    private static string?[] Row(string entry, string company = "EC_NG") => [entry, company, "X", "2025-09-01", "1.00"];

    [Fact]
    public async Task KeysInOrder_Pass_ComparingEachWithThePreviousOnly()
    {
        CheckResult result = await RunOneAsync(Unique(), Rows());

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("key order (each key compared with the previous one)", Assert.Single(result.Details)["method"]);
    }

    [Fact]
    public async Task AdjacentDuplicates_Fail_CountingRowsAndKeys()
    {
        CheckResult result = await RunOneAsync(Unique(), [Row("1"), Row("2"), Row("2"), Row("2"), Row("3"), Row("3")]);

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("3 rows repeat a key already seen: 2 values of (entry_no) occur more than once (2; 3).", result.Message);
        Assert.Equal(3, result.FailingRows);
        Assert.Equal(["2", "3"], result.Samples.Select(s => s["entry_no"]));
    }

    [Fact]
    public async Task KeysAreComparedAsTheirType_NotAsText()
    {
        // 9 < 10 numerically (as text "10" < "9"): in order for a bigint key, so no fallback is needed.
        CheckResult result = await RunOneAsync(Unique(), [Row("9"), Row("10"), Row("11")]);

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("key order (each key compared with the previous one)", result.Details[0]["method"]);
    }

    [Fact]
    public async Task AnUnorderedExtractWithoutDuplicates_Passes_ThroughTheExactKeySet()
    {
        CheckResult result = await RunOneAsync(Unique(), [Row("5"), Row("1"), Row("3"), Row("10"), Row("2")]);

        Assert.Equal((CheckStatus.Pass, 0L), (result.Status, result.FailingRows ?? 0));
        Assert.Equal("all 5 distinct keys in memory (the extract is not in key order)", result.Details[0]["method"]);
    }

    [Fact]
    public async Task DescendingOrder_IsAlsoBounded()
    {
        CheckResult result = await RunOneAsync(Unique(), [Row("3"), Row("2"), Row("2"), Row("1")]);

        Assert.Equal((CheckStatus.Fail, 1L), (result.Status, result.FailingRows));
        Assert.StartsWith("key order", result.Details[0]["method"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnorderedExtract_FallsBackToAnExactKeySet_AndFindsDistantDuplicates()
    {
        CheckResult result = await RunOneAsync(Unique(), [Row("5"), Row("1"), Row("3"), Row("5"), Row("1"), Row("5")]);

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal((3L, "3 duplicate row(s), 2 duplicated key(s)"), (result.FailingRows, result.Actual));
        Assert.Equal("all 3 distinct keys in memory (the extract is not in key order)", result.Details[0]["method"]);
    }

    [Fact]
    public async Task CompositeKeys_CompareColumnByColumn()
    {
        CheckResult unique = await RunOneAsync(Unique("id_company", "entry_no"), [Row("2", "A"), Row("1", "B"), Row("1", "BA")]);
        CheckResult duplicated = await RunOneAsync(Unique("id_company", "entry_no"), [Row("1", "A"), Row("1", "B"), Row("1", "B")]);

        Assert.Equal(CheckStatus.Pass, unique.Status);
        Assert.StartsWith("key order", unique.Details[0]["method"], StringComparison.Ordinal); // "B" < "BA": a composite key sorts column by column
        Assert.Equal("id_company=B entry_no=1", string.Join(" ", Assert.Single(duplicated.Samples).Select(kv => $"{kv.Key}={kv.Value}")));
    }

    [Fact]
    public async Task AnOrderBrokenAfterTheRetainedKeys_IsAnError_NeverAGuess()
    {
        List<string?[]> rows = Enumerable.Range(1, 10).Select(i => Row(i.ToString(CultureInfo.InvariantCulture))).ToList();
        rows.Add(Row("4"));

        CheckResult result = Assert.Single(await RunAsync([Unique()], rows, [], new CheckSuiteOptions { UniquenessRetainedKeys = 5 }));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.StartsWith("The extract is not in order of (entry_no) from row 11, after the first 5 rows were confirmed in order and their keys released: " +
            "uniqueness over the whole extract cannot be proven", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrderBrokenAfterTheRetainedKeys_StillFails_WhenDuplicatesWereFound()
    {
        List<string?[]> rows = [.. Enumerable.Range(1, 10).Select(i => Row(i.ToString(CultureInfo.InvariantCulture))), Row("10"), Row("4")];

        CheckResult result = Assert.Single(await RunAsync([Unique()], rows, [], new CheckSuiteOptions { UniquenessRetainedKeys = 5 }));

        Assert.Equal((CheckStatus.Fail, 1L), (result.Status, result.FailingRows));
    }

    [Fact]
    public async Task AnOrderBrokenWithinTheRetainedKeys_IsStillExact()
    {
        List<string?[]> rows = [.. Enumerable.Range(1, 10).Select(i => Row(i.ToString(CultureInfo.InvariantCulture))), Row("4")];

        CheckResult result = Assert.Single(await RunAsync([Unique()], rows, [], new CheckSuiteOptions { UniquenessRetainedKeys = 100 }));

        Assert.Equal((CheckStatus.Fail, 1L), (result.Status, result.FailingRows));
        Assert.Equal("4", Assert.Single(result.Samples)["entry_no"]);
    }

    [Fact]
    public async Task ADuplicateSeenInOrderThenAgainAfterTheBreak_CountsAsOneDuplicatedKey()
    {
        CheckResult result = await RunOneAsync(Unique(), [Row("1"), Row("2"), Row("2"), Row("3"), Row("2")]);

        Assert.Equal("2 duplicate row(s), 1 duplicated key(s)", result.Actual);
    }

    [Fact]
    public async Task KeyColumnsTheResultLacks_AreAnError() =>
        Assert.Equal(CheckStatus.Error, (await RunOneAsync(Unique("order_no"), Rows())).Status);
}
