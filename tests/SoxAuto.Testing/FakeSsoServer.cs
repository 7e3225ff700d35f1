using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SoxAuto.Testing;

/// <summary>
/// A loopback stand-in for IAM Identity Center's OIDC and portal APIs (moto has neither), enough for AWSSDK.SSOOIDC and
/// AWSSDK.SSO: <c>POST /client/register</c>, <c>POST /device_authorization</c>, <c>POST /token</c> (device-code and
/// refresh-token grants, answers scripted per test) and <c>GET /federation/credentials</c>. Point the SDK at it with
/// <see cref="Environment"/>. Every secret it hands out is random and listed in <see cref="Secrets"/>, so tests can
/// prove none of them reaches any output. AWSSDK.Core reads some configuration once per process, so tests use the one
/// <see cref="Shared"/> server and <see cref="Reset"/> it rather than starting their own.
/// </summary>
public sealed class FakeSsoServer : IDisposable
{
    private static readonly Lazy<FakeSsoServer> SharedServer = new(() => new FakeSsoServer());

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<FakeSsoReply> _deviceReplies = new();
    private readonly ConcurrentQueue<FakeSsoRequest> _requests = new();
    private string _run = Guid.NewGuid().ToString("N");
    private int _tokenCount;

    public FakeSsoServer()
    {
        int port = FreePort.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server every test of this process uses (started on first use, stopped when the process ends).</summary>
    public static FakeSsoServer Shared => SharedServer.Value;

    public Uri Endpoint { get; }

    public string ClientId => "fake-client-id-" + _run;

    public string ClientSecret => "fake-client-secret-" + _run;

    public string DeviceCode => "fake-device-code-" + _run;

    public string UserCode => "WXYZ-" + _run[..4].ToUpperInvariant();

    public string VerificationUri => Endpoint + "device";

    public string VerificationUriComplete => VerificationUri + "?user_code=" + UserCode;

    public int DeviceCodeExpiresInSeconds { get; set; } = 600;

    public int IntervalSeconds { get; set; } = 1;

    public int TokenExpiresInSeconds { get; set; } = 28_800;

    /// <summary>When false, the refresh-token grant answers <c>InvalidGrantException</c> (a revoked or expired refresh token).</summary>
    public bool AcceptRefreshTokens { get; set; } = true;

    /// <summary>The access token the portal accepts for role credentials: the last one issued, or one a test planted in a cache file.</summary>
    public string? ValidAccessToken { get; set; }

    public string RoleAccessKeyId => "ASIAFAKE" + _run[..12].ToUpperInvariant();

    public string RoleSecretAccessKey => "fake-role-secret-" + _run;

    public string RoleSessionToken => "fake-role-session-token-" + _run;

    /// <summary>Every secret value this server issued or knows, for "never in the output" assertions.</summary>
    public IReadOnlyList<string> Secrets
    {
        get
        {
            List<string> secrets = [ClientSecret, DeviceCode, RoleSecretAccessKey, RoleSessionToken, RoleAccessKeyId];
            for (int i = 1; i <= Volatile.Read(ref _tokenCount); i++)
            {
                secrets.Add(AccessTokenNumber(i));
                secrets.Add(RefreshTokenNumber(i));
            }

            return secrets;
        }
    }

    public IReadOnlyList<FakeSsoRequest> Requests => [.. _requests];

    /// <summary>The environment variables that send AWSSDK.SSOOIDC and AWSSDK.SSO here.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL_SSO_OIDC"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ENDPOINT_URL_SSO"] = Endpoint.ToString().TrimEnd('/'),
    };

    public string AccessTokenNumber(int n) => $"fake-access-token-{n}-{_run}";

    public string RefreshTokenNumber(int n) => $"fake-refresh-token-{n}-{_run}";

    /// <summary>Back to defaults, with new secrets, no scripted answers and no recorded requests.</summary>
    public void Reset()
    {
        _run = Guid.NewGuid().ToString("N");
        Volatile.Write(ref _tokenCount, 0);
        _deviceReplies.Clear();
        _requests.Clear();
        DeviceCodeExpiresInSeconds = 600;
        IntervalSeconds = 1;
        TokenExpiresInSeconds = 28_800;
        AcceptRefreshTokens = true;
        ValidAccessToken = null;
    }

    public void Script(params FakeSsoReply[] replies)
    {
        foreach (FakeSsoReply reply in replies)
        {
            _deviceReplies.Enqueue(reply);
        }
    }

    public int Count(string path, string? grantType = null) =>
        _requests.Count(r => r.Path == path && (grantType is null || r.GrantType == grantType));

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the loop: expected.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await HandleAsync(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using StreamReader reader = new(context.Request.InputStream, Encoding.UTF8);
        string text = await reader.ReadToEndAsync();
        JsonObject body = text.Length > 0 && JsonNode.Parse(text) is JsonObject parsed ? parsed : [];
        string path = context.Request.Url!.AbsolutePath;
        FakeSsoRequest request = new(context.Request.HttpMethod, path, body, context.Request.Headers["x-amz-sso_bearer_token"], Str(body, "grantType"));
        _requests.Enqueue(request);
        (int status, object answer, string? errorType) = (context.Request.HttpMethod, path) switch
        {
            ("POST", "/client/register") => (200, Register(), null),
            ("POST", "/device_authorization") => (200, new
            {
                deviceCode = DeviceCode,
                userCode = UserCode,
                verificationUri = VerificationUri,
                verificationUriComplete = VerificationUriComplete,
                expiresIn = DeviceCodeExpiresInSeconds,
                interval = IntervalSeconds,
            }, null),
            ("POST", "/token") => Token(body),
            ("GET", "/federation/credentials") => RoleCredentials(request.BearerToken),
            _ => (404, new { message = "not faked: " + path }, "ResourceNotFoundException"),
        };
        await WriteAsync(context.Response, status, answer, errorType);
    }

    private object Register() => new
    {
        clientId = ClientId,
        clientSecret = ClientSecret,
        clientIdIssuedAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        clientSecretExpiresAt = DateTimeOffset.UtcNow.AddDays(90).ToUnixTimeSeconds(),
    };

    private (int, object, string?) Token(JsonObject body)
    {
        if (Str(body, "clientSecret") != ClientSecret)
        {
            return Error(401, "InvalidClientException", "invalid_client");
        }

        if (Str(body, "grantType") == "refresh_token")
        {
            return AcceptRefreshTokens && Str(body, "refreshToken") is { } refresh && refresh.StartsWith("fake-refresh-token-", StringComparison.Ordinal)
                ? Issue(withRefreshToken: true)
                : Error(400, "InvalidGrantException", "invalid_grant");
        }

        if (Str(body, "deviceCode") != DeviceCode)
        {
            return Error(400, "InvalidGrantException", "invalid_grant");
        }

        FakeSsoReply reply = _deviceReplies.TryDequeue(out FakeSsoReply next) ? next : FakeSsoReply.Success;
        return reply switch
        {
            FakeSsoReply.Success => Issue(withRefreshToken: true),
            FakeSsoReply.SuccessWithoutRefreshToken => Issue(withRefreshToken: false),
            FakeSsoReply.Pending => Error(400, "AuthorizationPendingException", "authorization_pending"),
            FakeSsoReply.SlowDown => Error(400, "SlowDownException", "slow_down"),
            FakeSsoReply.Expired => Error(400, "ExpiredTokenException", "expired_token"),
            _ => Error(400, "AccessDeniedException", "access_denied"),
        };
    }

    private (int, object, string?) Issue(bool withRefreshToken)
    {
        int n = Interlocked.Increment(ref _tokenCount);
        ValidAccessToken = AccessTokenNumber(n);
        Dictionary<string, object> answer = new()
        {
            ["accessToken"] = AccessTokenNumber(n),
            ["tokenType"] = "Bearer",
            ["expiresIn"] = TokenExpiresInSeconds,
        };
        if (withRefreshToken)
        {
            answer["refreshToken"] = RefreshTokenNumber(n);
        }

        return (200, answer, null);
    }

    private (int, object, string?) RoleCredentials(string? bearer)
    {
        if (bearer is null || bearer != ValidAccessToken)
        {
            return Error(401, "UnauthorizedException", "Session token not found or invalid");
        }

        return (200, new
        {
            roleCredentials = new
            {
                accessKeyId = RoleAccessKeyId,
                secretAccessKey = RoleSecretAccessKey,
                sessionToken = RoleSessionToken,
                expiration = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds(),
            },
        }, null);
    }

    private static (int, object, string?) Error(int status, string type, string error) =>
        (status, new { error, error_description = type, message = type }, type);

    private static async Task WriteAsync(HttpListenerResponse response, int status, object answer, string? errorType)
    {
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(answer);
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (errorType is not null)
        {
            response.Headers["x-amzn-ErrorType"] = errorType;
        }

        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static string? Str(JsonObject body, string name) => body[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
