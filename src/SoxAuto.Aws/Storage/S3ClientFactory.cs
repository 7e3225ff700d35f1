using Amazon.S3;
using SoxAuto.Aws.Connection;

namespace SoxAuto.Aws.Storage;

/// <summary>Creates the S3 client for a session: the SDK's regional endpoint, or the override with path-style addressing (moto, local emulators).</summary>
public static class S3ClientFactory
{
    public static AmazonS3Client Create(AwsSession session)
    {
        AmazonS3Config config = new() { RegionEndpoint = session.Region };
        if (session.Endpoints.OverrideFor(AwsService.S3) is { } endpoint)
        {
            config = new AmazonS3Config
            {
                ServiceURL = endpoint.ToString(),
                ForcePathStyle = true,
                AuthenticationRegion = session.Region.SystemName,
            };
        }

        return new AmazonS3Client(session.Credentials, config);
    }

    /// <summary>The result reader for a session: parallel ranged downloads on AWS, one stream against a local endpoint.</summary>
    public static S3ResultReader CreateResultReader(AwsSession session, IAmazonS3 s3, TimeProvider time) =>
        new(s3, session.Endpoints.OverrideFor(AwsService.S3) is null ? S3ReadOptions.ForAws : S3ReadOptions.ForLocalEndpoint, time);
}
