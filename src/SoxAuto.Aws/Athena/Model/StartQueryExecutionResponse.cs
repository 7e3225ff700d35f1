namespace SoxAuto.Aws.Athena.Model;

/// <summary>The id of the started (or, for a repeated token, the earlier) execution.</summary>
public sealed record StartQueryExecutionResponse
{
    public required string QueryExecutionId { get; init; }
}
