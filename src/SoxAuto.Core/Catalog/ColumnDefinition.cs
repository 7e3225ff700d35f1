using SoxAuto.Core.Data;

namespace SoxAuto.Core.Catalog;

/// <summary>An output column as the catalog declares it: Athena must return exactly these names, types and order.</summary>
public sealed record ColumnDefinition(
    string Name,
    AthenaType Type,
    bool IsKey,
    bool IsCritical,
    bool IsNullable,
    string? Description,
    SourceLocation Location);
