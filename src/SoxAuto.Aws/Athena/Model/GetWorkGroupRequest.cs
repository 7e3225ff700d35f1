namespace SoxAuto.Aws.Athena.Model;

/// <summary>AmazonAthena.GetWorkGroup.</summary>
public sealed record GetWorkGroupRequest
{
    public required string WorkGroup { get; init; }
}
