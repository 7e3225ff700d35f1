using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using SoxAuto.Aws.Athena.Model;
using SoxAuto.Aws.Storage;
using AthenaEncryption = SoxAuto.Aws.Athena.Model.EncryptionConfiguration;

namespace SoxAuto.Aws.Access;

/// <summary>
/// Probe 5: the S3 location Athena will write results to works for this identity — the bucket exists, and a probe
/// object <c>&lt;prefix&gt;soxauto-access-probe-&lt;random&gt;.txt</c> can be written (with the workgroup's server-side
/// encryption), read back unchanged and deleted. The location is the workgroup's when it enforces one, else the one
/// soxauto sends (flag, environment, settings.yaml), else the workgroup's own.
/// </summary>
public sealed class OutputLocationProbe : IAccessProbe
{
    public const string ProbeName = "output-location";

    public string Name => ProbeName;

    public IReadOnlyList<string> Needs => [CredentialsProbe.ProbeName, CallerIdentityProbe.ProbeName, WorkgroupProbe.ProbeName];

    public TimeSpan Timeout => TimeSpan.FromSeconds(20);

    public string TimeoutFix => "S3 did not answer; check the network, proxy and --endpoint-url / AWS_ENDPOINT_URL_S3";

    public async Task<ProbeResult> RunAsync(AccessProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        WorkGroupConfiguration? configuration = context.WorkGroup?.Configuration;
        if (configuration?.ManagedQueryResultsConfiguration?.Enabled == true)
        {
            return ProbeResult.Skipped(Name, "the workgroup manages query results itself; no S3 output location is used");
        }

        (string? location, string origin) = Choose(context, configuration);
        if (location is null)
        {
            return ProbeResult.Fail(Name, $"no query result location: workgroup '{context.Settings.Workgroup}' has none and none was given",
                "pass --output-location s3://bucket/prefix/, set SOXAUTO_OUTPUT_LOCATION, or set output_location in catalog/settings.yaml");
        }

        S3Uri uri;
        try
        {
            uri = S3Uri.Parse(location);
        }
        catch (FormatException)
        {
            return ProbeResult.Fail(Name, $"'{location}' (from {origin}) is not an s3://bucket/prefix/ URI", "correct it where it came from");
        }

        string prefix = uri.Key.Length == 0 || uri.Key.EndsWith('/') ? uri.Key : uri.Key + "/";
        string where = $"bucket '{uri.Bucket}', prefix '{prefix}' (from {origin})";
        string key = $"{prefix}soxauto-access-probe-{Guid.NewGuid():N}.txt";
        string content = $"soxauto access probe {context.Time.GetUtcNow():O}\n";
        IAmazonS3 s3 = context.S3();

        ProbeResult? failure = await StepAsync(() => s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = uri.Bucket }, cancellationToken),
            ex => ex.ErrorCode == "NoSuchBucket"
                ? ProbeResult.Fail(Name, $"{where}: the bucket does not exist", "create the bucket, or correct the output location where it came from")
                : Denied(where, ex, "s3:GetBucketLocation", $"arn:aws:s3:::{uri.Bucket}"));
        if (failure is not null)
        {
            return failure;
        }

        failure = await StepAsync(() => s3.PutObjectAsync(Encrypted(new PutObjectRequest { BucketName = uri.Bucket, Key = key, ContentBody = content }, configuration), cancellationToken),
            ex => Denied(where, ex, "s3:PutObject", $"arn:aws:s3:::{uri.Bucket}/{prefix}*"));
        if (failure is not null)
        {
            return failure;
        }

        try
        {
            string? readBack = null;
            failure = await StepAsync(async () => readBack = await ReadAsync(s3, uri.Bucket, key, cancellationToken),
                ex => Denied(where, ex, "s3:GetObject", $"arn:aws:s3:::{uri.Bucket}/{prefix}*"));
            if (failure is not null)
            {
                return failure;
            }

            if (!string.Equals(readBack, content, StringComparison.Ordinal))
            {
                return ProbeResult.Fail(Name, $"{where}: the probe object read back differs from what was written",
                    "check for a bucket policy, object lambda or replication that rewrites objects under this prefix");
            }
        }
        finally
        {
            // Clean up even after Ctrl+C or a timeout, but briefly: a probe object must not be left behind silently.
            using CancellationTokenSource cleanup = new(TimeSpan.FromSeconds(10));
            failure = await StepAsync(() => s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = uri.Bucket, Key = key }, cleanup.Token),
                ex => Denied(where, ex, "s3:DeleteObject", $"arn:aws:s3:::{uri.Bucket}/{prefix}*") with
                {
                    Detail = $"{where}: the probe object s3://{uri.Bucket}/{key} could not be deleted ({ex.ErrorCode ?? ex.StatusCode.ToString()})",
                });
        }

        if (failure is not null)
        {
            return failure;
        }

        context.OutputLocation = location;
        return ProbeResult.Pass(Name, $"s3://{uri.Bucket}/{prefix} (from {origin}): bucket exists; probe object written, read back and deleted");
    }

    private static (string? Location, string Origin) Choose(AccessProbeContext context, WorkGroupConfiguration? configuration)
    {
        string? workGroupLocation = configuration?.ResultConfiguration?.OutputLocation;
        if (configuration?.EnforceWorkGroupConfiguration == true && workGroupLocation is not null)
        {
            return (workGroupLocation, $"workgroup '{context.Settings.Workgroup}', which enforces it");
        }

        if (context.Settings.OutputLocation is { } requested)
        {
            string origin = context.Settings.Origins.GetValueOrDefault("output_location", "settings.yaml");
            return (requested, origin == "flag" ? "--output-location" : origin);
        }

        return (workGroupLocation, $"workgroup '{context.Settings.Workgroup}'");
    }

    /// <summary>Writes like Athena would: with the workgroup's SSE, so a bucket policy that demands it is satisfied.</summary>
    private static PutObjectRequest Encrypted(PutObjectRequest request, WorkGroupConfiguration? configuration)
    {
        AthenaEncryption? encryption = configuration?.ResultConfiguration?.EncryptionConfiguration;
        if (string.Equals(encryption?.EncryptionOption, "SSE_S3", StringComparison.OrdinalIgnoreCase))
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256;
        }
        else if (string.Equals(encryption?.EncryptionOption, "SSE_KMS", StringComparison.OrdinalIgnoreCase))
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
            request.ServerSideEncryptionKeyManagementServiceKeyId = encryption?.KmsKey;
        }

        return request;
    }

    private static async Task<string> ReadAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        using GetObjectResponse response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
        using StreamReader reader = new(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Runs one S3 call; an S3 error answer becomes the FAIL the caller describes, anything else propagates.</summary>
    private static async Task<ProbeResult?> StepAsync(Func<Task> call, Func<AmazonS3Exception, ProbeResult> describe)
    {
        try
        {
            await call();
            return null;
        }
        catch (AmazonS3Exception ex)
        {
            return describe(ex);
        }
    }

    private ProbeResult Denied(string where, AmazonServiceException ex, string action, string resource) =>
        ex.StatusCode == HttpStatusCode.Forbidden || ex.ErrorCode is "AccessDenied"
            ? ProbeResult.Fail(Name, $"{where}: access denied for {action}", $"the role needs {action} on {resource}")
            : ProbeResult.Fail(Name, $"{where}: {action} failed ({ex.ErrorCode ?? ex.StatusCode.ToString()})",
                $"check the bucket's policy and region; the role needs {action} on {resource}");
}
