using SoxAuto.Cli.Tests.TestSupport;
using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests.Commands;

/// <summary>
/// The whole chain with an IAM Identity Center profile: a token cached as <c>aws sso login</c> writes it, role
/// credentials from the fake portal, then STS, Athena and S3 on moto — and not one secret in the output.
/// </summary>
[Collection(SerialEnvironment.Name)]
public sealed class SignedInTestAccessTests : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoServer _moto;
    private readonly SsoHome _home = new();
    private readonly TestCatalog _catalog = new();

    public SignedInTestAccessTests(MotoServer moto)
    {
        _moto = moto;
    }

    public void Dispose()
    {
        _catalog.Dispose();
        _home.Dispose();
    }

    [Fact]
    public async Task WithASignInTheAwsCliCached_EveryProbePasses_AndNoSecretIsPrinted()
    {
        await _moto.ResetAsync();
        using MotoSeed seed = new(_moto);
        await seed.WorkGroupAsync(TestCatalog.Workgroup);
        await seed.DatabaseAsync(TestCatalog.FinanceDatabase);
        await seed.DatabaseAsync(TestCatalog.SalesDatabase);
        await seed.BucketAsync(TestCatalog.Bucket);
        string token = "cli-access-token-" + Guid.NewGuid().ToString("N");
        _home.WriteCliToken(SsoHome.SessionName, SsoHome.StartUrl, token, DateTimeOffset.UtcNow.AddHours(8));
        _home.Server.ValidAccessToken = token;

        CliRun run = await CliRun.RunAsync(["test-access", "--catalog", _catalog.Path, "--profile", "new", "--endpoint-url", _moto.Endpoint.ToString()],
            new Dictionary<string, string>(_home.Server.Environment), DateTimeOffset.UtcNow);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"(?m)^credentials\s+PASS\s+profile 'new' \(--profile\): IAM Identity Center \(sso-session 'my-sso', account 111122223333, role SoxReadOnly\); valid until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; region us-east-1$", run.Output);
        Assert.Matches(@"(?m)^identity\s+PASS", run.Output);
        Assert.Matches(@"(?m)^output-location\s+PASS", run.Output);
        foreach (string secret in _home.Server.Secrets.Append(token))
        {
            Assert.DoesNotContain(secret, run.Output + run.Error, StringComparison.Ordinal);
        }
    }
}
