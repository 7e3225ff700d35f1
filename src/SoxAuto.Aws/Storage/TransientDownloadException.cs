namespace SoxAuto.Aws.Storage;

/// <summary>A range request failed in a way S3 asks clients to retry (5xx, 429, a stalled or dropped connection).</summary>
internal sealed class TransientDownloadException(string message, Exception? innerException = null) : Exception(message, innerException);
