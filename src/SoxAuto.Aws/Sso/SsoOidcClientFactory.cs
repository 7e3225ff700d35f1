using Amazon;
using Amazon.Runtime;
using Amazon.SSOOIDC;
using SoxAuto.Aws.Connection;

namespace SoxAuto.Aws.Sso;

/// <summary>
/// Creates the IAM Identity Center OIDC client for the SSO region. Its calls are unsigned (anonymous credentials), as in
/// the AWS CLI. <c>AWS_ENDPOINT_URL_SSO_OIDC</c> (then <c>AWS_ENDPOINT_URL</c>) redirects it, as the SDKs define.
/// </summary>
public static class SsoOidcClientFactory
{
    public static IAmazonSSOOIDC Create(string ssoRegion, AwsEndpointResolver endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        AmazonSSOOIDCConfig config = new()
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(ssoRegion),
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 2,
        };
        if (endpoints.OverrideFor(AwsService.SsoOidc) is { } endpoint)
        {
            config = new AmazonSSOOIDCConfig
            {
                ServiceURL = endpoint.ToString(),
                AuthenticationRegion = ssoRegion,
                Timeout = TimeSpan.FromSeconds(30),
                MaxErrorRetry = 2,
            };
        }

        return new AmazonSSOOIDCClient(new AnonymousAWSCredentials(), config);
    }
}
