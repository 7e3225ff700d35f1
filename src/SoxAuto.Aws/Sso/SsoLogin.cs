using Amazon.SSOOIDC;
using Amazon.SSOOIDC.Model;

namespace SoxAuto.Aws.Sso;

/// <summary>
/// <c>soxauto login</c>: renews the profile's sign-in with its refresh token when the cache holds one (no browser),
/// otherwise runs the device authorization flow, reusing a still-valid client registration from the cache. The token
/// is written where and how the AWS CLI v2 writes it, so either tool's sign-in serves both.
/// </summary>
public sealed class SsoLogin
{
    /// <summary>Like the AWS CLI: a registration about to expire is replaced rather than risked mid-flow.</summary>
    private static readonly TimeSpan RegistrationMargin = TimeSpan.FromMinutes(15);

    private readonly SsoTokenCache _cache;
    private readonly Func<string, IAmazonSSOOIDC> _oidcFactory;
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <param name="cache">The token cache (the AWS CLI's folder in production).</param>
    /// <param name="oidcFactory">Creates the OIDC client for an SSO region.</param>
    /// <param name="time">The clock for expiry times.</param>
    /// <param name="delay">How to wait between polls; tests record the waits instead of sleeping.</param>
    public SsoLogin(SsoTokenCache cache, Func<string, IAmazonSSOOIDC> oidcFactory, TimeProvider time, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _cache = cache;
        _oidcFactory = oidcFactory;
        _time = time;
        _delay = delay ?? ((wait, token) => Task.Delay(wait, time, token));
    }

    public async Task<SsoLoginResult> LoginAsync(SsoProfile profile, Func<SsoSignInPrompt, CancellationToken, Task> prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(prompt);
        CachedSsoToken? cached = _cache.TryRead(profile.CacheKey);
        if (cached is not null && !IsFor(cached, profile))
        {
            // The sso-session now points elsewhere: nothing in the old file belongs to this sign-in.
            cached = null;
        }

        using IAmazonSSOOIDC oidc = _oidcFactory(profile.SsoRegion);
        try
        {
            if (cached is not null &&
                await SsoTokenRefresher.TryRefreshAsync(oidc, profile, cached, _time.GetUtcNow(), cancellationToken) is { } refreshed)
            {
                return new SsoLoginResult(profile, refreshed.ExpiresAt, Refreshed: true, _cache.Write(profile.CacheKey, refreshed));
            }

            ClientRegistration registration = ReusableRegistration(cached) ?? await RegisterAsync(oidc, profile, cancellationToken);
            CachedSsoToken token = await new DeviceAuthorizationFlow(oidc, _time, _delay).RunAsync(profile, registration, prompt, cancellationToken);
            return new SsoLoginResult(profile, token.ExpiresAt, Refreshed: false, _cache.Write(profile.CacheKey, token));
        }
        catch (Amazon.Runtime.AmazonServiceException ex) when (ex is not AmazonSSOOIDCException || ex.StatusCode >= System.Net.HttpStatusCode.InternalServerError)
        {
            throw new SsoLoginFailedException($"IAM Identity Center in {profile.SsoRegion} did not complete the sign-in ({ex.ErrorCode ?? ex.StatusCode.ToString()}); try again later", ex);
        }
        catch (AmazonSSOOIDCException ex)
        {
            throw new SsoLoginFailedException($"IAM Identity Center refused the sign-in ({ex.ErrorCode ?? ex.GetType().Name}); check sso_start_url and sso_region of profile '{profile.ProfileName}'", ex);
        }
        // The SDK reports a request that got no answer in time as TimeoutException (or a cancellation nobody asked for).
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonClientException or HttpRequestException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SsoLoginFailedException($"IAM Identity Center in {profile.SsoRegion} could not be reached ({ex.GetType().Name}); check the network or proxy", ex);
        }
    }

    private static bool IsFor(CachedSsoToken token, SsoProfile profile) =>
        string.Equals(token.StartUrl, profile.StartUrl, StringComparison.Ordinal) &&
        string.Equals(token.Region, profile.SsoRegion, StringComparison.Ordinal);

    private ClientRegistration? ReusableRegistration(CachedSsoToken? cached) =>
        cached is not null && cached.HasRegistrationValidAt(_time.GetUtcNow() + RegistrationMargin)
            ? new ClientRegistration(cached.ClientId!, cached.ClientSecret!, cached.RegistrationExpiresAt!.Value)
            : null;

    private async Task<ClientRegistration> RegisterAsync(IAmazonSSOOIDC oidc, SsoProfile profile, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        RegisterClientResponse response = await oidc.RegisterClientAsync(new RegisterClientRequest
        {
            // Named like AWSSDK.Core names its registrations (<ClientName>-<unix seconds>), so the portal shows "soxauto".
            ClientName = $"soxauto-{now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            ClientType = "public",
            Scopes = profile.RegistrationScopes.Count > 0 ? [.. profile.RegistrationScopes] : null,
        }, cancellationToken);
        if (string.IsNullOrEmpty(response.ClientId) || string.IsNullOrEmpty(response.ClientSecret))
        {
            throw new SsoLoginFailedException($"IAM Identity Center ({profile.StartUrl}) registered no client; try again later");
        }

        DateTimeOffset expiresAt = response.ClientSecretExpiresAt is > 0
            ? DateTimeOffset.FromUnixTimeSeconds(response.ClientSecretExpiresAt.Value)
            : now.AddDays(90);
        return new ClientRegistration(response.ClientId, response.ClientSecret, expiresAt);
    }
}
