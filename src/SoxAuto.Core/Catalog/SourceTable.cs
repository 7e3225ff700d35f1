namespace SoxAuto.Core.Catalog;

/// <summary>A source object the query reads: its Athena name and the SQL Server object it was ported from.</summary>
public sealed record SourceTable(string Athena, string? SqlServer, SourceLocation Location);
