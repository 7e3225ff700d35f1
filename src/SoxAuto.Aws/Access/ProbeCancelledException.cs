namespace SoxAuto.Aws.Access;

/// <summary>
/// A probe was cancelled — by the user, or by its own time bound — and learned something on the way out that the
/// timeout report must say instead of the probe's fixed <see cref="IAccessProbe.TimeoutFix"/> (for example, whether
/// the query it started could be stopped). Still an <see cref="OperationCanceledException"/>, so Ctrl+C stays Ctrl+C.
/// </summary>
public sealed class ProbeCancelledException(string timeoutFix, Exception innerException, CancellationToken cancellationToken)
    : OperationCanceledException("the probe was cancelled", innerException, cancellationToken)
{
    /// <summary>What to do, when the cancellation turns out to be the probe's own time bound running out.</summary>
    public string TimeoutFix { get; } = timeoutFix;
}
