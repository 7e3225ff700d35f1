namespace SoxAuto.Aws.Athena.Model;

/// <summary>The workgroup.</summary>
public sealed record GetWorkGroupResponse
{
    public required WorkGroup WorkGroup { get; init; }
}
