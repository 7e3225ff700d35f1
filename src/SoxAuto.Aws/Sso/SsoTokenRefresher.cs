using Amazon.SSOOIDC;
using Amazon.SSOOIDC.Model;

namespace SoxAuto.Aws.Sso;

/// <summary>The OIDC refresh-token grant: a new access token for a cached one, without the browser.</summary>
internal static class SsoTokenRefresher
{
    public const string RefreshTokenGrant = "refresh_token";

    /// <summary>The refreshed token, or null when IAM Identity Center refused the refresh (revoked, expired: sign in again).</summary>
    public static async Task<CachedSsoToken?> TryRefreshAsync(IAmazonSSOOIDC oidc, SsoProfile profile, CachedSsoToken cached, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!cached.CanRefreshAt(now))
        {
            return null;
        }

        ClientRegistration registration = new(cached.ClientId!, cached.ClientSecret!, cached.RegistrationExpiresAt!.Value);
        try
        {
            CreateTokenResponse response = await oidc.CreateTokenAsync(new CreateTokenRequest
            {
                ClientId = registration.ClientId,
                ClientSecret = registration.ClientSecret,
                GrantType = RefreshTokenGrant,
                RefreshToken = cached.RefreshToken,
            }, cancellationToken);
            return SsoTokens.From(profile, registration, response, now);
        }
        catch (AmazonSSOOIDCException ex) when (ex.StatusCode < System.Net.HttpStatusCode.InternalServerError)
        {
            return null;
        }
    }
}
