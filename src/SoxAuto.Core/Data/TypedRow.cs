using System.Text;

namespace SoxAuto.Core.Data;

/// <summary>
/// One row of the result, decoded to its declared column types. It is a view: a consumer is handed the same object
/// for every row, repositioned (no allocation per row or value), so it is valid only during the
/// <see cref="IRowConsumer.Consume"/> call it is passed to. Values were validated when the row was decoded.
/// </summary>
public sealed class TypedRow
{
    private RowBlock _block = null!;
    private int _row;
    private int _first;

    internal TypedRow(ResultSchema schema)
    {
        Schema = schema;
    }

    public ResultSchema Schema { get; }

    /// <summary>1-based number of the data row (the header is not counted).</summary>
    public long Number => _block.FirstRow + _row;

    public int Count => _block.Columns;

    public bool IsNull(int column) => _block.Fields[_first + column].IsNull;

    /// <summary>The value's text exactly as Athena rendered it (quotes removed, <c>""</c> collapsed), UTF-8.</summary>
    public ReadOnlySpan<byte> Text(int column)
    {
        ref CsvField field = ref _block.Fields[_first + column];
        return (field.HasEscapedQuotes ? _block.Unescaped : _block.Buffer).AsSpan(field.Start, field.Length);
    }

    /// <summary>The value's canonical text as CDH-1 defines it (docs/evidence-format.md). Undefined for NULL.</summary>
    public ReadOnlySpan<byte> Canonical(int column)
    {
        int index = _first + column;
        int length = _block.CanonicalLength[index];
        return length < 0 ? Text(column) : _block.Canonical.AsSpan(_block.CanonicalStart[index], length);
    }

    public string GetString(int column) => Encoding.UTF8.GetString(Text(column));

    /// <summary>Integer columns.</summary>
    public long GetInt64(int column) => _block.Integers[column][_row];

    /// <summary>Decimal columns (exact); integer columns read as decimals with scale 0.</summary>
    public ScaledDecimal GetDecimal(int column) =>
        _block.Decimals[column] is { } decimals ? decimals[_row] : new ScaledDecimal(_block.Integers[column][_row], 0);

    public double GetDouble(int column) => _block.Doubles[column][_row];

    public bool GetBoolean(int column) => _block.Integers[column][_row] != 0;

    public DateOnly GetDate(int column) => DateOnly.FromDayNumber(checked((int)_block.Integers[column][_row]));

    /// <summary>Timestamp columns, truncated to 100 ns (the canonical text keeps every digit).</summary>
    public DateTime GetTimestamp(int column) => new(_block.Integers[column][_row], DateTimeKind.Unspecified);

    internal void MoveTo(RowBlock block, int row)
    {
        _block = block;
        _row = row;
        _first = row * block.Columns;
    }
}
