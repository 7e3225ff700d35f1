namespace SoxAuto.Core.Data;

/// <summary>
/// A value is not of its column's declared type (a date that is not a date, a decimal with more digits than its
/// scale). It is never coerced or rounded: the item is an ERROR naming the row and column.
/// </summary>
public sealed class DataValueException(long row, string column, string declaredType, string problem)
    : Exception($"row {row}, column {column} ({declaredType}): {problem}")
{
    /// <summary>1-based data row (the header is not counted).</summary>
    public long Row { get; } = row;

    public string Column { get; } = column;

    public string DeclaredType { get; } = declaredType;
}
