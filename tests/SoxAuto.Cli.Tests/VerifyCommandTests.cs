using System.Text;
using System.Text.Json;
using SoxAuto.Cli.Tests.TestSupport;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence;
using SoxAuto.Core.Execution;
using SoxAuto.Core.Sql;
using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task IntactPackage_Exits0_AndListsEveryCheck()
    {
        string package = await WritePackageAsync();

        CliRun run = await CliRun.RunAsync(["verify", package]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"{package}: VERIFIED", run.Output, StringComparison.Ordinal);
        Assert.Contains("ok    dataset_sha256: CDH-1 recomputed from data.csv.gz", run.Output, StringComparison.Ordinal);
        Assert.Contains("all 1 package(s) verified", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task OneTamperedAmongSeveral_Exits1_NamingTheMismatch()
    {
        string good = await WritePackageAsync();
        string bad = _temp.Combine("tampered.zip");
        byte[] bytes = await File.ReadAllBytesAsync(await WritePackageAsync());
        int at = Encoding.ASCII.GetString(bytes).IndexOf("SELECT", StringComparison.Ordinal);
        bytes[at] = (byte)'s';
        await File.WriteAllBytesAsync(bad, bytes);

        CliRun run = await CliRun.RunAsync(["verify", good, bad]);

        Assert.Equal(ExitCodes.ControlsFailed, run.ExitCode);
        Assert.Contains($"{good}: VERIFIED", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{bad}: FAILED", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  sha256 01_executed_query.sql: SHA256SUMS says", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 of 2 package(s) FAILED verification", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_HasPackagesWithChecks_AndAnOverallVerdict()
    {
        string package = await WritePackageAsync();
        string notAZip = _temp.Combine("notes.zip");
        await File.WriteAllTextAsync(notAZip, "not a zip");

        CliRun run = await CliRun.RunAsync(["verify", "--json", package, notAZip]);

        Assert.Equal(ExitCodes.ControlsFailed, run.ExitCode);
        JsonElement json = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["packages", "ok"], json.EnumerateObject().Select(p => p.Name));
        Assert.False(json.GetProperty("ok").GetBoolean());
        JsonElement[] packages = [.. json.GetProperty("packages").EnumerateArray()];
        Assert.Equal(["path", "ok", "checks"], packages[0].EnumerateObject().Select(p => p.Name));
        Assert.True(packages[0].GetProperty("ok").GetBoolean());
        Assert.Equal(["name", "ok", "detail"], packages[0].GetProperty("checks")[0].EnumerateObject().Select(p => p.Name));
        Assert.False(packages[1].GetProperty("ok").GetBoolean());
        Assert.Equal("zip_structure", packages[1].GetProperty("checks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task MissingFile_IsBadUsage_Exit2_AndNothingIsVerified()
    {
        string package = await WritePackageAsync();

        CliRun run = await CliRun.RunAsync(["verify", package, _temp.Combine("absent.zip")]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("absent.zip: no such file", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task NoPackageGiven_IsBadUsage_Exit2()
    {
        CliRun run = await CliRun.RunAsync(["verify"]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
    }

    private async Task<string> WritePackageAsync()
    {
        ResultSchema schema = new([new ColumnSchema("id", AthenaType.Parse("bigint")), new ColumnSchema("amount", AthenaType.Parse("decimal(38,2)"))]);
        DateTimeOffset start = new(2026, 11, 22, 10, 15, 0, TimeSpan.Zero);
        RunEvidenceWriter run = RunEvidenceWriter.Create(_temp.Combine("out"), new RunContext
        {
            RunId = RunIds.New(new DateOnly(2025, 9, 30), start),
            Cutoff = new DateOnly(2025, 9, 30),
            StartedAt = start,
            ToolVersion = "test",
            CatalogSha256 = new string('c', 64),
        });
        CatalogItem item = new()
        {
            Id = "IPE_01", Title = "t", Control = "C", Description = "d", SourceSystem = "s", Databases = [], Parameters = [],
            Query = new QueryText("SELECT id, amount FROM t", SourceLocation.InFile("IPE_01.yaml")), Columns = [], Checks = [],
            FileName = "IPE_01.yaml", FileSha256 = new string('a', 64),
        };
        await using IItemEvidenceWriter writer = run.BeginItem(item, schema);
        using (MemoryStream input = new(Encoding.UTF8.GetBytes("\"id\",\"amount\"\n\"1\",\"10.00\"\n\"2\",\n\"3\",\"-0.50\"\n")))
        {
            await ResultReader.ReadAsync(input, schema, [writer.RowConsumer], [writer.RawConsumer], CancellationToken.None);
        }

        PackageInfo package = await writer.CompleteAsync(new ItemEvidence
        {
            Item = item,
            Query = new RenderedQuery("SELECT id, amount FROM t", [], []),
            Executions = [],
            Result = new ResultLocation("s3://bucket/result.csv", 40, "\"e\"", ResultLocation.ViaStorage),
            Checks = [],
            Status = ItemStatus.Pass,
            StartedAt = start,
            FinishedAt = start.AddSeconds(3),
        }, CancellationToken.None);
        return package.Path;
    }
}
