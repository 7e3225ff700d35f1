namespace SoxAuto.Core.Execution;

/// <summary>A query reached FAILED or CANCELLED; <see cref="Execution"/> records what the engine said.</summary>
public sealed class QueryFailedException(QueryExecutionInfo execution, string message) : Exception(message)
{
    public QueryExecutionInfo Execution { get; } = execution;
}
