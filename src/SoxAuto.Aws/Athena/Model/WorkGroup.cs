namespace SoxAuto.Aws.Athena.Model;

/// <summary>An Athena workgroup.</summary>
public sealed record WorkGroup
{
    public required string Name { get; init; }

    public string? State { get; init; }

    public string? Description { get; init; }

    public WorkGroupConfiguration? Configuration { get; init; }
}
