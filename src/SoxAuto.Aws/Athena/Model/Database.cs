namespace SoxAuto.Aws.Athena.Model;

/// <summary>A database of the data catalog.</summary>
public sealed record Database
{
    public required string Name { get; init; }

    public string? Description { get; init; }
}
