using System.Runtime.InteropServices;

namespace SoxAuto.Cli;

/// <summary>
/// Notes whether the user asked the process to stop (SIGINT, SIGTERM) without handling the signal: System.CommandLine
/// does that, cancelling the run's token. Knowing it lets an <see cref="OperationCanceledException"/> be told apart:
/// cancelled by the user (exit 130) or a time-out inside a library (a runtime failure, exit 3).
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;
    private volatile bool _received;

    public TerminationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => _received = true),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => _received = true),
        ];
    }

    public bool Received => _received;

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
