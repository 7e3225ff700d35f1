namespace SoxAuto.Aws.Access;

/// <summary>One check of <c>soxauto test-access</c>. Probes run in order; each names the earlier probes it needs.</summary>
public interface IAccessProbe
{
    string Name { get; }

    /// <summary>Earlier probes that must have passed (or been skipped for a harmless reason) for this one to run.</summary>
    IReadOnlyList<string> Needs { get; }

    /// <summary>How long the probe may take before it is reported as FAIL ("no answer").</summary>
    TimeSpan Timeout { get; }

    /// <summary>What to do when the probe runs out of time.</summary>
    string TimeoutFix { get; }

    Task<ProbeResult> RunAsync(AccessProbeContext context, CancellationToken cancellationToken);
}
