using System.IO.Compression;
using System.Text.Json;
using SoxAuto.Cli;
using SoxAuto.Testing;

namespace SoxAuto.EndToEnd.Tests;

/// <summary>
/// The real <c>soxauto extract</c> over the demo lake on local AWS: the designed PASS/FAIL pattern check by check,
/// packages that both verifiers accept, and the same data hashes on a second run.
/// </summary>
public sealed class ExtractEndToEndTests(LocalAwsFixture local) : IClassFixture<LocalAwsFixture>
{
    private static readonly string Catalog = RepositoryRoot.Combine("catalog");

    private async Task<(int ExitCode, string Output, string Error, string RunFolder)> ExtractAsync(TempDirectory output, params string[] extra)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        CliEnvironment environment = new(stdout, stderr, TimeProvider.System, local.Variable, IsTerminal: false);
        int exit = await SoxAutoCli.RunAsync(["extract", "--cutoff", "2025-09-30", "--catalog", Catalog, "--out", output.Path, "--json", .. extra], environment, CancellationToken.None);
        string runFolder = Directory.GetDirectories(output.Path).Single();
        return (exit, stdout.ToString(), stderr.ToString(), runFolder);
    }

    [Fact]
    public async Task Extract_GivesTheDesignedOutcome_CheckByCheck_AndExit1ForThePlantedFailures()
    {
        using TempDirectory output = new();

        (int exit, string stdout, string stderr, string runFolder) = await ExtractAsync(output);

        Assert.True(exit == ExitCodes.ControlsFailed, $"exit {exit}\n{stderr}");
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("scripts", "demo-lake", "expected-outcome.json")));
        using JsonDocument summary = JsonDocument.Parse(stdout);
        foreach (JsonProperty item in expected.RootElement.GetProperty("items").EnumerateObject())
        {
            JsonElement actual = summary.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == item.Name);
            Assert.Equal(item.Value.GetProperty("status").GetString(), actual.GetProperty("status").GetString());
            Dictionary<string, string> checks = ReadCheckStatuses(Path.Combine(runFolder, item.Name + ".zip"));
            Dictionary<string, string> designed = item.Value.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!);
            Assert.Equal(designed.OrderBy(p => p.Key, StringComparer.Ordinal), checks.OrderBy(p => p.Key, StringComparer.Ordinal));
        }

        Assert.True(File.Exists(Path.Combine(runFolder, "run.json")));
        Assert.Empty(Directory.GetFiles(runFolder, "*.tmp*"));
    }

    [Fact]
    public async Task Packages_AreAcceptedBySoxautoVerify_AndByTheIndependentPythonChecker()
    {
        using TempDirectory output = new();
        (_, _, _, string runFolder) = await ExtractAsync(output, "--ipe", "IPE_07", "--ipe", "CR_04");
        string[] packages = Directory.GetFiles(runFolder, "*.zip").Order(StringComparer.Ordinal).ToArray();

        using StringWriter stdout = new();
        int verify = await SoxAutoCli.RunAsync(["verify", .. packages], new CliEnvironment(stdout, TextWriter.Null, TimeProvider.System, _ => null, false), CancellationToken.None);
        using ExternalProcess python = ExternalProcess.Start("python3", [RepositoryRoot.Combine("scripts", "cdh1.py"), .. packages], "Python 3 is expected on this machine image");
        Assert.True(python.WaitForExit(TimeSpan.FromSeconds(120), out int pythonExit));

        Assert.Equal(2, packages.Length);
        Assert.True(verify == ExitCodes.Ok, stdout.ToString());
        Assert.True(pythonExit == 0, python.Log);
    }

    [Fact]
    public async Task TwoRunsOverTheSameLake_GiveTheSameDataHashes_InDifferentRunFolders()
    {
        using TempDirectory first = new();
        using TempDirectory second = new();

        (_, string one, _, string folderOne) = await ExtractAsync(first, "--ipe", "IPE_09", "--ipe", "CR_05");
        (_, string two, _, string folderTwo) = await ExtractAsync(second, "--ipe", "IPE_09", "--ipe", "CR_05");

        Assert.NotEqual(Path.GetFileName(folderOne), Path.GetFileName(folderTwo));
        Assert.Equal(DatasetHashes(one), DatasetHashes(two));
        Assert.All(DatasetHashes(one).Values, hash => Assert.Matches("^[0-9a-f]{64}$", hash));
    }

    [Fact]
    public async Task AnUnknownItem_Exits2_BeforeAnythingIsWritten()
    {
        using TempDirectory output = new();
        using StringWriter stderr = new();

        int exit = await SoxAutoCli.RunAsync(["extract", "--cutoff", "2025-09-30", "--catalog", Catalog, "--out", output.Path, "--ipe", "IPE_99"],
            new CliEnvironment(TextWriter.Null, stderr, TimeProvider.System, local.Variable, false), CancellationToken.None);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("IPE_99", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output.Path));
    }

    private static Dictionary<string, string> DatasetHashes(string summaryJson)
    {
        using JsonDocument summary = JsonDocument.Parse(summaryJson);
        return summary.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("dataset_sha256").GetString()!);
    }

    private static Dictionary<string, string> ReadCheckStatuses(string package)
    {
        using ZipArchive archive = ZipFile.OpenRead(package);
        using Stream entry = archive.GetEntry("06_validation_results.json")!.Open();
        using JsonDocument results = JsonDocument.Parse(entry);
        return results.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("status").GetString()!);
    }
}
