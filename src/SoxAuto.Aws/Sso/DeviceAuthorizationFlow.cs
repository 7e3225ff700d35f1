using Amazon.SSOOIDC;
using Amazon.SSOOIDC.Model;

namespace SoxAuto.Aws.Sso;

/// <summary>
/// The OAuth 2.0 device authorization grant (RFC 8628) against IAM Identity Center, driven step by step rather than
/// through AWSSDK.Core's <c>SSOAWSCredentials</c> login: we need our own prompt (the SDK's message is broken), a deadline
/// at the code's expiry (the SDK and the AWS CLI rely on the service to end the loop), the RFC's 5-second back-off on
/// <c>SlowDownException</c>, and waits through an injected clock so tests never sleep. The cache file it feeds is the
/// AWS CLI's, so nothing is lost by not using the SDK's loop.
/// </summary>
internal sealed class DeviceAuthorizationFlow(IAmazonSSOOIDC oidc, TimeProvider time, Func<TimeSpan, CancellationToken, Task> delay)
{
    public const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>RFC 8628 §3.5: on slow_down the client adds 5 seconds to its polling interval for good.</summary>
    public static readonly TimeSpan SlowDownIncrement = TimeSpan.FromSeconds(5);

    /// <summary>RFC 8628 §3.2: 5 seconds when the server names no interval.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan DefaultCodeLifetime = TimeSpan.FromMinutes(10);

    public async Task<CachedSsoToken> RunAsync(SsoProfile profile, ClientRegistration registration,
        Func<SsoSignInPrompt, CancellationToken, Task> prompt, CancellationToken cancellationToken)
    {
        StartDeviceAuthorizationResponse authorization = await oidc.StartDeviceAuthorizationAsync(new StartDeviceAuthorizationRequest
        {
            ClientId = registration.ClientId,
            ClientSecret = registration.ClientSecret,
            StartUrl = profile.StartUrl,
        }, cancellationToken);
        if (string.IsNullOrEmpty(authorization.DeviceCode) || string.IsNullOrEmpty(authorization.UserCode) || string.IsNullOrEmpty(authorization.VerificationUri))
        {
            throw new SsoLoginFailedException($"IAM Identity Center ({profile.StartUrl}) started no device sign-in (no code in its answer); try again later");
        }

        DateTimeOffset deadline = time.GetUtcNow() + (authorization.ExpiresIn is > 0 ? TimeSpan.FromSeconds(authorization.ExpiresIn.Value) : DefaultCodeLifetime);
        TimeSpan interval = authorization.Interval is > 0 ? TimeSpan.FromSeconds(authorization.Interval.Value) : DefaultInterval;
        await prompt(new SsoSignInPrompt(authorization.VerificationUri, authorization.VerificationUriComplete ?? authorization.VerificationUri,
            authorization.UserCode, deadline), cancellationToken);

        while (true)
        {
            try
            {
                CreateTokenResponse response = await oidc.CreateTokenAsync(new CreateTokenRequest
                {
                    ClientId = registration.ClientId,
                    ClientSecret = registration.ClientSecret,
                    GrantType = DeviceCodeGrant,
                    DeviceCode = authorization.DeviceCode,
                }, cancellationToken);
                return SsoTokens.From(profile, registration, response, time.GetUtcNow());
            }
            catch (AuthorizationPendingException)
            {
                // Not approved yet: ask again after the interval.
            }
            catch (SlowDownException)
            {
                interval += SlowDownIncrement;
            }
            catch (ExpiredTokenException ex)
            {
                throw Expired(profile, deadline, ex);
            }
            catch (AccessDeniedException ex)
            {
                throw new SsoLoginFailedException($"the sign-in was denied in the browser; run 'soxauto login --profile {profile.ProfileName}' again and approve it", ex);
            }
            catch (AmazonSSOOIDCException ex)
            {
                throw new SsoLoginFailedException(
                    $"IAM Identity Center refused the sign-in ({ex.ErrorCode ?? ex.GetType().Name}); run 'soxauto login --profile {profile.ProfileName}' again", ex);
            }

            if (time.GetUtcNow() + interval >= deadline)
            {
                throw Expired(profile, deadline, null);
            }

            await delay(interval, cancellationToken);
        }
    }

    private static SsoLoginFailedException Expired(SsoProfile profile, DateTimeOffset deadline, Exception? inner) => new(
        $"the sign-in code expired at {deadline.UtcDateTime:HH:mm:ss} UTC before it was approved; run 'soxauto login --profile {profile.ProfileName}' again and approve it in time",
        inner);
}
