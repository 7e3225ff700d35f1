namespace SoxAuto.Aws.Access;

/// <summary>The outcome of one access probe.</summary>
public enum ProbeStatus
{
    Pass,
    Fail,
    Skipped,
}
