using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using SoxAuto.Cli;
using SoxAuto.Testing;

namespace SoxAuto.EndToEnd.Tests;

/// <summary>
/// What happens when Athena misbehaves, with faults injected into the emulator: throttling and 5xx are retried and
/// recorded, a retryable FAILED query is re-submitted, a non-retryable one is an ERROR (exit 3), managed results are
/// read through the API with the same data hash, and Ctrl+C stops running queries and leaves no partial package.
/// </summary>
public sealed class ReliabilityTests(FaultFixture local) : IClassFixture<FaultFixture>, IAsyncLifetime
{
    private static readonly string Catalog = RepositoryRoot.Combine("catalog");

    public Task InitializeAsync() => local.ResetAsync();

    public Task DisposeAsync() => local.ResetAsync();

    private async Task<(int ExitCode, JsonDocument Summary, string Error, string RunFolder)> ExtractAsync(TempDirectory output, params string[] extra)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        CliEnvironment environment = new(stdout, stderr, TimeProvider.System, local.Variable, IsTerminal: false);
        int exit = await SoxAutoCli.RunAsync(["extract", "--cutoff", "2025-09-30", "--catalog", Catalog, "--out", output.Path, "--json", .. extra], environment, CancellationToken.None);
        return (exit, JsonDocument.Parse(stdout.ToString()), stderr.ToString(), Directory.GetDirectories(output.Path).Single());
    }

    private static JsonDocument Entry(string package, string name)
    {
        using ZipArchive archive = ZipFile.OpenRead(package);
        using Stream stream = archive.GetEntry(name)!.Open();
        return JsonDocument.Parse(stream);
    }

    [Fact]
    public async Task ThrottlingAndServerErrors_AreRetried_TheRunSucceeds_AndRetriesAreRecorded()
    {
        await local.SetFaultsAsync(new
        {
            throttleRate = 0.3,
            seed = 7,
            tooManyRequests = 2,
            internalErrors = new Dictionary<string, int> { ["GetQueryExecution"] = 2, ["GetQueryResults"] = 1 },
        });
        using TempDirectory output = new();

        (int exit, JsonDocument summary, string stderr, string runFolder) = await ExtractAsync(output, "--ipe", "CR_05");

        Assert.True(exit == ExitCodes.Ok, $"exit {exit}: {stderr}");
        using JsonDocument log = Entry(Path.Combine(runFolder, "CR_05.zip"), "07_execution_log.json");
        int retries = log.RootElement.GetProperty("executions").EnumerateArray().Sum(e => e.GetProperty("retries").GetInt32());
        Assert.True(retries >= 3, $"expected the retries to be recorded, found {retries}");
        summary.Dispose();
    }

    [Fact]
    public async Task ARetryableFailedQuery_IsReSubmitted_AndTheEarlierExecutionIsRecorded()
    {
        await local.SetFaultsAsync(new { failQueries = new { count = 1, errorCategory = 1, errorType = 100, retryable = true, message = "GENERIC_INTERNAL_ERROR: injected" } });
        using TempDirectory output = new();

        (int exit, JsonDocument summary, _, string runFolder) = await ExtractAsync(output, "--ipe", "IPE_09");

        Assert.Equal(ExitCodes.ControlsFailed, exit); // IPE_09 FAILs by design (a NULL customer id), and nothing else went wrong
        using JsonDocument log = Entry(Path.Combine(runFolder, "IPE_09.zip"), "07_execution_log.json");
        Assert.Contains(log.RootElement.GetProperty("executions").EnumerateArray(), e => e.GetProperty("superseded_execution_ids").GetArrayLength() == 1);
        summary.Dispose();
    }

    [Fact]
    public async Task ANonRetryableFailedQuery_IsNeverReRun_AndMakesTheRunExit3()
    {
        await local.SetFaultsAsync(new { failQueries = new { count = 1, errorCategory = 2, errorType = 1006, retryable = false, message = "SYNTAX_ERROR: injected" } });
        using TempDirectory output = new();

        (int exit, JsonDocument summary, _, string runFolder) = await ExtractAsync(output, "--ipe", "IPE_09");

        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, exit);
        JsonElement item = summary.RootElement.GetProperty("items")[0];
        Assert.Equal("ERROR", item.GetProperty("status").GetString());
        using JsonDocument state = await local.StateAsync();
        Assert.Equal(2, state.RootElement.GetProperty("counters").GetProperty("StartQueryExecution").GetInt32()); // main + one source query, none re-run
        string runJson = File.ReadAllText(Path.Combine(runFolder, "run.json"));
        Assert.Contains("ERROR", runJson, StringComparison.Ordinal);
        summary.Dispose();
    }

    [Fact]
    public async Task ManagedQueryResults_AreReadThroughTheApi_AndHashLikeTheS3File()
    {
        using TempDirectory viaS3 = new();
        using TempDirectory viaApi = new();

        (_, JsonDocument s3Summary, _, _) = await ExtractAsync(viaS3, "--ipe", "IPE_07");
        (int exit, JsonDocument apiSummary, string stderr, string runFolder) = await ExtractAsync(viaApi, "--ipe", "IPE_07", "--workgroup", FaultFixture.ManagedWorkgroup);

        Assert.True(exit == ExitCodes.Ok, stderr);
        Assert.Equal(s3Summary.RootElement.GetProperty("items")[0].GetProperty("dataset_sha256").GetString(),
            apiSummary.RootElement.GetProperty("items")[0].GetProperty("dataset_sha256").GetString());
        using JsonDocument log = Entry(Path.Combine(runFolder, "IPE_07.zip"), "07_execution_log.json");
        Assert.Equal("GetQueryResults", log.RootElement.GetProperty("result").GetProperty("read_via").GetString());
        s3Summary.Dispose();
        apiSummary.Dispose();
    }

    [Theory]
    [InlineData("-INT")] // Ctrl+C
    [InlineData("-TERM")] // a scheduler or container stopping the job
    public async Task CtrlC_StopsEveryRunningQuery_LeavesNoPartialPackage_AndExits130(string signal)
    {
        await local.SetFaultsAsync(new { queryDelayMs = 60_000 });
        using TempDirectory output = new();
        string cli = Path.Combine(AppContext.BaseDirectory, "soxauto.dll");
        Dictionary<string, string> variables = local.Aws.Environment.ToDictionary(p => p.Key, p => p.Value);
        variables["HOME"] = output.Path; // no stray AWS config of the machine
        using ExternalProcess soxauto = ExternalProcess.Start("dotnet", [cli, "extract", "--cutoff", "2025-09-30", "--catalog", Catalog, "--out", output.Path, "--ipe", "IPE_07", "--ipe", "CR_05"],
            "the .NET SDK is expected on this machine", variables);

        int running = await WaitForRunningQueriesAsync(minimum: 3);
        using (Process kill = Process.Start("kill", [signal, soxauto.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.True(soxauto.WaitForExit(TimeSpan.FromSeconds(60), out int exit), $"soxauto did not stop within 60 s of kill {signal}");
        Assert.True(exit == ExitCodes.Cancelled, $"exit {exit}\n{soxauto.Log}");
        using JsonDocument state = await local.StateAsync();
        Assert.True(state.RootElement.GetProperty("stopQueryExecutionCalls").GetInt32() >= running, state.RootElement.ToString());
        Assert.DoesNotContain(state.RootElement.GetProperty("executions").EnumerateArray(), e => e.GetProperty("state").GetString() is "RUNNING" or "QUEUED");
        Assert.Empty(Directory.GetFiles(output.Path, "*.zip", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(output.Path, "*.tmp*", SearchOption.AllDirectories));
    }

    private async Task<int> WaitForRunningQueriesAsync(int minimum)
    {
        for (int attempt = 0; attempt < 600; attempt++)
        {
            using JsonDocument state = await local.StateAsync();
            int running = state.RootElement.GetProperty("executions").EnumerateArray().Count(e => e.GetProperty("state").GetString() is "RUNNING" or "QUEUED");
            if (running >= minimum)
            {
                return running;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the queries never started");
    }
}
