using Amazon.Runtime;
using Amazon.SSOOIDC;

namespace SoxAuto.Aws.Sso;

/// <summary>
/// The SDK's own <see cref="SSOAWSCredentials"/> for an IAM Identity Center profile (it reads the shared token cache,
/// refreshes the token when it can, and fetches role credentials), with one addition: when the sign-in is missing or
/// has expired beyond refresh, every caller gets <see cref="SsoLoginRequiredException"/> — one line saying
/// "run soxauto login" — instead of the SDK's generic <see cref="AmazonClientException"/>. It wraps rather than
/// subclasses because the SDK creates the instance from the profile. Given an OIDC client factory, it also renews a
/// token that expires within 15 minutes (the AWS CLI's window) itself before the SDK looks, so the cache file is
/// always replaced atomically with mode 0600 in the CLI's format (the SDK's own refresh rewrites it in place).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim holds nothing to dispose unless its AvailableWaitHandle is used, which it is not; the SDK owns these credentials' lifetime.")]
public sealed class SsoProfileCredentials : AWSCredentials
{
    /// <summary>The AWS CLI's refresh window (botocore <c>_REFRESH_WINDOW</c>); AWSSDK.Core's is 6 minutes.</summary>
    private static readonly TimeSpan RefreshWindow = TimeSpan.FromMinutes(15);

    private readonly SSOAWSCredentials _inner;
    private readonly SsoTokenCache _cache;
    private readonly TimeProvider _time;
    private readonly Func<string, IAmazonSSOOIDC>? _oidcFactory;

    // Every signed request asks for credentials: one refresh at a time (concurrent requests in the window would all
    // spend the same refresh token), and the cache file parsed again only when it has changed on disk.
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile TokenSnapshot? _lastRead;

    public SsoProfileCredentials(SSOAWSCredentials inner, string profileName, SsoTokenCache cache, TimeProvider time,
        Func<string, IAmazonSSOOIDC>? oidcFactory = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _cache = cache;
        _time = time;
        _oidcFactory = oidcFactory;
        ProfileName = profileName;
    }

    public string ProfileName { get; }

    /// <summary>The sso-session name, else the start URL: the key of the cached token.</summary>
    public string CacheKey => string.IsNullOrEmpty(_inner.Options?.SessionName) ? _inner.StartUrl : _inner.Options.SessionName;

    /// <summary>When the current role credentials expire (known once they have been fetched).</summary>
    public override DateTime? Expiration
    {
        get => _inner.Expiration;
        set => _inner.Expiration = value;
    }

    public override ImmutableCredentials GetCredentials()
    {
        EnsureSignedIn();
        try
        {
            return _inner.GetCredentials();
        }
        catch (Exception ex) when (IsSignInProblem(ex))
        {
            throw new SsoLoginRequiredException(ProfileName, expired: true, ex);
        }
    }

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        await RefreshIfExpiringAsync();
        EnsureSignedIn();
        try
        {
            return await _inner.GetCredentialsAsync();
        }
        catch (Exception ex) when (IsSignInProblem(ex))
        {
            throw new SsoLoginRequiredException(ProfileName, expired: true, ex);
        }
    }

    private async Task RefreshIfExpiringAsync()
    {
        if (_oidcFactory is null || !NeedsRefresh(CurrentToken()))
        {
            return;
        }

        await _refreshing.WaitAsync();
        try
        {
            // Another request may have renewed the token while this one waited.
            DateTimeOffset now = _time.GetUtcNow();
            if (CurrentToken() is not { } token || !NeedsRefresh(token))
            {
                return;
            }

            SsoProfile profile = new(ProfileName, _inner.Options?.SessionName, _inner.StartUrl, _inner.Region, _inner.AccountId, _inner.RoleName, []);
            using IAmazonSSOOIDC oidc = _oidcFactory(_inner.Region);
            using CancellationTokenSource bound = new(TimeSpan.FromSeconds(30));
            if (await SsoTokenRefresher.TryRefreshAsync(oidc, profile, token, now, bound.Token) is { } refreshed)
            {
                _cache.Write(CacheKey, refreshed);
            }
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or HttpRequestException or OperationCanceledException or SsoLoginFailedException)
        {
            // IAM Identity Center could not be asked: the checks below and the SDK decide with the token as it is.
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private bool NeedsRefresh(CachedSsoToken? token)
    {
        DateTimeOffset now = _time.GetUtcNow();
        return token is not null && token.ExpiresAt - now <= RefreshWindow && token.CanRefreshAt(now);
    }

    /// <summary>The cached token, parsed again only when the file's write time has changed since the last read.</summary>
    private CachedSsoToken? CurrentToken()
    {
        DateTime written = File.GetLastWriteTimeUtc(_cache.PathFor(CacheKey));
        if (_lastRead is { } last && last.Written == written)
        {
            return last.Token;
        }

        CachedSsoToken? token = _cache.TryRead(CacheKey);
        _lastRead = new TokenSnapshot(written, token);
        return token;
    }

    /// <summary>
    /// Decides from the cache file before the SDK does, so the common cases (never signed in; signed in yesterday,
    /// no refresh token) get an exact message without a network call.
    /// </summary>
    private void EnsureSignedIn()
    {
        CachedSsoToken? token = CurrentToken();
        if (token is null)
        {
            throw new SsoLoginRequiredException(ProfileName, expired: false);
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (token.IsExpiredAt(now) && !token.CanRefreshAt(now))
        {
            throw new SsoLoginRequiredException(ProfileName, expired: true);
        }
    }

    /// <summary>
    /// What the SDK raises when the token is gone, expired, refused on refresh or rejected by the portal (401): its
    /// messages name the "SSO Token", and the portal's rejection is AWSSDK.SSO's UnauthorizedException.
    /// </summary>
    private static bool IsSignInProblem(Exception ex)
    {
        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            if (current is Amazon.SSO.Model.UnauthorizedException ||
                (current is AmazonClientException && current.Message.Contains("SSO Token", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record TokenSnapshot(DateTime Written, CachedSsoToken? Token);
}
