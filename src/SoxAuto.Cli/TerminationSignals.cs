using System.Runtime.InteropServices;

namespace SoxAuto.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM, handled here rather than by System.CommandLine so that a cancellation is known to be
/// the user's: the signal cancels <see cref="Token"/> (running queries are stopped, temporary files removed) and
/// starts the clean-up grace period. An <see cref="OperationCanceledException"/> without a signal is then a library's
/// time-out — a runtime failure, not exit 130.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration[] _registrations;

    public TerminationSignals(CancellationToken outer)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by a signal or by the caller's token.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Whether the run was asked to stop (a signal, or the caller's token).</summary>
    public bool StopRequested => _cancel.IsCancellationRequested;

    /// <summary>Completes <paramref name="grace"/> after the first signal; never without one.</summary>
    public async Task GraceExpiredAsync(TimeSpan grace)
    {
        await _received.Task;
        await Task.Delay(grace);
    }

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The first signal keeps the process alive so the work can stop itself through the token, within the grace
        // period; a second one is left to the system's default and ends the process at once, as users expect.
        if (!_received.TrySetResult())
        {
            return;
        }

        context.Cancel = true;
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run has already ended.
        }
    }
}
