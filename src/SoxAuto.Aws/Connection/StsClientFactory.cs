using Amazon.SecurityToken;

namespace SoxAuto.Aws.Connection;

/// <summary>Creates the STS client for a session: the SDK's regional endpoint, or the override (moto, a VPC endpoint).</summary>
public static class StsClientFactory
{
    public static IAmazonSecurityTokenService Create(AwsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        AmazonSecurityTokenServiceConfig config = new() { RegionEndpoint = session.Region };
        if (session.Endpoints.OverrideFor(AwsService.Sts) is { } endpoint)
        {
            config = new AmazonSecurityTokenServiceConfig
            {
                ServiceURL = endpoint.ToString(),
                AuthenticationRegion = session.Region.SystemName,
            };
        }

        return new AmazonSecurityTokenServiceClient(session.Credentials, config);
    }
}
