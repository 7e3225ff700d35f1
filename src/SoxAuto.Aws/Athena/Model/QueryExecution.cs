namespace SoxAuto.Aws.Athena.Model;

/// <summary>One execution as GetQueryExecution reports it.</summary>
public sealed record QueryExecution
{
    public required string QueryExecutionId { get; init; }

    public string? Query { get; init; }

    public string? StatementType { get; init; }

    public string? SubstatementType { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public required QueryExecutionStatus Status { get; init; }

    public QueryExecutionStatistics? Statistics { get; init; }

    public string? WorkGroup { get; init; }

    public EngineVersion? EngineVersion { get; init; }

    public ManagedQueryResultsConfiguration? ManagedQueryResultsConfiguration { get; init; }
}
