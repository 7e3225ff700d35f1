using SoxAuto.Core.Validation;
using static SoxAuto.Core.Tests.Validation.SuiteHarness;

namespace SoxAuto.Core.Tests.Validation;

[Collection(MeasuredTests.Name)]
public sealed class ControlTotalEvaluatorTests
{
    private static SourceQueryResult Overall(string? total, string type = "decimal(38,2)") => Source("total_matches", [("_col0", type)], [total]);

    private static SourceQueryResult ByCompany(params string?[][] rows) =>
        Source("total_matches", [("id_company", "varchar"), ("total", "decimal(38,2)")], rows);

    [Fact]
    public async Task Overall_PassesOnTheExactSum()
    {
        CheckResult result = await RunOneAsync(Total(), Rows(), Overall("1310.75"));

        Assert.Equal((CheckStatus.Pass, "1310.75", "1310.75", "0"), (result.Status, result.Expected, result.Actual, result.Tolerance));
        Assert.Equal("Σ amount over the extract is 1,310.75, equal to the source total.", result.Message);
    }

    [Fact]
    public async Task Overall_FailsOnOneCent_StatingBothTotalsAndTheDifference()
    {
        CheckResult result = await RunOneAsync(Total(), Rows(), Overall("1310.76"));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("Σ amount over the extract is 1,310.75 but the source total is 1,310.76: difference -0.01 (tolerance 0).", result.Message);
    }

    [Theory]
    [InlineData("1310.80", CheckStatus.Pass)] // |difference| = tolerance: inclusive
    [InlineData("1310.81", CheckStatus.Fail)]
    [InlineData("1310.70", CheckStatus.Pass)]
    [InlineData("1310.695", CheckStatus.Fail)] // a source total with more decimals is compared exactly
    public async Task Tolerance_IsAbsoluteAndInclusive(string source, CheckStatus status) =>
        Assert.Equal(status, (await RunOneAsync(Total("0.05"), Rows(), Overall(source, "decimal(38,3)"))).Status);

    [Fact]
    public async Task NullAmounts_AddNothing_AsInSqlSum_AndAreMentioned()
    {
        List<string?[]> rows = Rows();
        rows[2][4] = null;

        CheckResult result = await RunOneAsync(Total(), rows, Overall("1350.75"));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("1 NULL value(s) of amount add nothing", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASourceNull_IsZero_ForAnEmptyExtract() =>
        Assert.Equal(CheckStatus.Pass, (await RunOneAsync(Total(), [], Overall(null))).Status);

    [Fact]
    public async Task ASourceNull_Fails_WhenTheExtractHasAmounts_EvenIfTheyAddUpToZero()
    {
        // +100 and -100: the sum is 0, but the source summing nothing is a difference, not a tie.
        List<string?[]> rows = [["10", "EC_NG", "Ade", "2025-09-01", "100.00"], ["20", "EC_NG", "Bola", "2025-09-15", "-100.00"]];

        CheckResult result = await RunOneAsync(Total(), rows, Overall(null));

        Assert.Equal((CheckStatus.Fail, null, "0.00"), (result.Status, result.Expected, result.Actual));
        Assert.Equal("Σ amount over the extract is 0.00 from 2 values, but the source total is NULL: the source summed no values at all.", result.Message);
    }

    [Fact]
    public async Task ASourceNull_Ties_WithAnExtractWhoseAmountsAreAllNull()
    {
        List<string?[]> rows = [["10", "EC_NG", "Ade", "2025-09-01", null]];

        Assert.Equal(CheckStatus.Pass, (await RunOneAsync(Total(), rows, Overall(null))).Status);
    }

    [Fact]
    public async Task PerGroup_ASourceNullTotal_DiffersFromAGroupWithAmounts()
    {
        List<string?[]> rows = Rows();
        rows.Add(["60", "ZZ_KE", "Wanjiru", "2025-09-30", "5.00"]);
        rows.Add(["70", "ZZ_KE", "Otieno", "2025-09-30", "-5.00"]);

        CheckResult result = await RunOneAsync(Total("0", "id_company"), rows, ByCompany(["EC_NG", "350.75"], ["JD_GH", "960.00"], ["ZZ_KE", null]));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("ZZ_KE extract 0.00 vs source NULL (the source summed no values)", result.Message, StringComparison.Ordinal);
        Assert.Contains(result.Details, d => d["id_company"] == "ZZ_KE" && d["expected"] is null && d["status"] == "differs");
    }

    [Fact]
    public async Task PerGroup_Passes_WhenEveryGroupTies()
    {
        CheckResult result = await RunOneAsync(Total("0", "id_company"), Rows(), ByCompany(["JD_GH", "960.00"], ["EC_NG", "350.75"]));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal(["EC_NG 350.75 350.75 0.00 matches", "JD_GH 960.00 960.00 0.00 matches"],
            result.Details.Select(d => $"{d["id_company"]} {d["expected"]} {d["actual"]} {d["difference"]} {d["status"]}"));
    }

    [Fact]
    public async Task PerGroup_ReportsEachDifferingGroup_AndGroupsMissingOnEitherSide()
    {
        List<string?[]> rows = Rows();
        rows.Add(["60", "ZZ_KE", "Wanjiru", "2025-09-30", "5.00"]);

        CheckResult result = await RunOneAsync(Total("0", "id_company"), rows,
            ByCompany(["EC_NG", "450.75"], ["JD_GH", "960.00"], ["UG_UG", "12.00"]));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("Σ amount per id_company differs from the source for 3 of 4 groups: EC_NG extract 350.75 vs source 450.75 (-100.00); " +
            "UG_UG is not in the extract (source 12.00); ZZ_KE is not in the source (extract 5.00). Overall: extract 1,315.75, source 1,422.75.", result.Message);
        Assert.Equal(3, result.FailingRows);
        Assert.Equal(["EC_NG differs", "UG_UG missing in extract", "ZZ_KE missing in source", "JD_GH matches"],
            result.Details.Select(d => $"{d["id_company"]} {d["status"]}"));
    }

    [Fact]
    public async Task PerGroup_ANullGroup_IsAGroupOfItsOwn_OnBothSides()
    {
        List<string?[]> rows = Rows();
        rows[0][1] = null;

        CheckResult result = await RunOneAsync(Total("0", "id_company"), rows, ByCompany([null, "100.00"], ["EC_NG", "250.75"], ["JD_GH", "960.00"]));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains(result.Details, d => d["id_company"] is null && d["actual"] == "100.00");
    }

    [Fact]
    public async Task PerGroup_ComparesDatesAsDates_AndNumbersAcrossScales()
    {
        CheckResult result = await RunOneAsync(Total("0", "posting_date"), Rows(),
            Source("total_matches", [("posting_date", "timestamp"), ("total", "decimal(20,4)")],
                ["2025-09-01 00:00:00.000", "100.0000"], ["2025-09-15 00:00:00.000", "250.5000"], ["2025-09-20 00:00:00.000", "-40.0000"],
                ["2025-09-30 00:00:00.000", "1000.2500"]));

        Assert.Equal(CheckStatus.Pass, result.Status);
    }

    public static TheoryData<string, SourceQueryResult> WrongShapes => new()
    {
        { "it must return the group_by columns (id_company) then the total", Source("total_matches", [("total", "decimal(38,2)")], ["1.00"]) },
        { "its column 1 is company", Source("total_matches", [("company", "varchar"), ("t", "decimal(38,2)")], ["EC_NG", "1.00"]) },
        { "the total column t is double", Source("total_matches", [("id_company", "varchar"), ("t", "double")], ["EC_NG", "1.0"]) },
        { "group EC_NG appears more than once", ByCompany(["EC_NG", "1.00"], ["EC_NG", "2.00"]) },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task PerGroup_ASourceOfTheWrongShape_IsAnError(string explained, SourceQueryResult source)
    {
        CheckResult result = await RunOneAsync(Total("0", "id_company"), Rows(), source);

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains(explained, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overall_ADoubleSourceTotal_IsAnError_BecauseTotalsCompareExactly()
    {
        CheckResult result = await RunOneAsync(Total(), Rows(), Overall("1310.75", "double"));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("cast the source's sum to decimal", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASummedColumnThatIsNotNumeric_IsAnError()
    {
        var check = Total() with { Column = "customer_name" };

        CheckResult result = await RunOneAsync(check, Rows(), Overall("1"));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("control totals add up decimal or integer columns", result.Message, StringComparison.Ordinal);
    }
}
