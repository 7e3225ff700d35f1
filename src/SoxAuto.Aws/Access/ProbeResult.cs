namespace SoxAuto.Aws.Access;

/// <summary>One probe's outcome: what was found and, on FAIL, what to do about it. Never holds a secret.</summary>
public sealed record ProbeResult(string Name, ProbeStatus Status, string Detail, string? Fix = null)
{
    public static ProbeResult Pass(string name, string detail) => new(name, ProbeStatus.Pass, detail);

    public static ProbeResult Fail(string name, string detail, string fix) => new(name, ProbeStatus.Fail, detail, fix);

    public static ProbeResult Skipped(string name, string detail) => new(name, ProbeStatus.Skipped, detail);
}
