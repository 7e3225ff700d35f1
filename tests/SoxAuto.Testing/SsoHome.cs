using System.Security.Cryptography;
using System.Text;

namespace SoxAuto.Testing;

/// <summary>
/// A throw-away home folder with an AWS config holding IAM Identity Center profiles in both forms, made the process's
/// HOME and AWS_CONFIG_FILE (plus the fake server's endpoints) until disposed. Profiles: <c>new</c> (sso_session
/// <c>my-sso</c>), <c>legacy</c> (sso_start_url in the profile), <c>static</c> (access keys, not SSO).
/// AWSSDK.Core remembers the config file's path for the life of the process, from its first look at it (observed with
/// 4.0.102.18), so the folder is the same for every test of a process, emptied between tests, and
/// <see cref="IsolateProcess"/> must run before any test (a module initializer in each test assembly) so that first
/// look already sees it. It also resets the shared <see cref="FakeSsoServer"/>.
/// </summary>
public sealed class SsoHome : IDisposable
{
    public const string SessionName = "my-sso";
    public const string StartUrl = "https://my-sso-portal.awsapps.com/start";
    public const string LegacyStartUrl = "https://legacy-portal.awsapps.com/start";
    public const string SsoRegion = "us-east-1";
    public const string AccountId = "111122223333";
    public const string RoleName = "SoxReadOnly";

    private static readonly string Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"soxauto-home-{Environment.ProcessId}");
    private readonly ProcessEnvironment _environment;

    public SsoHome()
        : this(FakeSsoServer.Shared)
    {
    }

    public SsoHome(FakeSsoServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Reset();
        Server = server;
        DeleteFolder();
        Directory.CreateDirectory(Combine(".aws"));
        ConfigFile = Combine(".aws", "config");
        File.WriteAllText(ConfigFile, $"""
            [profile new]
            sso_session = {SessionName}
            sso_account_id = {AccountId}
            sso_role_name = {RoleName}
            region = us-east-1

            [sso-session {SessionName}]
            sso_start_url = {StartUrl}
            sso_region = {SsoRegion}
            sso_registration_scopes = sso:account:access

            [profile legacy]
            sso_start_url = {LegacyStartUrl}
            sso_region = {SsoRegion}
            sso_account_id = {AccountId}
            sso_role_name = {RoleName}
            region = us-east-1

            [profile static]
            aws_access_key_id = AKIASTATICEXAMPLE
            aws_secret_access_key = static-secret-example
            region = us-east-1

            """);
        Dictionary<string, string?> variables = new()
        {
            ["HOME"] = Folder,
            ["AWS_CONFIG_FILE"] = ConfigFile,
            ["AWS_SHARED_CREDENTIALS_FILE"] = Combine(".aws", "credentials"),
            ["AWS_PROFILE"] = null,
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_ENDPOINT_URL"] = null,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        foreach ((string name, string value) in server.Environment)
        {
            variables[name] = value;
        }

        _environment = new ProcessEnvironment(variables);
    }

    public FakeSsoServer Server { get; }

    /// <summary>
    /// Points HOME and the AWS config and credentials files of this test process at the per-process folder, for good:
    /// tests never read the developer's real ~/.aws, and AWSSDK.Core's remembered path is the one SsoHome writes.
    /// </summary>
    public static void IsolateProcess()
    {
        Environment.SetEnvironmentVariable("HOME", Folder);
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Combine(".aws", "config"));
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Combine(".aws", "credentials"));
    }

    public string Home { get; } = Folder;

    public string ConfigFile { get; }

    public string CacheDirectory { get; } = Combine(".aws", "sso", "cache");

    /// <summary>The AWS CLI's file name for a cache key: lowercase hex SHA-1 of its UTF-8 bytes.</summary>
    public string CacheFileFor(string cacheKey)
    {
#pragma warning disable CA5350 // The AWS CLI's naming scheme, not a security use.
        return Path.Combine(CacheDirectory, Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(cacheKey))) + ".json");
#pragma warning restore CA5350
    }

    /// <summary>Adds sections to the AWS config file (e.g. a <c>[default]</c> profile for one test).</summary>
    public void AppendConfig(string text) => File.AppendAllText(ConfigFile, text);

    /// <summary>Writes a token file the way <c>aws sso login</c> (AWS CLI v2) writes it.</summary>
    public string WriteCliToken(string cacheKey, string startUrl, string accessToken, DateTimeOffset expiresAt, string? clientId = null,
        string? clientSecret = null, string? refreshToken = null, DateTimeOffset? registrationExpiresAt = null)
    {
        Directory.CreateDirectory(CacheDirectory);
        static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        StringBuilder json = new();
        json.Append($"{{\"startUrl\": \"{startUrl}\", \"region\": \"{SsoRegion}\", \"accessToken\": \"{accessToken}\", \"expiresAt\": \"{Time(expiresAt)}\"");
        if (clientId is not null && clientSecret is not null)
        {
            json.Append($", \"clientId\": \"{clientId}\", \"clientSecret\": \"{clientSecret}\", \"registrationExpiresAt\": \"{Time(registrationExpiresAt ?? expiresAt.AddDays(90))}\"");
        }

        if (refreshToken is not null)
        {
            json.Append($", \"refreshToken\": \"{refreshToken}\"");
        }

        json.Append('}');
        string path = CacheFileFor(cacheKey);
        File.WriteAllText(path, json.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // as botocore creates it
        }

        return path;
    }

    public void Dispose()
    {
        _environment.Dispose();
        DeleteFolder();
    }

    private static string Combine(params string[] parts) => System.IO.Path.Combine([Folder, .. parts]);

    private static void DeleteFolder()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
