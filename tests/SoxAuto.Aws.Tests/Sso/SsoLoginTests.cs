using System.Text.Json;
using System.Text.RegularExpressions;
using Moq;
using SoxAuto.Aws.Sso;
using SoxAuto.Testing;

namespace SoxAuto.Aws.Tests.Sso;

[Collection(SerialEnvironment.Name)]
public sealed class SsoLoginTests : IDisposable
{
    private readonly SsoHome _home = new();

    private FakeSsoServer Server => _home.Server;

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task DeviceFlow_WritesTheAwsCliCacheFile_WithTheCliFieldsAndMode0600()
    {
        SsoTestLogin login = new(_home);

        SsoLoginResult result = await login.RunAsync("new");

        SsoSignInPrompt prompt = Assert.Single(login.Prompts);
        Assert.Equal(Server.UserCode, prompt.UserCode);
        Assert.Equal(Server.VerificationUri, prompt.VerificationUri);
        Assert.Equal(Server.VerificationUriComplete, prompt.VerificationUriComplete);
        string path = _home.CacheFileFor(SsoHome.SessionName);
        Assert.Equal(path, result.CachePath);
        Assert.Equal("0ad374308c5a4e22f723adf10145eafad7c4031c.json", Path.GetFileName(path)); // sha1("my-sso"), as the AWS CLI names it
        using JsonDocument file = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = file.RootElement;
        Assert.Equal(SsoHome.StartUrl, root.GetProperty("startUrl").GetString());
        Assert.Equal(SsoHome.SsoRegion, root.GetProperty("region").GetString());
        Assert.Equal(Server.AccessTokenNumber(1), root.GetProperty("accessToken").GetString());
        Assert.Equal(Server.RefreshTokenNumber(1), root.GetProperty("refreshToken").GetString());
        Assert.Equal(Server.ClientId, root.GetProperty("clientId").GetString());
        Assert.Equal(Server.ClientSecret, root.GetProperty("clientSecret").GetString());
        Assert.Matches(CliTime(), root.GetProperty("expiresAt").GetString()!);
        Assert.Matches(CliTime(), root.GetProperty("registrationExpiresAt").GetString()!);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Empty(Directory.GetFiles(_home.CacheDirectory, "*.tmp"));
        FakeSsoRequest register = Assert.Single(Server.Requests, r => r.Path == "/client/register");
        Assert.StartsWith("soxauto-", register.Body["clientName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("sso:account:access", register.Body["scopes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task DeviceFlow_WhilePending_PollsAtTheServersInterval_ThenSucceeds()
    {
        Server.IntervalSeconds = 3;
        Server.Script(FakeSsoReply.Pending, FakeSsoReply.Pending);
        SsoTestLogin login = new(_home);

        SsoLoginResult result = await login.RunAsync("new");

        Assert.False(result.Refreshed);
        Assert.Equal(3, Server.Count("/token"));
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], login.Waits);
        Assert.True(File.Exists(_home.CacheFileFor(SsoHome.SessionName)));
    }

    [Fact]
    public async Task DeviceFlow_OnSlowDown_WaitsFiveSecondsLongerFromThenOn()
    {
        Server.IntervalSeconds = 1;
        Server.Script(FakeSsoReply.Pending, FakeSsoReply.SlowDown, FakeSsoReply.Pending, FakeSsoReply.SlowDown);
        SsoTestLogin login = new(_home);

        await login.RunAsync("new");

        Assert.Equal([1, 6, 6, 11], login.Waits.Select(w => (int)w.TotalSeconds));
    }

    [Fact]
    public async Task DeviceFlow_WhenTheServerSaysTheCodeExpired_StopsWithAClearMessageAndWritesNothing()
    {
        Server.Script(FakeSsoReply.Pending, FakeSsoReply.Expired);
        SsoTestLogin login = new(_home);

        SsoLoginFailedException error = await Assert.ThrowsAsync<SsoLoginFailedException>(() => login.RunAsync("new"));

        Assert.Contains("code expired", error.Message, StringComparison.Ordinal);
        Assert.Contains("soxauto login", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_home.CacheFileFor(SsoHome.SessionName)));
    }

    [Fact]
    public async Task DeviceFlow_WhenNobodyApprovesBeforeTheCodesExpiry_StopsAtTheDeadlineOnItsOwn()
    {
        Server.DeviceCodeExpiresInSeconds = 10;
        Server.IntervalSeconds = 2;
        Server.Script(Enumerable.Repeat(FakeSsoReply.Pending, 100).ToArray());
        FixedTimeProvider clock = new(DateTimeOffset.UtcNow);
        SsoTestLogin login = new(_home, clock);

        SsoLoginFailedException error = await Assert.ThrowsAsync<SsoLoginFailedException>(() => login.RunAsync("new"));

        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, Server.Count("/token")); // at 0, 2, 4, 6, 8 s; the next poll would be at the 10 s deadline
        Assert.False(File.Exists(_home.CacheFileFor(SsoHome.SessionName)));
    }

    [Fact]
    public async Task DeviceFlow_WhenDenied_FailsWithoutCaching()
    {
        Server.Script(FakeSsoReply.AccessDenied);
        SsoTestLogin login = new(_home);

        SsoLoginFailedException error = await Assert.ThrowsAsync<SsoLoginFailedException>(() => login.RunAsync("new"));

        Assert.Contains("denied", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_home.CacheFileFor(SsoHome.SessionName)));
    }

    [Fact]
    public async Task Login_WithARefreshTokenInTheCache_RefreshesInsteadOfANewDeviceFlow()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        _home.WriteCliToken(SsoHome.SessionName, SsoHome.StartUrl, "old-access-token", now.AddHours(-1),
            Server.ClientId, Server.ClientSecret, Server.RefreshTokenNumber(0), now.AddDays(30));
        SsoTestLogin login = new(_home);

        SsoLoginResult result = await login.RunAsync("new");

        Assert.True(result.Refreshed);
        Assert.Empty(login.Prompts);
        Assert.Equal(0, Server.Count("/device_authorization"));
        Assert.Equal(0, Server.Count("/client/register"));
        FakeSsoRequest refresh = Assert.Single(Server.Requests, r => r.Path == "/token");
        Assert.Equal("refresh_token", refresh.GrantType);
        Assert.Equal(Server.RefreshTokenNumber(0), refresh.Body["refreshToken"]!.GetValue<string>());
        CachedSsoToken cached = login.Cache.TryRead(SsoHome.SessionName)!;
        Assert.Equal(Server.AccessTokenNumber(1), cached.AccessToken);
        Assert.Equal(Server.RefreshTokenNumber(1), cached.RefreshToken);
        Assert.True(cached.ExpiresAt > now);
    }

    [Fact]
    public async Task Login_WhenTheRefreshIsRefused_FallsBackToTheDeviceFlow_ReusingTheRegistration()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        _home.WriteCliToken(SsoHome.SessionName, SsoHome.StartUrl, "old-access-token", now.AddHours(-1),
            Server.ClientId, Server.ClientSecret, Server.RefreshTokenNumber(0), now.AddDays(30));
        Server.AcceptRefreshTokens = false;
        SsoTestLogin login = new(_home);

        SsoLoginResult result = await login.RunAsync("new");

        Assert.False(result.Refreshed);
        Assert.Single(login.Prompts);
        Assert.Equal(1, Server.Count("/token", "refresh_token"));
        Assert.Equal(1, Server.Count("/device_authorization"));
        Assert.Equal(0, Server.Count("/client/register"));
    }

    [Fact]
    public async Task Login_LegacyProfile_UsesTheStartUrlAsCacheKey_AndRegistersWithoutScopes()
    {
        Server.Script(FakeSsoReply.SuccessWithoutRefreshToken);
        SsoTestLogin login = new(_home);

        SsoLoginResult result = await login.RunAsync("legacy");

        Assert.Equal(_home.CacheFileFor(SsoHome.LegacyStartUrl), result.CachePath);
        using JsonDocument file = JsonDocument.Parse(File.ReadAllText(result.CachePath));
        Assert.False(file.RootElement.TryGetProperty("refreshToken", out _));
        FakeSsoRequest register = Assert.Single(Server.Requests, r => r.Path == "/client/register");
        Assert.Null(register.Body["scopes"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NoAnswerInTime_IsASignInFailure_NotAnInternalError(bool sdkTimeout)
    {
        // The SDK reports an unanswered request as TimeoutException, HttpClient as a cancellation nobody asked for.
        Exception noAnswer = sdkTimeout ? new TimeoutException("The operation has timed out.") : new TaskCanceledException("HttpClient.Timeout of 100 seconds elapsed");
        Mock<Amazon.SSOOIDC.IAmazonSSOOIDC> oidc = new();
        oidc.Setup(o => o.RegisterClientAsync(It.IsAny<Amazon.SSOOIDC.Model.RegisterClientRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(noAnswer);
        SsoLogin login = new(new SsoTokenCache(_home.CacheDirectory), _ => oidc.Object, TimeProvider.System, (_, _) => Task.CompletedTask);

        SsoLoginFailedException error = await Assert.ThrowsAsync<SsoLoginFailedException>(
            () => login.LoginAsync(SsoProfileReader.Read("new"), (_, _) => Task.CompletedTask, CancellationToken.None));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileWithoutSso_IsRefusedAsInvalidInput()
    {
        InvalidProfileException error = Assert.Throws<InvalidProfileException>(() => SsoProfileReader.Read("static"));

        Assert.Contains("'static' is not an IAM Identity Center", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidProfileException>(() => SsoProfileReader.Read("no-such-profile"));
    }

    [Fact]
    public async Task Flow_NeverPutsASecretInPromptsResultsOrErrors()
    {
        Server.Script(FakeSsoReply.Pending, FakeSsoReply.SlowDown);
        SsoTestLogin login = new(_home);
        SsoLoginResult result = await login.RunAsync("new");
        CachedSsoToken token = login.Cache.TryRead(SsoHome.SessionName)!;
        File.Delete(result.CachePath);
        Server.Script(FakeSsoReply.Expired);
        SsoLoginFailedException failure = await Assert.ThrowsAsync<SsoLoginFailedException>(() => login.RunAsync("new"));

        string everything = string.Join('\n', login.Prompts.Select(p => p.ToString()))
            + '\n' + result + '\n' + failure + '\n' + token;

        Assert.NotEmpty(Server.Secrets);
        foreach (string secret in Server.Secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    private static Regex CliTime() => new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
}
