namespace SoxAuto.Aws.Access;

/// <summary>All probe outcomes in order. OK when nothing failed (a probe skipped because it was not asked for is fine).</summary>
public sealed record AccessReport(IReadOnlyList<ProbeResult> Results)
{
    public bool Ok => Results.All(r => r.Status != ProbeStatus.Fail);
}
