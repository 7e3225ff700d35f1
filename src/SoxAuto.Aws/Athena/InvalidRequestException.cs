namespace SoxAuto.Aws.Athena;

/// <summary>Athena refused the request (bad SQL, unknown id, bad parameters). Never retried.</summary>
public sealed class InvalidRequestException(string message, string? athenaErrorCode, int? statusCode, string? requestId)
    : AthenaException("InvalidRequestException", message, statusCode, requestId)
{
    /// <summary>E.g. <c>MALFORMED_QUERY</c>, <c>INVALID_INPUT</c>, <c>QUERY_EXECUTION_NOT_FOUND</c>.</summary>
    public string? AthenaErrorCode { get; } = athenaErrorCode;
}
