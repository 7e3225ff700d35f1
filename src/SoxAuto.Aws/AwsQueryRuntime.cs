using Amazon.S3;
using Amazon.SecurityToken;
using SoxAuto.Aws.Athena;
using SoxAuto.Aws.Connection;
using SoxAuto.Aws.Storage;
using SoxAuto.Core.Runs;

namespace SoxAuto.Aws;

/// <summary>
/// The AWS side of one extraction run, composed once: the Athena client and query engine, the S3 client that reads
/// result files, and the caller's identity for the evidence.
/// </summary>
public sealed class AwsQueryRuntime : IDisposable
{
    private readonly AthenaClient _athena;
    private readonly AmazonS3Client _s3;
    private readonly S3ResultReader _results;
    private readonly AwsSession _session;

    private AwsQueryRuntime(AwsSession session, AthenaClient athena, AmazonS3Client s3, S3ResultReader results, AthenaQueryEngine engine)
    {
        _session = session;
        _athena = athena;
        _s3 = s3;
        _results = results;
        Engine = engine;
    }

    public AthenaQueryEngine Engine { get; }

    public string Region => _session.Region.SystemName;

    public static AwsQueryRuntime Create(AwsSession session, RunSettings settings, TimeProvider time, int? resultReuseMinutes = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        AthenaClient athena = new(session, time);
        AmazonS3Client s3 = S3ClientFactory.Create(session);
        S3ResultReader results = S3ClientFactory.CreateResultReader(session, s3, time);
        AthenaQueryEngine engine = new(athena, results,
            new AthenaQueryEngineOptions(settings.Workgroup, settings.OutputLocation, settings.AthenaCatalog) { ResultReuseMaxAgeMinutes = resultReuseMinutes },
            time);
        return new AwsQueryRuntime(session, athena, s3, results, engine);
    }

    /// <summary>The caller's ARN (STS GetCallerIdentity) for the execution log, or null with the reason when it cannot be had.</summary>
    public async Task<(string? Arn, string? Problem)> TryGetCallerArnAsync(CancellationToken cancellationToken)
    {
        using IAmazonSecurityTokenService sts = StsClientFactory.Create(_session);
        return await CallerIdentityLookup.TryGetArnAsync(sts, cancellationToken);
    }

    public void Dispose()
    {
        _athena.Dispose();
        _results.Dispose();
        _s3.Dispose();
    }
}
