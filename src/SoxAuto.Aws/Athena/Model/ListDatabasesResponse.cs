namespace SoxAuto.Aws.Athena.Model;

/// <summary>A page of databases.</summary>
public sealed record ListDatabasesResponse
{
    public IReadOnlyList<Database> DatabaseList { get; init; } = [];

    public string? NextToken { get; init; }
}
