namespace SoxAuto.Core.Execution;

/// <summary>
/// One query to run: the exact text and execution parameters to send, the database it runs in, and what it is for
/// (an item's main query, or a check's source query) so that logs and evidence can say so.
/// </summary>
public sealed record QueryRequest(
    string Purpose,
    string QueryString,
    IReadOnlyList<string> ExecutionParameters,
    string? Database,
    string Catalog);
