using Amazon;
using Amazon.Runtime;

namespace SoxAuto.Aws.Connection;

/// <summary>
/// Everything needed to call AWS for one run, resolved once: credentials (and where they came from — never the secret),
/// the region, and the endpoint of each service.
/// </summary>
public sealed record AwsSession(
    AWSCredentials Credentials,
    string CredentialSource,
    RegionEndpoint Region,
    AwsEndpointResolver Endpoints,
    string? Profile)
{
    public Uri EndpointFor(AwsService service) => Endpoints.EndpointFor(service, Region.SystemName);
}
