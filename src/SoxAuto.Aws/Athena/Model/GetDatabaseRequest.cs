namespace SoxAuto.Aws.Athena.Model;

/// <summary>AmazonAthena.GetDatabase.</summary>
public sealed record GetDatabaseRequest
{
    public required string CatalogName { get; init; }

    public required string DatabaseName { get; init; }

    public string? WorkGroup { get; init; }
}
