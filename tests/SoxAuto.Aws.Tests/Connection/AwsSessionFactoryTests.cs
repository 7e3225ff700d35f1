using Amazon.Runtime;
using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Sso;
using SoxAuto.Testing;

namespace SoxAuto.Aws.Tests.Connection;

[Collection(SerialEnvironment.Name)]
public sealed class AwsSessionFactoryTests : IDisposable
{
    private readonly SsoHome _home = new();

    private FakeSsoServer Server => _home.Server;

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task SsoProfile_UsesATokenThatAwsSsoLoginCached_WithoutANewSignIn()
    {
        string token = "cli-access-token-" + Guid.NewGuid().ToString("N");
        _home.WriteCliToken(SsoHome.SessionName, SsoHome.StartUrl, token, DateTimeOffset.UtcNow.AddHours(8));
        Server.ValidAccessToken = token;

        AwsSession session = Create(new AwsOptions(Profile: "new"));
        ImmutableCredentials credentials = await session.Credentials.GetCredentialsAsync();

        Assert.IsType<SsoProfileCredentials>(session.Credentials);
        Assert.Equal(Server.RoleAccessKeyId, credentials.AccessKey);
        Assert.Equal("us-east-1", session.Region.SystemName);
        Assert.Contains("profile 'new' (--profile): IAM Identity Center (sso-session 'my-sso'", session.CredentialSource, StringComparison.Ordinal);
        FakeSsoRequest fetch = Assert.Single(Server.Requests);
        Assert.Equal("/federation/credentials", fetch.Path);
        Assert.Equal(token, fetch.BearerToken);
    }

    [Fact]
    public async Task LegacySsoProfile_UsesTheTokenCachedUnderItsStartUrl()
    {
        string token = "cli-access-token-" + Guid.NewGuid().ToString("N");
        _home.WriteCliToken(SsoHome.LegacyStartUrl, SsoHome.LegacyStartUrl, token, DateTimeOffset.UtcNow.AddHours(8));
        Server.ValidAccessToken = token;

        AwsSession session = Create(new AwsOptions(Profile: "legacy"));
        ImmutableCredentials credentials = await session.Credentials.GetCredentialsAsync();

        Assert.Equal(Server.RoleAccessKeyId, credentials.AccessKey);
        Assert.Contains("legacy sso_start_url", session.CredentialSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SsoProfile_WithoutAnySignIn_AsksForSoxautoLoginInOneLine()
    {
        AwsSession session = Create(new AwsOptions(Profile: "new"));

        SsoLoginRequiredException error = await Assert.ThrowsAsync<SsoLoginRequiredException>(() => session.Credentials.GetCredentialsAsync());

        Assert.False(error.Expired);
        Assert.Contains("run 'soxauto login --profile new'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task SsoProfile_WithoutAnySignIn_ReachesSdkClientCallersAsTheSameTypedException()
    {
        AwsSession session = Create(new AwsOptions(Profile: "new", EndpointUrl: new Uri($"http://127.0.0.1:{FreePort.Next()}")));
        using Amazon.SecurityToken.IAmazonSecurityTokenService sts = StsClientFactory.Create(session);

        SsoLoginRequiredException error = await Assert.ThrowsAsync<SsoLoginRequiredException>(
            () => sts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest()));

        Assert.Equal("new", error.ProfileName);
    }

    [Fact]
    public async Task SsoProfile_WithAnExpiredTokenAndNoRefreshToken_AsksForSoxautoLogin()
    {
        _home.WriteCliToken(SsoHome.SessionName, SsoHome.StartUrl, "stale-token", DateTimeOffset.UtcNow.AddMinutes(-5));

        AwsSession session = Create(new AwsOptions(Profile: "new"));
        SsoLoginRequiredException error = await Assert.ThrowsAsync<SsoLoginRequiredException>(() => session.Credentials.GetCredentialsAsync());

        Assert.True(error.Expired);
        Assert.Equal("the IAM Identity Center sign-in for AWS profile 'new' has expired; run 'soxauto login --profile new'", error.Message);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(10)]
    public async Task SsoProfile_WithATokenExpiringWithinFifteenMinutes_IsRefreshedAndRewrittenAtomicallyInTheCliFormat(int minutesLeft)
    {
        _home.WriteCliToken(SsoHome.SessionName, SsoHome.StartUrl, "stale-token", DateTimeOffset.UtcNow.AddMinutes(minutesLeft),
            Server.ClientId, Server.ClientSecret, Server.RefreshTokenNumber(0), DateTimeOffset.UtcNow.AddDays(30));

        AwsSession session = Create(new AwsOptions(Profile: "new"));
        ImmutableCredentials credentials = await session.Credentials.GetCredentialsAsync();

        Assert.Equal(Server.RoleAccessKeyId, credentials.AccessKey);
        Assert.Equal(1, Server.Count("/token", "refresh_token"));
        Assert.Equal(0, Server.Count("/device_authorization"));
        string path = _home.CacheFileFor(SsoHome.SessionName);
        string json = File.ReadAllText(path);
        Assert.Contains($"\"accessToken\":\"{Server.AccessTokenNumber(1)}\"", json, StringComparison.Ordinal);
        Assert.Matches("\"expiresAt\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\"", json);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task ConcurrentRequests_InTheRefreshWindow_RefreshTheTokenOnce()
    {
        // Every signed request asks for credentials; parallel S3 ranges and Athena polls must not all spend the
        // refresh token (IAM Identity Center rotates it: all but one would fail).
        _home.WriteCliToken(SsoHome.SessionName, SsoHome.StartUrl, "stale-token", DateTimeOffset.UtcNow.AddMinutes(5),
            Server.ClientId, Server.ClientSecret, Server.RefreshTokenNumber(0), DateTimeOffset.UtcNow.AddDays(30));
        AwsSession session = Create(new AwsOptions(Profile: "new"));

        ImmutableCredentials[] all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => session.Credentials.GetCredentialsAsync())));

        Assert.All(all, c => Assert.Equal(Server.RoleAccessKeyId, c.AccessKey));
        Assert.Equal(1, Server.Count("/token", "refresh_token"));
    }

    [Fact]
    public async Task SsoProfile_WithATokenGoodForMoreThanFifteenMinutes_IsUsedAsItIs()
    {
        string token = "cli-access-token-" + Guid.NewGuid().ToString("N");
        _home.WriteCliToken(SsoHome.SessionName, SsoHome.StartUrl, token, DateTimeOffset.UtcNow.AddMinutes(20),
            Server.ClientId, Server.ClientSecret, Server.RefreshTokenNumber(0), DateTimeOffset.UtcNow.AddDays(30));
        Server.ValidAccessToken = token;

        await Create(new AwsOptions(Profile: "new")).Credentials.GetCredentialsAsync();

        Assert.Equal(0, Server.Count("/token"));
    }

    [Fact]
    public async Task SsoProfile_WhenTheRefreshIsRefused_AsksForSoxautoLogin()
    {
        _home.WriteCliToken(SsoHome.SessionName, SsoHome.StartUrl, "stale-token", DateTimeOffset.UtcNow.AddMinutes(-5),
            Server.ClientId, Server.ClientSecret, Server.RefreshTokenNumber(0), DateTimeOffset.UtcNow.AddDays(30));
        Server.AcceptRefreshTokens = false;

        AwsSession session = Create(new AwsOptions(Profile: "new"));
        SsoLoginRequiredException error = await Assert.ThrowsAsync<SsoLoginRequiredException>(() => session.Credentials.GetCredentialsAsync());

        Assert.Contains("run 'soxauto login --profile new'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SsoProfile_WhenThePortalRejectsTheToken_AsksForSoxautoLogin()
    {
        _home.WriteCliToken(SsoHome.SessionName, SsoHome.StartUrl, "revoked-token", DateTimeOffset.UtcNow.AddHours(8));

        AwsSession session = Create(new AwsOptions(Profile: "new"));
        SsoLoginRequiredException error = await Assert.ThrowsAsync<SsoLoginRequiredException>(() => session.Credentials.GetCredentialsAsync());

        Assert.Contains("run 'soxauto login --profile new'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultSsoProfile_WithoutASignIn_AsksForSoxautoLoginForDefault()
    {
        _home.AppendConfig($"""

            [default]
            sso_session = {SsoHome.SessionName}
            sso_account_id = {SsoHome.AccountId}
            sso_role_name = {SsoHome.RoleName}
            region = eu-west-1

            """);

        SsoLoginRequiredException error = Assert.Throws<SsoLoginRequiredException>(() => Create(AwsOptions.None));

        Assert.Equal("default", error.ProfileName);
    }

    [Fact]
    public void Order_FlagProfileBeatsEnvironmentKeys_WhichBeatAwsProfile()
    {
        Dictionary<string, string> environment = new()
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAENVIRONMENT",
            ["AWS_SECRET_ACCESS_KEY"] = "environment-secret",
            ["AWS_PROFILE"] = "static",
            ["AWS_REGION"] = "eu-central-1",
        };

        AwsSession flag = Create(new AwsOptions(Profile: "static"), environment);
        AwsSession keys = Create(AwsOptions.None, environment);
        environment.Remove("AWS_ACCESS_KEY_ID");
        AwsSession awsProfile = Create(AwsOptions.None, environment);

        Assert.StartsWith("profile 'static' (--profile)", flag.CredentialSource, StringComparison.Ordinal);
        Assert.StartsWith("environment (AWS_ACCESS_KEY_ID)", keys.CredentialSource, StringComparison.Ordinal);
        Assert.StartsWith("profile 'static' (AWS_PROFILE)", awsProfile.CredentialSource, StringComparison.Ordinal);
        Assert.Equal("AKIASTATICEXAMPLE", awsProfile.Credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void Region_FlagBeatsResolvedBeatsProfile()
    {
        Assert.Equal("ap-south-1", Create(new AwsOptions(Profile: "static", Region: "ap-south-1"), resolvedRegion: "eu-west-2").Region.SystemName);
        Assert.Equal("eu-west-2", Create(new AwsOptions(Profile: "static"), resolvedRegion: "eu-west-2").Region.SystemName);
        Assert.Equal("us-east-1", Create(new AwsOptions(Profile: "static")).Region.SystemName);
    }

    [Fact]
    public void UnknownProfile_IsAConfigurationErrorNamingItAndWhereItCameFrom()
    {
        InvalidAwsConfigurationException flag = Assert.Throws<InvalidAwsConfigurationException>(() => Create(new AwsOptions(Profile: "nope")));
        InvalidAwsConfigurationException variable = Assert.Throws<InvalidAwsConfigurationException>(
            () => Create(AwsOptions.None, new Dictionary<string, string> { ["AWS_PROFILE"] = "nope", ["AWS_REGION"] = "eu-west-1" }));

        Assert.Contains("'nope' (from --profile) was not found", flag.Message, StringComparison.Ordinal);
        Assert.Contains("'nope' (from AWS_PROFILE) was not found", variable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StaleAwsProfile_IsNotLookedUp_WhenEnvironmentKeysWin()
    {
        Dictionary<string, string> environment = new()
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAENVIRONMENT",
            ["AWS_SECRET_ACCESS_KEY"] = "environment-secret",
            ["AWS_PROFILE"] = "left-over-from-another-shell",
        };

        // AWS_REGION reaches the factory resolved (RunSettings.Region), not through the environment lookup.
        AwsSession session = Create(AwsOptions.None, environment, resolvedRegion: "eu-central-1");

        Assert.StartsWith("environment (AWS_ACCESS_KEY_ID)", session.CredentialSource, StringComparison.Ordinal);
        Assert.Equal("AKIAENVIRONMENT", session.Credentials.GetCredentials().AccessKey);
        Assert.Equal("eu-central-1", session.Region.SystemName);
    }

    [Fact]
    public void EnvironmentKeys_StillTakeTheRegionFromAwsProfilesProfile_WhenItExists()
    {
        Dictionary<string, string> environment = new()
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAENVIRONMENT",
            ["AWS_SECRET_ACCESS_KEY"] = "environment-secret",
            ["AWS_PROFILE"] = "static",
        };

        AwsSession session = Create(AwsOptions.None, environment);

        Assert.StartsWith("environment (AWS_ACCESS_KEY_ID)", session.CredentialSource, StringComparison.Ordinal);
        Assert.Equal("us-east-1", session.Region.SystemName);
    }

    [Fact]
    public void MalformedEndpointVariable_IsReportedWhenTheSessionIsMade_BeforeAnyClient()
    {
        Dictionary<string, string> environment = new()
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAENVIRONMENT",
            ["AWS_SECRET_ACCESS_KEY"] = "environment-secret",
            ["AWS_REGION"] = "eu-central-1",
            ["AWS_ENDPOINT_URL_ATHENA"] = "notaurl",
        };

        InvalidAwsConfigurationException error = Assert.Throws<InvalidAwsConfigurationException>(() => Create(AwsOptions.None, environment));

        Assert.StartsWith("AWS_ENDPOINT_URL_ATHENA='notaurl'", error.Message, StringComparison.Ordinal);
    }

    private static AwsSession Create(AwsOptions options, IReadOnlyDictionary<string, string>? environment = null, string? resolvedRegion = null) =>
        AwsSessionFactory.Create(options, resolvedRegion, name => environment is null
            ? Environment.GetEnvironmentVariable(name)
            : environment.GetValueOrDefault(name));
}
