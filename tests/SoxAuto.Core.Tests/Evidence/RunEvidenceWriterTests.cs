using System.Text.Json;
using SoxAuto.Core.Evidence;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Evidence;

public sealed class RunEvidenceWriterTests
{
    [Fact]
    public void RunIds_HaveCutoffUtcStartAndRandomSuffix_AndSortByTime()
    {
        string early = RunIds.New(new DateOnly(2025, 9, 30), new DateTimeOffset(2026, 11, 22, 11, 15, 0, TimeSpan.FromHours(1)));
        string later = RunIds.New(new DateOnly(2025, 9, 30), new DateTimeOffset(2026, 11, 22, 10, 15, 1, TimeSpan.Zero));

        Assert.Matches(@"^2025-09-30_20261122T101500Z_[0-9a-f]{8}$", early);
        Assert.True(RunIds.IsValid(early));
        Assert.True(string.CompareOrdinal(early, later) < 0);
        Assert.False(RunIds.IsValid("../2025-09-30_20261122T101500Z_3f9a1c2e"));
    }

    [Fact]
    public void TwoRunsWithTheSameClockAndCutoff_GetDifferentFolders()
    {
        using TempDirectory temp = new();
        FixedTimeProvider clock = new(EvidenceSamples.Start);
        RunContext context = EvidenceSamples.Context(RunIds.New(EvidenceSamples.Cutoff, clock.GetUtcNow()));
        RunContext sameSecond = EvidenceSamples.Context(RunIds.New(EvidenceSamples.Cutoff, clock.GetUtcNow()));

        RunEvidenceWriter first = RunEvidenceWriter.Create(temp.Path, context);
        RunEvidenceWriter second = RunEvidenceWriter.Create(temp.Path, sameSecond);

        Assert.NotEqual(first.RunFolder, second.RunFolder);
        Assert.True(Directory.Exists(first.RunFolder) && Directory.Exists(second.RunFolder));
    }

    [Fact]
    public void AnExistingFolder_IsNeverReused_ANewIdIsDrawn()
    {
        using TempDirectory temp = new();
        Directory.CreateDirectory(temp.Combine(EvidenceSamples.RunId));
        File.WriteAllText(temp.Combine(EvidenceSamples.RunId, "earlier.txt"), "earlier run");

        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());

        Assert.NotEqual(EvidenceSamples.RunId, run.Context.RunId);
        Assert.StartsWith("2025-09-30_20261122T101500Z_", run.Context.RunId, StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(run.RunFolder), run.Context.RunId);
        Assert.Empty(Directory.GetFiles(run.RunFolder));
    }

    [Theory]
    [InlineData("../IPE_07")]
    [InlineData("IPE/07")]
    [InlineData("")]
    public void BeginItem_WithAnIdThatCannotNameAFile_IsRefused(string id)
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());

        Assert.Throws<ArgumentException>(() => run.BeginItem(EvidenceSamples.Item(id), EvidenceSamples.Schema));
    }

    [Fact]
    public async Task BeginItem_TwiceForOneItem_IsRefused()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        await using IItemEvidenceWriter first = run.BeginItem(EvidenceSamples.Item(), EvidenceSamples.Schema);

        Assert.Throws<ArgumentException>(() => run.BeginItem(EvidenceSamples.Item(), EvidenceSamples.Schema));
    }

    [Fact]
    public async Task CompleteRun_WritesRunJson_WithEveryItemSortedById()
    {
        using TempDirectory temp = new();
        (RunEvidenceWriter run, PackageInfo package) = await EvidenceSamples.WritePackageAsync(temp.Path, EvidenceSamples.Csv(7));
        ItemOutcome[] outcomes =
        [
            new("IPE_09", ItemStatus.Error, null, 0, 0, 0, 0, "Athena: access denied"),
            new("IPE_07", ItemStatus.Fail, package, 1, 1, 0, 0, null),
        ];

        string path = await run.CompleteRunAsync(outcomes, EvidenceSamples.Start.AddMinutes(2), CancellationToken.None);

        Assert.Equal(Path.Combine(run.RunFolder, "run.json"), path);
        JsonElement json = JsonDocument.Parse(await File.ReadAllBytesAsync(path)).RootElement;
        Assert.Equal(EvidenceSamples.RunId, json.GetProperty("run_id").GetString());
        Assert.Equal("2025-09-30", json.GetProperty("cutoff").GetString());
        Assert.Equal(new string('c', 64), json.GetProperty("catalog_sha256").GetString());
        Assert.Equal("0.1.0+test", json.GetProperty("tool_version").GetString());
        Assert.Equal("2026-11-22T10:15:00.000Z", json.GetProperty("started_at").GetString());
        Assert.Equal("2026-11-22T10:17:00.000Z", json.GetProperty("finished_at").GetString());
        Assert.Equal("ERROR", json.GetProperty("status").GetString());
        JsonElement[] items = [.. json.GetProperty("items").EnumerateArray()];
        Assert.Equal(["IPE_07", "IPE_09"], items.Select(i => i.GetProperty("item_id").GetString()));
        Assert.Equal("FAIL", items[0].GetProperty("status").GetString());
        Assert.Equal("IPE_07.zip", items[0].GetProperty("package").GetString());
        Assert.Equal(package.Sha256, items[0].GetProperty("package_sha256").GetString());
        Assert.Equal(7, items[0].GetProperty("rows").GetInt64());
        Assert.Equal(package.DatasetSha256, items[0].GetProperty("dataset_sha256").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("package").ValueKind);
        Assert.Equal("Athena: access denied", items[1].GetProperty("error").GetString());
        Assert.Equal(["IPE_07.zip", "run.json"], Directory.GetFiles(run.RunFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CompleteRun_Twice_NeverOverwritesRunJson()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        string path = await run.CompleteRunAsync([], EvidenceSamples.Start, CancellationToken.None);
        byte[] first = await File.ReadAllBytesAsync(path);

        await Assert.ThrowsAsync<IOException>(() => run.CompleteRunAsync([], EvidenceSamples.Start.AddHours(1), CancellationToken.None));

        Assert.Equal(first, await File.ReadAllBytesAsync(path));
        Assert.Equal(["run.json"], Directory.GetFiles(run.RunFolder).Select(Path.GetFileName));
    }

    [Fact]
    public void RemoveIfEmpty_RemovesTheFolderOfARunThatCompletedNothing()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());

        Assert.True(run.RemoveIfEmpty());

        Assert.False(Directory.Exists(run.RunFolder));
        Assert.True(Directory.Exists(temp.Path));
    }

    [Fact]
    public void RemoveIfEmpty_KeepsAFolderHoldingACompletedPackage_OrAnythingElse()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        string package = Path.Combine(run.RunFolder, "IPE_07.zip");
        File.WriteAllText(package, "a completed package");

        Assert.False(run.RemoveIfEmpty());

        Assert.Equal("a completed package", File.ReadAllText(package));
    }
}
