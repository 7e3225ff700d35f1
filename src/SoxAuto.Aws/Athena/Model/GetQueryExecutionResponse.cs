namespace SoxAuto.Aws.Athena.Model;

/// <summary>The execution's current state.</summary>
public sealed record GetQueryExecutionResponse
{
    public required QueryExecution QueryExecution { get; init; }
}
