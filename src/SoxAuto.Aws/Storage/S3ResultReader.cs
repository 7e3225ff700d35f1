using Amazon.S3;
using Amazon.S3.Model;
using SoxAuto.Core.Execution;

namespace SoxAuto.Aws.Storage;

/// <summary>Opens an Athena result file in S3 as a stream (never buffered whole), with its size and ETag for the evidence.</summary>
public sealed class S3ResultReader(IAmazonS3 s3)
{
    public async Task<OpenedResult> OpenAsync(string uri, CancellationToken cancellationToken)
    {
        S3Uri location = S3Uri.Parse(uri);
        GetObjectResponse response;
        try
        {
            response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = location.Bucket, Key = location.Key }, cancellationToken);
        }
        catch (AmazonS3Exception ex)
        {
            throw new ResultReadException(
                $"cannot read the query result {uri}: {ex.ErrorCode ?? ex.StatusCode.ToString()} — {ex.Message} (the role needs s3:GetObject on the result location)", ex);
        }

        return new OpenedResult(new S3ResponseStream(response), new ResultLocation(uri, response.ContentLength, response.ETag, ResultLocation.ViaStorage));
    }
}
