namespace SoxAuto.Aws.Athena;

/// <summary>Athena failed on its side (InternalServerException or any HTTP 5xx). Retried.</summary>
public sealed class InternalServerException(string errorCode, string message, int? statusCode, string? requestId)
    : AthenaException(errorCode, message, statusCode, requestId)
{
    public override bool IsRetryable => true;
}
