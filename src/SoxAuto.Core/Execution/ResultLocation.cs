namespace SoxAuto.Core.Execution;

/// <summary>Where result bytes were read from: the object URI, its size and ETag (S3), and how it was read.</summary>
public sealed record ResultLocation(string Uri, long? Size, string? ETag, string ReadVia)
{
    public const string ViaStorage = "s3";
    public const string ViaApi = "GetQueryResults";
}
