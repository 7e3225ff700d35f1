using SoxAuto.Core.Catalog;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Expressions;

/// <summary>Expression problems found by <c>validate-catalog</c> (through <see cref="CatalogLoader"/>), each at file:line:column.</summary>
[Collection(SoxAuto.Core.Tests.Validation.MeasuredTests.Name)]
public sealed class CheckExpressionValidatorTests
{
    private const string Header = """
        id: IPE_99
        title: Test item
        control: C-PG-1
        description: A small item for expression validation.
        source_system: NAV
        databases: [nav_bi]
        parameters:
          - {name: cutoff_date, type: date, from: cutoff_date}
          - {name: companies, type: "array(varchar)", value: [EC_NG, JD_GH]}
        query: |
          SELECT entry_no, id_company, posting_date, amount FROM nav_bi.entries
          WHERE posting_date <= :cutoff_date AND id_company IN (:companies) ORDER BY entry_no
        columns:
          - {name: entry_no, type: bigint, key: true}
          - {name: id_company, type: varchar}
          - {name: posting_date, type: date}
          - {name: amount, type: "decimal(38,2)"}
        checks:
          - id: filled
            kind: completeness.critical_columns
            columns: [id_company]

        """;

    [Fact]
    public void Load_AcceptsValidConditionsAndBounds()
    {
        IpeCatalog catalog = Load("""
              - id: no_late_entries
                kind: accuracy.exclusion
                condition: posting_date > :cutoff_date or id_company not in (:companies)
              - id: in_period
                kind: range
                column: posting_date
                max: :cutoff_date
                min: DATE '2025-01-01'
            """);

        Assert.DoesNotContain(catalog.Problems, p => p.RuleId.StartsWith("check-", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ReportsPlainScalarErrors_AtFileLineColumn()
    {
        IpeCatalog catalog = Load("""
              - id: late
                kind: accuracy.exclusion
                condition: posting_dte > :cutoff and amount = 'x'
            """);

        // The condition starts on line 24, column 16; each error sits at its own offset in it.
        Assert.Equal(
            [
                "IPE_99.yaml:24:16: error check-unknown-column: check 'late' condition: unknown column 'posting_dte'",
                "IPE_99.yaml:24:30: error check-unknown-parameter: check 'late' condition: :cutoff is not a parameter of the item",
                "IPE_99.yaml:24:51: error check-expression: check 'late' condition: cannot compare column amount (decimal(38,2)) with the text 'x'",
            ],
            CheckProblems(catalog));
    }

    [Fact]
    public void Load_ReportsBlockScalarErrors_OnTheirLine()
    {
        IpeCatalog catalog = Load("""
              - id: late
                kind: accuracy.exclusion
                condition: |
                  posting_date > :cutoff_date
                  or amount >
            """);

        Assert.Equal(["IPE_99.yaml:26:18: error check-expression: check 'late' condition: expected a column, a :parameter or a literal, found the end of the expression"],
            CheckProblems(catalog));
    }

    [Fact]
    public void Load_ReportsQuotedConditionErrors_InsideTheQuotes()
    {
        IpeCatalog catalog = Load("""
              - id: late
                kind: accuracy.exclusion
                condition: "id_company = 1"
            """);

        Assert.Equal(["IPE_99.yaml:24:30: error check-expression: check 'late' condition: cannot compare column id_company (varchar) with the number 1"],
            CheckProblems(catalog));
    }

    [Fact]
    public void Load_RefusesAConditionThatReadsNoColumn_BecauseItCouldNeverFail()
    {
        IpeCatalog catalog = Load("""
              - id: nothing
                kind: accuracy.exclusion
                condition: 1 = 0
            """);

        string problem = Assert.Single(CheckProblems(catalog));
        Assert.StartsWith("IPE_99.yaml:24:16: error check-expression: check 'nothing': the condition reads no column", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ChecksRangeBounds_AgainstTheColumnsType()
    {
        IpeCatalog catalog = Load("""
              - id: window
                kind: range
                column: posting_date
                min: :companies
                max: 2025
            """);

        Assert.Equal(
            [
                "IPE_99.yaml:25:10: error check-expression: check 'window' min: :companies (array(varchar)) is a list; it can only stand for the values of in (…)",
                "IPE_99.yaml:26:10: error check-expression: check 'window' max: cannot compare column posting_date (date) with the number 2025",
            ],
            CheckProblems(catalog));
    }

    [Fact]
    public void Load_DoesNotRepeatAnUnknownRangeColumn_ForItsBounds()
    {
        IpeCatalog catalog = Load("""
              - id: window
                kind: range
                column: nope
                max: :cutoff_date
            """);

        string problem = Assert.Single(CheckProblems(catalog));
        Assert.Contains("check-unknown-column", problem, StringComparison.Ordinal);
    }

    private static IpeCatalog Load(string checks)
    {
        using TempDirectory directory = new();
        File.WriteAllText(directory.Combine("IPE_99.yaml"), Header + checks + "\n");
        return CatalogLoader.Load(directory.Path);
    }

    private static string[] CheckProblems(IpeCatalog catalog) =>
        catalog.Problems.Where(p => p.RuleId.StartsWith("check-", StringComparison.Ordinal))
            .Select(p => $"{p.Location}: error {p.RuleId}: {p.Message}").ToArray();
}
