namespace SoxAuto.Aws.Athena.Model;

/// <summary>AmazonAthena.StopQueryExecution (idempotent).</summary>
public sealed record StopQueryExecutionRequest
{
    public required string QueryExecutionId { get; init; }
}
