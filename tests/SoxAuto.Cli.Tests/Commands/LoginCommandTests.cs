using SoxAuto.Cli.Tests.TestSupport;
using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests.Commands;

/// <summary><c>soxauto login</c> in-process against the fake IAM Identity Center, with a throw-away HOME and AWS config.</summary>
[Collection(SerialEnvironment.Name)]
public sealed class LoginCommandTests : IDisposable
{
    private readonly SsoHome _home = new();

    private FakeSsoServer Server => _home.Server;

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Login_ShowsUrlAndCodeOnTheirOwnLines_CachesTheToken_AndChecksTheRole()
    {
        Server.Script(FakeSsoReply.Pending);

        CliRun run = await LoginAsync("--profile", "new", "--no-browser");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"\n    {Server.VerificationUri}\n", run.Error, StringComparison.Ordinal);
        Assert.Contains($"\n    {Server.UserCode}\n", run.Error, StringComparison.Ordinal);
        Assert.Contains(Server.VerificationUriComplete, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("browser window was opened", run.Error, StringComparison.Ordinal);
        Assert.Contains("Signed in for profile 'new'", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Role '{SsoHome.RoleName}' in account {SsoHome.AccountId} is available", run.Output, StringComparison.Ordinal);
        string cache = _home.CacheFileFor(SsoHome.SessionName);
        Assert.True(File.Exists(cache));
        Assert.Equal(1, Server.Count("/federation/credentials"));
    }

    [Fact]
    public async Task Login_NeverPrintsATokenSecretOrKey()
    {
        Server.Script(FakeSsoReply.Pending);
        CliRun first = await LoginAsync("--profile", "new", "--no-browser");
        CliRun refreshed = await LoginAsync("--profile", "new", "--no-browser");
        File.Delete(_home.CacheFileFor(SsoHome.SessionName));
        Server.Script(FakeSsoReply.Expired);
        CliRun failed = await LoginAsync("--profile", "new", "--no-browser");

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(ExitCodes.Ok, refreshed.ExitCode);
        Assert.Contains("refresh token", refreshed.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, failed.ExitCode);
        string everything = string.Join('\n', first.Output, first.Error, refreshed.Output, refreshed.Error, failed.Output, failed.Error);
        Assert.True(Server.Secrets.Count >= 9, "the flow issued tokens whose absence is checked");
        foreach (string secret in Server.Secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Login_WhenTheCodeExpires_SaysSoInOneLineAndExits3()
    {
        Server.Script(FakeSsoReply.Expired);

        CliRun run = await LoginAsync("--profile", "new", "--no-browser");

        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, run.ExitCode);
        string last = run.Error.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("soxauto: the sign-in code expired", last, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_home.CacheFileFor(SsoHome.SessionName)));
    }

    [Fact]
    public async Task Login_WhenIdentityCenterCannotBeReached_SaysSoAndExits3()
    {
        Dictionary<string, string> variables = Variables();
        variables["AWS_ENDPOINT_URL_SSO_OIDC"] = $"http://127.0.0.1:{FreePort.Next()}";

        CliRun run = await CliRun.RunAsync(["login", "--profile", "new", "--no-browser"], variables, DateTimeOffset.UtcNow);

        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, run.ExitCode);
        Assert.Matches(@"^soxauto: IAM Identity Center in us-east-1 could not be reached \(\w+\); check the network or proxy\n$", run.Error);
    }

    [Fact]
    public async Task Login_WhenTheOidcEndpointVariableIsNotAUrl_Exits2LikeTheOtherCommands()
    {
        Dictionary<string, string> variables = Variables();
        variables["AWS_ENDPOINT_URL_SSO_OIDC"] = "notaurl";

        CliRun run = await CliRun.RunAsync(["login", "--profile", "new", "--no-browser"], variables, DateTimeOffset.UtcNow);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal("soxauto: AWS_ENDPOINT_URL_SSO_OIDC='notaurl' is not an http:// or https:// URL; fix or unset it\n", run.Error);
        Assert.Empty(Server.Requests);
    }

    [Theory]
    [InlineData("static", "is not an IAM Identity Center (SSO) profile")]
    [InlineData("no-such-profile", "was not found")]
    public async Task Login_WithAProfileThatCannotSignIn_Exits2WithOneLine(string profile, string expected)
    {
        CliRun run = await LoginAsync("--profile", profile);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Login_WhenCancelledWhileWaiting_Exits130AndCachesNothing()
    {
        Server.Script(Enumerable.Repeat(FakeSsoReply.Pending, 1000).ToArray());
        using CancellationTokenSource cancel = new();
        cancel.CancelAfter(TimeSpan.FromMilliseconds(1500));

        CliRun run = await LoginAsync(["--profile", "new", "--no-browser"], cancel.Token);

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains(Server.UserCode, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_home.CacheFileFor(SsoHome.SessionName)));
    }

    [Fact]
    public async Task TestAccess_WithAnSsoProfileNotSignedIn_SaysRunSoxautoLogin_AndExits3()
    {
        using TestCatalog catalog = new();

        CliRun run = await CliRun.RunAsync(["test-access", "--catalog", catalog.Path, "--profile", "new"], Variables(), DateTimeOffset.UtcNow);

        Assert.Equal(ExitCodes.AccessOrRuntimeFailure, run.ExitCode);
        Assert.Matches(@"(?m)^credentials\s+FAIL\s+no IAM Identity Center sign-in was found for AWS profile 'new'; run 'soxauto login --profile new'$", run.Output);
        Assert.Matches(@"(?m)^\s+fix: run 'soxauto login --profile new'$", run.Output);
        Assert.Matches(@"(?m)^identity\s+SKIPPED\s+not run: credentials failed$", run.Output);
        Assert.Empty(Server.Requests);
    }

    private Task<CliRun> LoginAsync(params string[] args) => LoginAsync(args, CancellationToken.None);

    private Task<CliRun> LoginAsync(string[] args, CancellationToken cancellationToken) =>
        CliRun.RunAsync(["login", .. args], Variables(), DateTimeOffset.UtcNow, cancellationToken);

    private Dictionary<string, string> Variables() => new(Server.Environment)
    {
        ["HOME"] = _home.Home,
        ["AWS_CONFIG_FILE"] = _home.ConfigFile,
    };
}
