namespace SoxAuto.Aws.Athena.Model;

/// <summary>The database.</summary>
public sealed record GetDatabaseResponse
{
    public required Database Database { get; init; }
}
