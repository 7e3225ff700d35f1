namespace SoxAuto.Core.Sql;

/// <summary>A query that cannot be rendered for Athena (a parameter without a value, a value Athena would refuse).</summary>
public sealed class QueryRenderException(string message) : Exception(message);
