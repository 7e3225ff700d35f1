namespace SoxAuto.Aws.Athena;

/// <summary>The API rate limit was exceeded ("Rate exceeded", or HTTP 429). Retried with exponential backoff and jitter.</summary>
public sealed class ThrottlingException(string errorCode, string message, int? statusCode, string? requestId)
    : AthenaException(errorCode, message, statusCode, requestId)
{
    public override bool IsRetryable => true;
}
