namespace SoxAuto.Aws.Storage;

/// <summary>An <c>s3://bucket/key</c> URI split into bucket and key.</summary>
public sealed record S3Uri(string Bucket, string Key)
{
    public static S3Uri Parse(string uri)
    {
        if (!uri.StartsWith("s3://", StringComparison.Ordinal))
        {
            throw new FormatException($"'{uri}' is not an s3:// URI");
        }

        string rest = uri["s3://".Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string bucket = slash < 0 ? rest : rest[..slash];
        string key = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (bucket.Length == 0)
        {
            throw new FormatException($"'{uri}' names no bucket");
        }

        return new S3Uri(bucket, key);
    }

    public override string ToString() => $"s3://{Bucket}/{Key}";
}
