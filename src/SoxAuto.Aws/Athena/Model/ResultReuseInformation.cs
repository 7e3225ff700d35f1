namespace SoxAuto.Aws.Athena.Model;

/// <summary>Whether Athena answered from an earlier result.</summary>
public sealed record ResultReuseInformation
{
    public bool ReusedPreviousResult { get; init; }
}
