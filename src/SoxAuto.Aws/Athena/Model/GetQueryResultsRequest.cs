namespace SoxAuto.Aws.Athena.Model;

/// <summary>AmazonAthena.GetQueryResults. MaxResults is 1..1000 and counts the header row of page 1.</summary>
public sealed record GetQueryResultsRequest
{
    public required string QueryExecutionId { get; init; }

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}
