using Amazon.SSOOIDC.Model;

namespace SoxAuto.Aws.Sso;

/// <summary>Builds the cache entry from a CreateToken answer the way the AWS CLI does: expiresAt = now + expiresIn, registration kept alongside.</summary>
internal static class SsoTokens
{
    public static CachedSsoToken From(SsoProfile profile, ClientRegistration registration, CreateTokenResponse response, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(response.AccessToken) || response.ExpiresIn is not > 0)
        {
            throw new SsoLoginFailedException($"IAM Identity Center ({profile.StartUrl}) answered without a usable token; run 'soxauto login --profile {profile.ProfileName}' again");
        }

        return new CachedSsoToken
        {
            StartUrl = profile.StartUrl,
            Region = profile.SsoRegion,
            AccessToken = response.AccessToken,
            ExpiresAt = TruncateToSeconds(now + TimeSpan.FromSeconds(response.ExpiresIn.Value)),
            ClientId = registration.ClientId,
            ClientSecret = registration.ClientSecret,
            RegistrationExpiresAt = registration.ExpiresAt,
            // Like botocore: a refresh token is kept only when this answer issued one (they are single-use when rotated).
            RefreshToken = string.IsNullOrEmpty(response.RefreshToken) ? null : response.RefreshToken,
        };
    }

    /// <summary>The cache file keeps whole seconds; truncating (not rounding) never claims a later expiry than AWS granted.</summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}
