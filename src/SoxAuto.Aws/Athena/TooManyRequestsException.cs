namespace SoxAuto.Aws.Athena;

/// <summary>The account's active-query quota is reached (running + queued). Retried with backoff, with the same request token.</summary>
public sealed class TooManyRequestsException(string message, int? statusCode, string? requestId)
    : AthenaException("TooManyRequestsException", message, statusCode, requestId)
{
    public override bool IsRetryable => true;
}
