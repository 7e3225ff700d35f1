using System.Text.Json;
using SoxAuto.Cli.Tests.TestSupport;
using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests;

public sealed class ValidateCatalogCommandTests
{
    private const string Item = """
        id: IPE_01
        title: t
        control: C-PG-1
        description: d
        source_system: NAV
        databases: [nav_bi]
        parameters:
          - {name: cutoff_date, type: date, from: cutoff_date}
        query: |
          SELECT entry_no FROM nav_bi.entries WHERE posting_date <= :cutoff_date ORDER BY entry_no
        columns:
          - {name: entry_no, type: bigint, key: true}
        checks:
          - {id: count, kind: completeness.row_count, query: "SELECT count(*) FROM nav_bi.detail WHERE posting_date <= :cutoff_date"}
          - {id: unique, kind: uniqueness}
        """;

    private static async Task<CliRun> ValidateAsync(TempDirectory catalog, params string[] extra) =>
        await CliRun.RunAsync(["validate-catalog", "--catalog", catalog.Path, .. extra]);

    [Fact]
    public async Task ACleanCatalog_Exits0()
    {
        using TempDirectory catalog = new();
        File.WriteAllText(catalog.Combine("IPE_01.yaml"), Item);

        CliRun run = await ValidateAsync(catalog);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("catalog is valid: 1 item(s), 0 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IPE_01.yaml", "title: t", "title: [t")]
    [InlineData("IPE_01.yaml", "SELECT entry_no", "DELETE FROM nav_bi.entries; SELECT entry_no")]
    [InlineData("IPE_01_again.yaml", "", "")]
    public async Task APlantedFault_Exits2_NamingTheFile(string faultyFile, string find, string replace)
    {
        using TempDirectory catalog = new();
        File.WriteAllText(catalog.Combine("IPE_01.yaml"), Item);
        File.WriteAllText(catalog.Combine(faultyFile), find.Length == 0 ? Item : Item.Replace(find, replace, StringComparison.Ordinal));

        CliRun run = await ValidateAsync(catalog);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(Path.Combine(catalog.Path, faultyFile), run.Output, StringComparison.Ordinal);
        Assert.Contains("catalog is NOT valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_ListsEveryProblemWithFileLineRuleAndHint()
    {
        using TempDirectory catalog = new();
        File.WriteAllText(catalog.Combine("IPE_01.yaml"), Item.Replace("posting_date <= :cutoff_date ORDER", "posting_date <= current_date ORDER", StringComparison.Ordinal));

        CliRun run = await ValidateAsync(catalog, "--json");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        JsonElement problem = json.RootElement.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("rule").GetString() == "query-deterministic");
        Assert.Equal(10, problem.GetProperty("line").GetInt32());
        Assert.Equal(61, problem.GetProperty("column").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("hint").GetString()));
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
    }
}
