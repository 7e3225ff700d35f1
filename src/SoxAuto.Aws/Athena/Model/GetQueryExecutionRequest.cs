namespace SoxAuto.Aws.Athena.Model;

/// <summary>AmazonAthena.GetQueryExecution.</summary>
public sealed record GetQueryExecutionRequest
{
    public required string QueryExecutionId { get; init; }
}
