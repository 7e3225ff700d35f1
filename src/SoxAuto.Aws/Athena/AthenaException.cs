namespace SoxAuto.Aws.Athena;

/// <summary>
/// An error answer from Athena (or no answer at all). <see cref="ErrorCode"/> is the error's <c>__type</c>
/// (e.g. <c>InvalidRequestException</c>); <see cref="IsRetryable"/> says whether the same call may be sent again.
/// </summary>
public class AthenaException(string errorCode, string message, int? statusCode, string? requestId, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string ErrorCode { get; } = errorCode;

    /// <summary>The HTTP status, or null when no response arrived (network failure, timeout).</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>Athena's <c>x-amzn-RequestId</c>, for AWS support.</summary>
    public string? RequestId { get; } = requestId;

    public virtual bool IsRetryable => false;
}
