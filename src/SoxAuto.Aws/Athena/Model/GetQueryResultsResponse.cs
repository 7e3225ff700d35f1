namespace SoxAuto.Aws.Athena.Model;

/// <summary>A page of results; NextToken is null on the last page.</summary>
public sealed record GetQueryResultsResponse
{
    public required ResultSet ResultSet { get; init; }

    public string? NextToken { get; init; }

    public long? UpdateCount { get; init; }
}
