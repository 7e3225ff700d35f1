using SoxAuto.Aws.Sso;
using SoxAuto.Testing;

namespace SoxAuto.Aws.Tests.Sso;

public sealed class SsoTokenCacheTests : IDisposable
{
    private readonly TempDirectory _folder = new("soxauto-sso-cache");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AFileAwssdkCoreWrote_WithFractionalSecondsAndItsFieldOrder_IsRead()
    {
        SsoTokenCache cache = new(_folder.Path);
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(cache.PathFor("my-sso"), """
            {"accessToken": "a", "expiresAt": "2026-11-22T10:19:37.4712293Z", "refreshToken": "r", "clientId": "c", "clientSecret": "s",
             "registrationExpiresAt": "2027-02-20T02:19:35Z", "region": "us-east-1", "startUrl": "https://my-sso-portal.awsapps.com/start", "session": "my-sso"}
            """);

        CachedSsoToken token = cache.TryRead("my-sso")!;

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 19, 37, TimeSpan.Zero).AddTicks(4712293), token.ExpiresAt);
        Assert.Equal(new DateTimeOffset(2027, 2, 20, 2, 19, 35, TimeSpan.Zero), token.RegistrationExpiresAt);
        Assert.True(token.CanRefreshAt(token.ExpiresAt));
        Assert.Equal("https://my-sso-portal.awsapps.com/start", token.StartUrl);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"expiresAt": "2026-11-22T10:19:37Z"}""")]
    [InlineData("""{"accessToken": "a"}""")]
    [InlineData("""{"accessToken": "a", "expiresAt": "tomorrow"}""")]
    public void AFileWithoutAccessTokenAndExpiry_IsNoToken(string json)
    {
        SsoTokenCache cache = new(_folder.Path);
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(cache.PathFor("k"), json);

        Assert.Null(cache.TryRead("k"));
    }

    [Fact]
    public void Write_ReplacesAnOlderFileAtomically_LeavingOnlyTheOwnerAbleToReadIt()
    {
        SsoTokenCache cache = new(_folder.Combine("sso", "cache"));
        Directory.CreateDirectory(cache.Directory);
        string path = cache.PathFor("my-sso");
        File.WriteAllText(path, "old");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        cache.Write("my-sso", new CachedSsoToken
        {
            StartUrl = "https://x.awsapps.com/start",
            Region = "eu-west-1",
            AccessToken = "new-token",
            ExpiresAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        });

        Assert.Equal("""{"startUrl":"https://x.awsapps.com/start","region":"eu-west-1","accessToken":"new-token","expiresAt":"2026-01-02T03:04:05Z"}""",
            File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(cache.Directory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void ToString_NeverShowsTheTokenOrTheClientSecret()
    {
        CachedSsoToken token = new()
        {
            StartUrl = "https://x.awsapps.com/start",
            Region = "eu-west-1",
            AccessToken = "access-token-value",
            ExpiresAt = DateTimeOffset.UnixEpoch,
            ClientSecret = "client-secret-value",
            RefreshToken = "refresh-token-value",
        };

        Assert.DoesNotContain("value", token.ToString(), StringComparison.Ordinal);
    }
}
