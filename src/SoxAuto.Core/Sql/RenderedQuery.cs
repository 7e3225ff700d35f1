namespace SoxAuto.Core.Sql;

/// <summary>
/// A query ready for Athena: <see cref="QueryString"/> with positional <c>?</c> markers, and the
/// <see cref="ExecutionParameters"/> (Athena literal text, one per marker, in order) — exactly what is sent and recorded.
/// </summary>
public sealed record RenderedQuery(string QueryString, IReadOnlyList<string> ExecutionParameters, IReadOnlyList<BoundParameter> Parameters);
