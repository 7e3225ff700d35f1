using SoxAuto.Core.Execution;

namespace SoxAuto.Core.Validation;

/// <summary>
/// What a check's source query returned: its execution, its columns and its rows (values as Athena rendered them;
/// null is NULL) — or, when it could not run, the error. Source query results are small (counts, totals per group).
/// </summary>
public sealed record SourceQueryResult(
    string CheckId,
    string QueryString,
    IReadOnlyList<string> ExecutionParameters,
    QueryExecutionInfo? Execution,
    IReadOnlyList<ResultColumn> Columns,
    IReadOnlyList<IReadOnlyList<string?>> Rows,
    string? Error);
