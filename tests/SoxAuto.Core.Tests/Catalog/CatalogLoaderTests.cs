using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;

namespace SoxAuto.Core.Tests.Catalog;

public sealed class CatalogLoaderTests
{
    private static CatalogProblem Single(IpeCatalog catalog, string rule) =>
        Assert.Single(catalog.Problems, p => p.RuleId == rule);

    [Fact]
    public void ValidItem_LoadsWithoutProblems_AndEveryFieldIsRead()
    {
        using CatalogFixture fixture = new();
        IpeCatalog catalog = fixture.With("IPE_09.yaml", CatalogFixture.ValidItem).Load();

        Assert.Empty(catalog.Problems);
        CatalogItem item = Assert.Single(catalog.Items);
        Assert.Equal("IPE_09", item.Id);
        Assert.Equal(["order_id"], item.KeyColumns.Select(c => c.Name));
        Assert.False(item.FindColumn("order_id")!.IsNullable);
        Assert.Equal("decimal(38,2)", item.FindColumn("total_amount")!.Type.Text);
        Assert.Equal(new VarcharArrayParameterValue(["TN", "O'Brien"]), item.FindParameter("excluded")!.Value);
        Assert.IsType<RowCountCheck>(item.Checks[0]);
        Assert.Equal(64, item.FileSha256.Length);
        Assert.Equal(64, catalog.CatalogSha256.Length);
        Assert.Equal(new SourceLocation("IPE_09.yaml", 15, 3), item.Query.Start);
    }

    [Fact]
    public void BrokenYaml_IsReportedWithLineAndColumn()
    {
        using CatalogFixture fixture = new();
        IpeCatalog catalog = fixture.With("IPE_09.yaml", "id: IPE_09\ntitle: [unclosed\ncontrol: C-PG-1\n").Load();

        CatalogProblem problem = Single(catalog, CatalogRules.YamlSyntax);
        Assert.Equal("IPE_09.yaml", problem.Location.File);
        Assert.Empty(catalog.Items);
    }

    [Fact]
    public void BadIndentation_IsReportedWithItsLine()
    {
        using CatalogFixture fixture = new();
        IpeCatalog catalog = fixture.With("IPE_09.yaml", "id: IPE_09\ntitle: x\n  control: C-PG-1\n").Load();

        CatalogProblem problem = Single(catalog, CatalogRules.YamlSyntax);
        Assert.Equal(new SourceLocation("IPE_09.yaml", 3, 10), problem.Location with { Column = 10 });
    }

    [Fact]
    public void UnknownAndMissingFields_AreAllReported_NotJustTheFirst()
    {
        using CatalogFixture fixture = new();
        string text = CatalogFixture.ValidItem.Replace("title: BOB sales orders up to the cutoff\n", string.Empty, StringComparison.Ordinal)
            .Replace("control: C-PG-1", "control: C-PG-1\nowner: finance", StringComparison.Ordinal)
            .Replace("{name: opco, type: varchar}", "{name: opco, type: varchar, critcal: true}", StringComparison.Ordinal);
        IpeCatalog catalog = fixture.With("IPE_09.yaml", text).Load();

        Assert.Contains(catalog.Problems, p => p.RuleId == CatalogRules.MissingField && p.Message.Contains("'title'", StringComparison.Ordinal));
        Assert.Contains(catalog.Problems, p => p.RuleId == CatalogRules.UnknownField && p.Message.Contains("'owner'", StringComparison.Ordinal) && p.Location.Line == 3);
        Assert.Contains(catalog.Problems, p => p.RuleId == CatalogRules.UnknownField && p.Message.Contains("'critcal'", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateIds_AcrossFiles_AndIdNotMatchingTheFileName_AreErrors()
    {
        using CatalogFixture fixture = new();
        IpeCatalog catalog = fixture.With("IPE_09.yaml", CatalogFixture.ValidItem).With("IPE_09_copy.yaml", CatalogFixture.ValidItem).Load();

        Assert.Equal(2, catalog.Problems.Count(p => p.RuleId == CatalogRules.DuplicateId));
        CatalogProblem name = Single(catalog, CatalogRules.IdMatchesFileName);
        Assert.Equal("IPE_09_copy.yaml", name.Location.File);
    }

    [Theory]
    [InlineData("ORDER BY order_id", "ORDER BY order_id;\n  DELETE FROM process_pg_bob.pg_bob_sales_order", CatalogRules.QueryNotReadOnly)]
    [InlineData("ORDER BY order_id", "ORDER BY order_id;", CatalogRules.QueryMultipleStatements)]
    [InlineData("order_date <= :cutoff_date AND", "order_date <= current_date AND", CatalogRules.QueryNonDeterministic)]
    [InlineData("order_date <= :cutoff_date AND", "order_date <= now() AND", CatalogRules.QueryNonDeterministic)]
    [InlineData("order_date <= :cutoff_date AND", "rand() < 0.5 AND", CatalogRules.QueryNonDeterministic)]
    [InlineData("order_date <= :cutoff_date AND", "order_date <= ? AND", CatalogRules.QueryPositionalParameter)]
    [InlineData("WHERE order_date", "WHERE :undeclared = 1 AND order_date", CatalogRules.ParameterUndeclared)]
    [InlineData("SELECT order_id,", "INSERT INTO x SELECT order_id,", CatalogRules.QueryNotReadOnly)]
    [InlineData("SELECT order_id,", "SELECT 'unterminated, order_id,", CatalogRules.QuerySyntax)]
    public void UnsafeOrIrreproducibleQueries_AreErrorsAtTheirPosition(string find, string replace, string rule)
    {
        using CatalogFixture fixture = new();
        IpeCatalog catalog = fixture.With("IPE_09.yaml", CatalogFixture.ValidItem.Replace(find, replace, StringComparison.Ordinal)).Load();

        CatalogProblem problem = catalog.Problems.First(p => p.RuleId == rule);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.InRange(problem.Location.Line, 15, 19);
        Assert.True(problem.Location.Column >= 3, problem.ToString());
    }

    [Fact]
    public void TheExactColumnOfAQueryProblem_IsReported()
    {
        using CatalogFixture fixture = new();
        IpeCatalog catalog = fixture.With("IPE_09.yaml", CatalogFixture.ValidItem.Replace("order_date <= :cutoff_date AND", "order_date <= now() AND", StringComparison.Ordinal)).Load();

        CatalogProblem problem = Single(catalog, CatalogRules.QueryNonDeterministic);
        Assert.Equal(new SourceLocation("IPE_09.yaml", 17, 23), problem.Location);
    }

    [Fact]
    public void DeclaredButUnusedParameter_IsAWarning()
    {
        using CatalogFixture fixture = new();
        string text = CatalogFixture.ValidItem.Replace(" AND country NOT IN (:excluded)", string.Empty, StringComparison.Ordinal);
        IpeCatalog catalog = fixture.With("IPE_09.yaml", text).Load();

        CatalogProblem problem = Single(catalog, CatalogRules.ParameterUnused);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.False(catalog.HasErrors);
    }

    [Theory]
    [InlineData("from: cutoff_date", "from: cutof_date", CatalogRules.ParameterDefinition)]
    [InlineData("type: date\n    from: cutoff_date", "type: bigint\n    from: cutoff_date", CatalogRules.ParameterDefinition)]
    [InlineData("value: [TN, \"O'Brien\"]", "value: []", CatalogRules.ParameterValue)]
    [InlineData("type: array(varchar)", "type: list", CatalogRules.ParameterDefinition)]
    [InlineData("{name: opco, type: varchar}", "{name: order_id, type: varchar}", CatalogRules.ColumnDuplicate)]
    [InlineData("{name: opco, type: varchar}", "{name: opco, type: decimal}", CatalogRules.ColumnType)]
    [InlineData("{name: order_id, type: varchar, key: true}", "{name: order_id, type: varchar, key: true, nullable: true}", CatalogRules.ColumnKey)]
    [InlineData("kind: uniqueness", "kind: uniqueness\n    columns: [order_nr]", CatalogRules.CheckUnknownColumn)]
    [InlineData("kind: uniqueness", "kind: sameness", CatalogRules.CheckDefinition)]
    [InlineData("id: unique_order", "id: row_count", CatalogRules.CheckDuplicateId)]
    public void BrokenDefinitions_AreErrorsWithTheirRule(string find, string replace, string rule)
    {
        using CatalogFixture fixture = new();
        IpeCatalog catalog = fixture.With("IPE_09.yaml", CatalogFixture.ValidItem.Replace(find, replace, StringComparison.Ordinal)).Load();

        Assert.Contains(catalog.Problems, p => p.RuleId == rule && p.Severity == ProblemSeverity.Error);
        Assert.All(catalog.Problems, p => Assert.Equal("IPE_09.yaml", p.Location.File));
    }

    [Fact]
    public void AnItemWithoutCompletenessOrAccuracyChecks_IsAnError()
    {
        using CatalogFixture fixture = new();
        string text = CatalogFixture.ValidItem[..CatalogFixture.ValidItem.IndexOf("checks:", StringComparison.Ordinal)];
        IpeCatalog catalog = fixture.With("IPE_09.yaml", text).Load();

        Assert.Equal(2, catalog.Problems.Count(p => p.RuleId == CatalogRules.CheckCoverage));
    }

    [Fact]
    public void ADisabledCheck_DoesNotCoverItsCategory()
    {
        using CatalogFixture fixture = new();
        string text = CatalogFixture.ValidItem.Replace("kind: uniqueness", "kind: uniqueness\n    enabled: false\n    skip_reason: not yet agreed", StringComparison.Ordinal);
        IpeCatalog catalog = fixture.With("IPE_09.yaml", text).Load();

        CatalogProblem problem = Single(catalog, CatalogRules.CheckCoverage);
        Assert.Equal("item 'IPE_09' has no enabled accuracy check ('unique_order' disabled)", problem.Message);
    }

    [Fact]
    public void AWitnessWithAnEmptyRecordList_IsAnError_AtTheList()
    {
        using CatalogFixture fixture = new();
        string text = CatalogFixture.ValidItem + "\n  - id: witnessed\n    kind: accuracy.witness\n    records: []\n";
        IpeCatalog catalog = fixture.With("IPE_09.yaml", text).Load();

        CatalogProblem problem = Assert.Single(catalog.Problems, p => p.Message.Contains("declares no witness records", StringComparison.Ordinal));
        Assert.Equal(CatalogRules.CheckDefinition, problem.RuleId);
        Assert.Equal(Array.FindIndex(text.Split('\n'), l => l.Contains("records: []", StringComparison.Ordinal)) + 1, problem.Location.Line);
    }

    [Fact]
    public void Settings_AreRead_AndTheirValuesFeedParameters()
    {
        using CatalogFixture fixture = new();
        fixture.With("settings.yaml", """
            region: eu-west-1
            workgroup: sox
            output_location: s3://results/soxauto/
            databases:
              process_pg_bob: prod_bob
            values:
              companies:
                type: array(varchar)
                value: [EC_NG, JD_GH]
            """);
        string text = CatalogFixture.ValidItem.Replace("type: array(varchar)\n    value: [TN, \"O'Brien\"]", "type: array(varchar)\n    from: companies", StringComparison.Ordinal);
        IpeCatalog catalog = fixture.With("IPE_09.yaml", text).Load();

        Assert.Empty(catalog.Problems);
        Assert.Equal("prod_bob", catalog.Settings.Databases["process_pg_bob"]);
        Assert.Equal(new VarcharArrayParameterValue(["EC_NG", "JD_GH"]), catalog.Settings.Values["companies"]);
    }

    [Fact]
    public void MissingFolder_AndEmptyFolder_AreErrors()
    {
        Assert.Contains(CatalogLoader.Load("/nonexistent/catalog").Problems, p => p.RuleId == CatalogRules.NoItems);
        using CatalogFixture fixture = new();
        Assert.Contains(fixture.Load().Problems, p => p.RuleId == CatalogRules.NoItems);
    }
}
