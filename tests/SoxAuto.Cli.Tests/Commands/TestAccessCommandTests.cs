using System.Text.Json;
using SoxAuto.Cli.Tests.TestSupport;
using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests.Commands;

/// <summary>test-access in-process against a real moto_server (S3, STS, Athena's API).</summary>
public sealed class TestAccessCommandTests : IClassFixture<MotoServer>, IAsyncLifetime, IDisposable
{
    private readonly MotoServer _moto;
    private readonly MotoSeed _seed;
    private readonly TestCatalog _catalog = new();

    public TestAccessCommandTests(MotoServer moto)
    {
        _moto = moto;
        _seed = new MotoSeed(moto);
    }

    public async Task InitializeAsync()
    {
        await _moto.ResetAsync();
        await _seed.WorkGroupAsync(TestCatalog.Workgroup);
        await _seed.DatabaseAsync(TestCatalog.FinanceDatabase);
        await _seed.DatabaseAsync(TestCatalog.SalesDatabase);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _seed.Dispose();
        _catalog.Dispose();
    }

    [Fact]
    public async Task HealthySetup_EveryProbePasses_IncludingSelect1_Exit0()
    {
        await _seed.BucketAsync(TestCatalog.Bucket);
        await _seed.NextQueryReturnsAsync("_col0", "1");

        CliRun run = await RunAsync("--query");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (string probe in new[] { "credentials", "identity", "workgroup", "databases", "output-location", "query" })
        {
            Assert.Matches($@"(?m)^{probe}\s+PASS\s+\S", run.Output);
        }

        Assert.Contains($"account {MotoServer.AccountId}", run.Output, StringComparison.Ordinal);
        Assert.Contains("finance_db (catalog name 'finance'), sales", run.Output, StringComparison.Ordinal);
        Assert.Contains("Access OK", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("testing", run.Output.Replace("soxauto", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await ListAsync(TestCatalog.Bucket, "athena/soxauto-access-probe-"));
    }

    [Fact]
    public async Task HealthySetup_Json_HasOneEntryPerProbeAndOk()
    {
        await _seed.BucketAsync(TestCatalog.Bucket);

        CliRun run = await RunAsync("--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        JsonElement[] probes = [.. json.RootElement.GetProperty("probes").EnumerateArray()];
        Assert.Equal(["credentials", "identity", "workgroup", "databases", "output-location", "query"], probes.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["pass", "pass", "pass", "pass", "pass", "skipped"], probes.Select(p => p.GetProperty("status").GetString()));
        Assert.All(probes, p => Assert.True(p.TryGetProperty("detail", out _) && p.TryGetProperty("fix", out _)));
    }

    [Fact]
    public async Task MissingBucket_FailsAtTheOutputLocation_NamingTheBucketAndPrefix_Exit3()
    {
        CliRun run = await RunAsync("--query");

        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, run.ExitCode);
        Assert.Matches(@"(?m)^databases\s+PASS", run.Output);
        Assert.Matches(@"(?m)^output-location\s+FAIL\s+bucket 'soxauto-results', prefix 'athena/' \(from settings.yaml\): the bucket does not exist", run.Output);
        Assert.Matches(@"(?m)^query\s+SKIPPED\s+not run: output-location failed", run.Output);
    }

    [Fact]
    public async Task MissingDatabase_FailsAtDatabases_NamingIt()
    {
        await _seed.BucketAsync(TestCatalog.Bucket);

        CliRun run = await RunAsync(variables: new Dictionary<string, string> { ["SOXAUTO_DATABASE_FINANCE"] = "finance_prod" });

        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, run.ExitCode);
        Assert.Matches(@"(?m)^databases\s+FAIL\s+missing from AwsDataCatalog: finance_prod \(catalog name 'finance'\)$", run.Output);
        Assert.Matches(@"(?m)^output-location\s+PASS", run.Output);
    }

    [Fact]
    public async Task UnknownWorkgroup_FailsAtWorkgroup_AndWhatNeedsItIsSkipped()
    {
        CliRun run = await RunAsync("--workgroup", "nope");

        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, run.ExitCode);
        Assert.Matches(@"(?m)^workgroup\s+FAIL\s+Athena workgroup 'nope' \(from --workgroup\) does not exist in us-east-1", run.Output);
        Assert.Matches(@"(?m)^databases\s+SKIPPED\s+not run: workgroup failed", run.Output);
        Assert.Matches(@"(?m)^output-location\s+SKIPPED\s+not run: workgroup failed", run.Output);
    }

    [Fact]
    public async Task UnknownProfile_IsAConfigurationMistake_Exit2LikeExtractAndLogin_WithoutAProbeReport()
    {
        CliRun run = await RunAsync("--profile", "soxauto-test-no-such-profile");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("soxauto: AWS profile 'soxauto-test-no-such-profile' (from --profile) was not found in the AWS config or credentials file; "
            + "check the name, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE\n", run.Error);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_ATHENA")]
    [InlineData("AWS_ENDPOINT_URL_SSO_OIDC")]
    public async Task MalformedEndpointVariable_Exits2LikeTheFlag(string variable)
    {
        CliRun run = await RunAsync(variables: new Dictionary<string, string> { [variable] = "notaurl" });

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal($"soxauto: {variable}='notaurl' is not an http:// or https:// URL; fix or unset it\n", run.Error);
    }

    [Fact]
    public async Task StaleAwsProfile_IsNotLookedUp_WhenEnvironmentKeysWin()
    {
        await _seed.BucketAsync(TestCatalog.Bucket);

        CliRun run = await RunAsync(variables: new Dictionary<string, string> { ["AWS_PROFILE"] = "soxauto-test-stale-profile" });

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"(?m)^credentials\s+PASS\s+environment \(AWS_ACCESS_KEY_ID\)", run.Output);
    }

    [Fact]
    public async Task UnreachableSts_FailsAtIdentity_AndLaterProbesAreSkipped()
    {
        CliRun run = await RunAsync(variables: new Dictionary<string, string> { ["AWS_ENDPOINT_URL_STS"] = $"http://127.0.0.1:{FreePort.Next()}" });

        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, run.ExitCode);
        Assert.Matches(@"(?m)^credentials\s+PASS", run.Output);
        Assert.Matches(@"(?m)^identity\s+FAIL\s+STS could not be reached", run.Output);
        Assert.Matches(@"(?m)^workgroup\s+SKIPPED\s+not run: identity failed", run.Output);
    }

    [Fact]
    public async Task CatalogWithErrors_IsReportedAndExits2_WithoutCallingAws()
    {
        File.WriteAllText(Path.Combine(_catalog.Path, "IPE_01.yaml"), "id: [not, an, id]\n");

        CliRun run = await RunAsync();

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("fix the catalog first", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    private Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    private Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        Dictionary<string, string> environment = new(_moto.Environment);
        foreach ((string name, string value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return CliRun.RunAsync(["test-access", "--catalog", _catalog.Path, .. args], environment);
    }

    private async Task<string[]> ListAsync(string bucket, string prefix)
    {
        string xml = await _moto.Http.GetStringAsync(new Uri($"{bucket}?list-type=2&prefix={Uri.EscapeDataString(prefix)}", UriKind.Relative));
        return System.Xml.Linq.XDocument.Parse(xml).Descendants().Where(e => e.Name.LocalName == "Key").Select(e => e.Value).ToArray();
    }
}
