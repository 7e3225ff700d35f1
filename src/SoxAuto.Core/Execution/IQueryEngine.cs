namespace SoxAuto.Core.Execution;

/// <summary>
/// The port through which Core runs SQL (Athena in production, an emulator locally). Implementations retry transient
/// errors, poll to a terminal state, and stop the query if the token is cancelled.
/// </summary>
public interface IQueryEngine
{
    /// <summary>Runs the query to SUCCEEDED; throws <see cref="QueryFailedException"/> when it fails or is cancelled by the engine.</summary>
    Task<QueryExecutionInfo> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken);

    /// <summary>The columns of a succeeded query, in result order.</summary>
    Task<IReadOnlyList<ResultColumn>> GetColumnsAsync(QueryExecutionInfo execution, CancellationToken cancellationToken);

    /// <summary>Opens the result's bytes (the result file, or API pages rendered in the same CSV dialect).</summary>
    Task<OpenedResult> OpenResultAsync(QueryExecutionInfo execution, IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken);
}
