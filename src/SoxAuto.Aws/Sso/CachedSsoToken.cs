namespace SoxAuto.Aws.Sso;

/// <summary>
/// An IAM Identity Center access token as the AWS CLI v2 caches it in <c>~/.aws/sso/cache/&lt;sha1&gt;.json</c>, with the
/// client registration stored alongside so it can be refreshed. A class rather than a record on purpose: a record's
/// generated ToString would print the token and the client secret.
/// </summary>
public sealed class CachedSsoToken
{
    public required string StartUrl { get; init; }

    public required string Region { get; init; }

    public required string AccessToken { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public DateTimeOffset? RegistrationExpiresAt { get; init; }

    public string? RefreshToken { get; init; }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>A refresh needs the refresh token and a client registration that is still valid.</summary>
    public bool CanRefreshAt(DateTimeOffset now) =>
        !string.IsNullOrEmpty(RefreshToken) && HasRegistrationValidAt(now);

    public bool HasRegistrationValidAt(DateTimeOffset now) =>
        !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret) && RegistrationExpiresAt is { } expires && expires > now;

    public override string ToString() =>
        $"IAM Identity Center token for {StartUrl} ({Region}), expires {ExpiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
}
