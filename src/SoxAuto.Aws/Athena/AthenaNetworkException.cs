namespace SoxAuto.Aws.Athena;

/// <summary>No answer arrived: connection refused or reset, DNS failure, or a timeout. Retried.</summary>
public sealed class AthenaNetworkException(string message, Exception innerException)
    : AthenaException("NetworkError", message, null, null, innerException)
{
    public override bool IsRetryable => true;
}
