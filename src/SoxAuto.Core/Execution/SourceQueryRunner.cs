using SoxAuto.Core.Data;
using SoxAuto.Core.Sql;
using SoxAuto.Core.Validation;

namespace SoxAuto.Core.Execution;

/// <summary>
/// Runs one check's independent source query and reads its (small) result. A failure becomes a result carrying the
/// error — the check then reports ERROR — rather than failing the item; cancellation still propagates.
/// </summary>
internal static class SourceQueryRunner
{
    private const int MaxRows = 100_000;

    public static async Task<SourceQueryResult> RunAsync(IQueryEngine engine, string checkId, QueryRequest request, CancellationToken cancellationToken)
    {
        QueryExecutionInfo? execution = null;
        IReadOnlyList<ResultColumn> columns = [];
        try
        {
            execution = await engine.ExecuteAsync(request, cancellationToken);
            columns = await engine.GetColumnsAsync(execution, cancellationToken);
            ResultSchema schema = new(columns.Select(c => new ColumnSchema(c.Name,
                AthenaType.TryParse(c.Type, out AthenaType? type, out _) ? type : AthenaType.Varchar)).ToArray());
            MaterializingConsumer rows = new(MaxRows);
            await using (OpenedResult result = await engine.OpenResultAsync(execution, columns, cancellationToken))
            {
                await ResultReader.ReadAsync(result.Content, schema, [rows], [], cancellationToken, 64 * 1024);
            }

            return new SourceQueryResult(checkId, request.QueryString, request.ExecutionParameters, execution, columns, rows.Rows, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            QueryExecutionInfo? failed = (ex as QueryFailedException)?.Execution ?? execution;
            return new SourceQueryResult(checkId, request.QueryString, request.ExecutionParameters, failed, columns, [], ex.Message);
        }
    }

    public static QueryRequest Request(string purpose, RenderedQuery rendered, string? database, string catalog) =>
        new(purpose, rendered.QueryString, rendered.ExecutionParameters, database, catalog);
}
