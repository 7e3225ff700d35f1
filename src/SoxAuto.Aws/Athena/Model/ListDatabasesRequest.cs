namespace SoxAuto.Aws.Athena.Model;

/// <summary>AmazonAthena.ListDatabases (paged, at most 50).</summary>
public sealed record ListDatabasesRequest
{
    public required string CatalogName { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    public string? WorkGroup { get; init; }
}
