using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;

namespace SoxAuto.Core.Data;

/// <summary>
/// One row of the result, decoded to its declared column types. A single instance is reused for every row (no
/// allocation per row or value): it is valid only during the <see cref="IRowConsumer.Consume"/> call it is passed to.
/// Values are validated on decoding — a value that is not its declared type raises <see cref="DataValueException"/>.
/// </summary>
public sealed class TypedRow
{
    private readonly ResultSchema _schema;
    private readonly ColumnKind[] _kinds;
    private readonly long[] _integers;
    private readonly ScaledDecimal[] _decimals;
    private readonly double[] _doubles;
    private readonly int[] _canonicalStart;
    private readonly int[] _canonicalLength;
    private readonly CsvField[] _fields;
    private byte[] _buffer = [];
    private byte[] _unescaped = new byte[256];
    private int _unescapedLength;
    private byte[] _canonical = new byte[256];
    private int _canonicalUsed;

    internal TypedRow(ResultSchema schema)
    {
        _schema = schema;
        int count = schema.Count;
        _kinds = schema.Columns.Select(c => c.Type.Kind).ToArray();
        _fields = new CsvField[count];
        _integers = new long[count];
        _decimals = new ScaledDecimal[count];
        _doubles = new double[count];
        _canonicalStart = new int[count];
        _canonicalLength = new int[count];
    }

    public ResultSchema Schema => _schema;

    /// <summary>1-based number of the data row (the header is not counted).</summary>
    public long Number { get; private set; }

    public int Count => _kinds.Length;

    public bool IsNull(int column) => _fields[column].IsNull;

    /// <summary>The value's text exactly as Athena rendered it (quotes removed, <c>""</c> collapsed), UTF-8.</summary>
    public ReadOnlySpan<byte> Text(int column)
    {
        ref CsvField field = ref _fields[column];
        return field.HasEscapedQuotes
            ? _unescaped.AsSpan(field.Start, field.Length)
            : _buffer.AsSpan(field.Start, field.Length);
    }

    /// <summary>The value's canonical text as CDH-1 defines it (docs/evidence-format.md). Undefined for NULL.</summary>
    public ReadOnlySpan<byte> Canonical(int column) =>
        _canonicalLength[column] < 0 ? Text(column) : _canonical.AsSpan(_canonicalStart[column], _canonicalLength[column]);

    public string GetString(int column) => Encoding.UTF8.GetString(Text(column));

    /// <summary>Integer columns.</summary>
    public long GetInt64(int column) => _integers[column];

    /// <summary>Decimal columns (exact); integer columns read as decimals with scale 0.</summary>
    public ScaledDecimal GetDecimal(int column) =>
        _kinds[column] == ColumnKind.Integer ? new ScaledDecimal(_integers[column], 0) : _decimals[column];

    public double GetDouble(int column) => _doubles[column];

    public bool GetBoolean(int column) => _integers[column] != 0;

    public DateOnly GetDate(int column) => DateOnly.FromDayNumber(checked((int)_integers[column]));

    /// <summary>Timestamp columns, truncated to 100 ns (the canonical text keeps every digit).</summary>
    public DateTime GetTimestamp(int column) => new(_integers[column], DateTimeKind.Unspecified);

    /// <summary>Points the row at newly parsed fields and decodes every value; throws on a value of the wrong type.</summary>
    internal void Load(long number, byte[] buffer, ReadOnlySpan<CsvField> fields)
    {
        Number = number;
        _buffer = buffer;
        fields.CopyTo(_fields);
        _unescapedLength = 0;
        _canonicalUsed = 0;
        for (int i = 0; i < _kinds.Length; i++)
        {
            ref CsvField field = ref _fields[i];
            if (field.HasEscapedQuotes)
            {
                Unescape(ref field);
            }

            _canonicalLength[i] = -1;
            if (!field.IsNull)
            {
                Decode(i);
            }
        }
    }

    private void Decode(int column)
    {
        ReadOnlySpan<byte> text = Text(column);
        AthenaType type = _schema.Columns[column].Type;
        switch (_kinds[column])
        {
            case ColumnKind.String:
                if (!Utf8.IsValid(text))
                {
                    Fail(column, "the text is not valid UTF-8");
                }

                break;
            case ColumnKind.Integer:
                if (!ValueParsers.TryInteger(text, type.IntegerBits, out long integer))
                {
                    Fail(column, $"'{Shown(text)}' is not a {type.Text}");
                }

                _integers[column] = integer;
                if (!IsCanonicalInteger(text))
                {
                    WriteCanonicalInteger(column, integer);
                }

                break;
            case ColumnKind.Decimal:
                if (!ScaledDecimal.TryParseExact(text, type.Precision, type.Scale, out ScaledDecimal amount))
                {
                    Fail(column, $"'{Shown(text)}' is not a {type.Text} (a plain number with at most {type.Precision - type.Scale} digit(s) before the point and {type.Scale} after; never rounded)");
                }

                _decimals[column] = amount;
                if (!IsCanonicalDecimal(text, type.Scale, amount))
                {
                    WriteCanonicalAscii(column, amount.ToString());
                }

                break;
            case ColumnKind.Double:
                if (!ValueParsers.TryDouble(text, type.Text == "real" || type.Text == "float", out double number))
                {
                    Fail(column, $"'{Shown(text)}' is not a {type.Text}");
                }

                _doubles[column] = number;
                WriteCanonicalDouble(column, number);
                break;
            case ColumnKind.Boolean:
                if (!ValueParsers.TryBoolean(text, out bool flag))
                {
                    Fail(column, $"'{Shown(text)}' is not a boolean (true or false)");
                }

                _integers[column] = flag ? 1 : 0;
                break;
            case ColumnKind.Date:
                if (!ValueParsers.TryDate(text, out DateOnly date))
                {
                    Fail(column, $"'{Shown(text)}' is not a date (YYYY-MM-DD)");
                }

                _integers[column] = date.DayNumber;
                break;
            case ColumnKind.Timestamp:
                if (!ValueParsers.TryTimestamp(text, type.Scale, out DateTime timestamp, out _))
                {
                    Fail(column, $"'{Shown(text)}' is not a {type.Text} (YYYY-MM-DD HH:MM:SS with at most {type.Scale} fractional digits)");
                }

                _integers[column] = timestamp.Ticks;
                WriteCanonicalTimestamp(column, text);
                break;
            default:
                break;
        }
    }

    private static bool IsCanonicalInteger(ReadOnlySpan<byte> text) =>
        text[0] != (byte)'+' && (text[0] != (byte)'0' || text.Length == 1) && !(text.Length > 1 && text[0] == (byte)'-' && text[1] == (byte)'0');

    // Athena writes decimals at full scale (12.30), so the raw text is usually already canonical.
    private static bool IsCanonicalDecimal(ReadOnlySpan<byte> text, int scale, ScaledDecimal amount)
    {
        int start = text[0] == (byte)'-' ? 1 : 0;
        if (text[0] == (byte)'+' || (start == 1 && amount.IsZero))
        {
            return false;
        }

        int point = text.IndexOf((byte)'.');
        int integerDigits = point < 0 ? text.Length - start : point - start;
        int fractionDigits = point < 0 ? 0 : text.Length - point - 1;
        return fractionDigits == scale && (integerDigits == 1 || text[start] != (byte)'0');
    }

    private void WriteCanonicalInteger(int column, long value)
    {
        Span<byte> target = Reserve(column, 20);
        Utf8Formatter.TryFormat(value, target, out int written);
        _canonicalLength[column] = written;
        _canonicalUsed += written;
    }

    private void WriteCanonicalAscii(int column, string text)
    {
        Span<byte> target = Reserve(column, text.Length);
        int written = Encoding.ASCII.GetBytes(text, target);
        _canonicalLength[column] = written;
        _canonicalUsed += written;
    }

    // CDH-1: 16 lowercase hex digits of the binary64 bits; -0.0 as 0.0; every NaN as 7ff8000000000000.
    private void WriteCanonicalDouble(int column, double value)
    {
        ulong bits = double.IsNaN(value) ? 0x7ff8000000000000UL : BitConverter.DoubleToUInt64Bits(value == 0 ? 0.0 : value);
        Span<byte> target = Reserve(column, 16);
        Utf8Formatter.TryFormat(bits, target, out int written, new System.Buffers.StandardFormat('x', 16));
        _canonicalLength[column] = written;
        _canonicalUsed += written;
    }

    // CDH-1: YYYY-MM-DDTHH:MM:SS, then '.' and the fraction without trailing zeros, only when the fraction is not zero.
    private void WriteCanonicalTimestamp(int column, ReadOnlySpan<byte> text)
    {
        Span<byte> target = Reserve(column, text.Length);
        text[..19].CopyTo(target);
        target[10] = (byte)'T';
        int length = 19;
        if (text.Length > 20)
        {
            ReadOnlySpan<byte> fraction = text[20..].TrimEnd((byte)'0');
            if (fraction.Length > 0)
            {
                target[19] = (byte)'.';
                fraction.CopyTo(target[20..]);
                length = 20 + fraction.Length;
            }
        }

        _canonicalLength[column] = length;
        _canonicalUsed += length;
    }

    private Span<byte> Reserve(int column, int size)
    {
        if (_canonicalUsed + size > _canonical.Length)
        {
            Array.Resize(ref _canonical, Math.Max(_canonical.Length * 2, _canonicalUsed + size));
        }

        _canonicalStart[column] = _canonicalUsed;
        return _canonical.AsSpan(_canonicalUsed, size);
    }

    private void Unescape(ref CsvField field)
    {
        ReadOnlySpan<byte> raw = _buffer.AsSpan(field.Start, field.Length);
        if (_unescapedLength + raw.Length > _unescaped.Length)
        {
            Array.Resize(ref _unescaped, Math.Max(_unescaped.Length * 2, _unescapedLength + raw.Length));
        }

        int start = _unescapedLength;
        for (int i = 0; i < raw.Length; i++)
        {
            _unescaped[_unescapedLength++] = raw[i];
            if (raw[i] == (byte)'"')
            {
                i++; // the second quote of a doubled pair
            }
        }

        field.Start = start;
        field.Length = _unescapedLength - start;
    }

    private void Fail(int column, string problem) =>
        throw new DataValueException(Number, _schema.Columns[column].Name, _schema.Columns[column].Type.Text, problem);

    // Enough of the offending value to find it, never a whole (possibly sensitive) text.
    private static string Shown(ReadOnlySpan<byte> text)
    {
        string value = Encoding.UTF8.GetString(text.Length > 40 ? text[..40] : text);
        return text.Length > 40 ? value + "…" : value;
    }
}
