using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Sql;

namespace SoxAuto.Core.Tests.Sql;

public sealed class QueryRendererTests
{
    private static Dictionary<string, BoundParameter> Bind(params (string Name, ParameterValue Value)[] values) =>
        values.ToDictionary(v => v.Name, v => new BoundParameter(v.Name, v.Value, "test"), StringComparer.Ordinal);

    private static readonly Dictionary<string, string> NoMapping = new(StringComparer.Ordinal);

    [Fact]
    public void NamedParameters_BecomePositionalMarkers_WithAthenaLiteralsInOrder()
    {
        RenderedQuery rendered = QueryRenderer.Render(
            "SELECT \"Opco/Central_?\" FROM t WHERE d <= :cutoff AND ts < :end AND name = :name AND n = :n AND a = :amount AND f = :flag AND d2 >= :cutoff",
            Bind(("cutoff", new DateParameterValue(new DateOnly(2025, 9, 30))),
                ("end", new TimestampParameterValue(new DateTime(2025, 10, 1))),
                ("name", new VarcharParameterValue("O'Brien")),
                ("n", new BigintParameterValue(-42)),
                ("amount", new DecimalParameterValue(ScaledDecimal.Parse("12.30"))),
                ("flag", new BooleanParameterValue(true))),
            NoMapping);

        Assert.Equal("SELECT \"Opco/Central_?\" FROM t WHERE d <= ? AND ts < ? AND name = ? AND n = ? AND a = ? AND f = ? AND d2 >= ?", rendered.QueryString);
        Assert.Equal(["DATE '2025-09-30'", "TIMESTAMP '2025-10-01 00:00:00.000'", "'O''Brien'", "-42", "DECIMAL '12.30'", "true", "DATE '2025-09-30'"],
            rendered.ExecutionParameters);
        Assert.Equal(6, rendered.Parameters.Count);
    }

    [Fact]
    public void ListParameter_ExpandsToOneMarkerPerElement()
    {
        RenderedQuery rendered = QueryRenderer.Render("SELECT 1 FROM t WHERE c NOT IN (:excluded) AND d = :d",
            Bind(("excluded", new VarcharArrayParameterValue(["TN", "TZ", "ZA"])), ("d", new BigintParameterValue(1))), NoMapping);

        Assert.Equal("SELECT 1 FROM t WHERE c NOT IN (?, ?, ?) AND d = ?", rendered.QueryString);
        Assert.Equal(["'TN'", "'TZ'", "'ZA'", "1"], rendered.ExecutionParameters);
    }

    [Fact]
    public void DatabaseMapping_RewritesOnlyTableQualifiers()
    {
        RenderedQuery rendered = QueryRenderer.Render(
            "SELECT nav_bi.x, t.nav_bi FROM nav_bi.customers t JOIN \"nav_bi\".other o ON 1=1 -- nav_bi.comment\nWHERE 'nav_bi.text' <> ''",
            Bind(), new Dictionary<string, string>(StringComparer.Ordinal) { ["nav_bi"] = "prod_nav_bi" });

        Assert.Equal("SELECT prod_nav_bi.x, t.nav_bi FROM prod_nav_bi.customers t JOIN \"nav_bi\".other o ON 1=1 -- nav_bi.comment\nWHERE 'nav_bi.text' <> ''", rendered.QueryString);
    }

    [Fact]
    public void MissingValue_EmptyList_AndOverlongValue_AreRefused()
    {
        Assert.Throws<QueryRenderException>(() => QueryRenderer.Render("SELECT :nope", Bind(), NoMapping));
        Assert.Throws<QueryRenderException>(() => QueryRenderer.Render("SELECT 1 WHERE c IN (:l)", Bind(("l", new VarcharArrayParameterValue([]))), NoMapping));
        QueryRenderException tooLong = Assert.Throws<QueryRenderException>(
            () => QueryRenderer.Render("SELECT :s", Bind(("s", new VarcharParameterValue(new string('x', 1030)))), NoMapping));
        Assert.Contains("1024", tooLong.Message, StringComparison.Ordinal);
    }
}
