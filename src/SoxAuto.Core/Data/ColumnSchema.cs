namespace SoxAuto.Core.Data;

/// <summary>A result column: its name and declared type.</summary>
public sealed record ColumnSchema(string Name, AthenaType Type);
