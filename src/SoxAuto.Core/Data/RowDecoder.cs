using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;

namespace SoxAuto.Core.Data;

/// <summary>
/// Decodes one parsed row into its block: every value validated against its declared type and stored typed, and its
/// CDH-1 canonical text recorded when it differs from the text as rendered. A value that is not its declared type
/// raises <see cref="DataValueException"/> naming the row and column — never coerced or rounded.
/// </summary>
internal sealed class RowDecoder(ResultSchema schema)
{
    private readonly ColumnKind[] _kinds = schema.Columns.Select(c => c.Type.Kind).ToArray();
    private readonly AthenaType[] _types = schema.Columns.Select(c => c.Type).ToArray();

    public void Decode(RowBlock block, int row)
    {
        int columns = block.Columns;
        int first = row * columns;
        for (int column = 0; column < columns; column++)
        {
            int index = first + column;
            ref CsvField field = ref block.Fields[index];
            if (field.HasEscapedQuotes)
            {
                Unescape(block, ref field);
            }

            block.CanonicalLength[index] = -1;
            if (!field.IsNull)
            {
                Decode(block, row, column, index, ref field);
            }
        }
    }

    private void Decode(RowBlock block, int row, int column, int index, ref CsvField field)
    {
        ReadOnlySpan<byte> text = (field.HasEscapedQuotes ? block.Unescaped : block.Buffer).AsSpan(field.Start, field.Length);
        AthenaType type = _types[column];
        switch (_kinds[column])
        {
            case ColumnKind.String:
                // UTF-8 validity is checked once per block over all its bytes (ValidateUtf8), not value by value.
                break;
            case ColumnKind.Integer:
                if (!ValueParsers.TryInteger(text, type.IntegerBits, out long integer))
                {
                    Fail(block, row, column, $"'{Shown(text)}' is not a {type.Text}");
                }

                block.Integers[column][row] = integer;
                if (!IsCanonicalInteger(text))
                {
                    Span<byte> target = Reserve(block, index, 20);
                    Utf8Formatter.TryFormat(integer, target, out int written);
                    Commit(block, index, written);
                }

                break;
            case ColumnKind.Decimal:
                if (!ScaledDecimal.TryParseExact(text, type.Precision, type.Scale, out ScaledDecimal amount))
                {
                    Fail(block, row, column, $"'{Shown(text)}' is not a {type.Text} (a plain number with at most {type.Precision - type.Scale} digit(s) before the point and {type.Scale} after; never rounded)");
                }

                block.Decimals[column][row] = amount;
                if (!IsCanonicalDecimal(text, type.Scale, amount))
                {
                    string canonical = amount.ToString();
                    Span<byte> target = Reserve(block, index, canonical.Length);
                    Commit(block, index, Encoding.ASCII.GetBytes(canonical, target));
                }

                break;
            case ColumnKind.Double:
                if (!ValueParsers.TryDouble(text, type.IsSinglePrecision, out double number))
                {
                    Fail(block, row, column, $"'{Shown(text)}' is not a {type.Text}");
                }

                block.Doubles[column][row] = number;

                // CDH-1: 16 lowercase hex digits of the binary64 bits; -0.0 as 0.0; every NaN as 7ff8000000000000.
                ulong bits = double.IsNaN(number) ? 0x7ff8000000000000UL : BitConverter.DoubleToUInt64Bits(number == 0 ? 0.0 : number);
                Span<byte> hex = Reserve(block, index, 16);
                Utf8Formatter.TryFormat(bits, hex, out int hexLength, new System.Buffers.StandardFormat('x', 16));
                Commit(block, index, hexLength);
                break;
            case ColumnKind.Boolean:
                if (!ValueParsers.TryBoolean(text, out bool flag))
                {
                    Fail(block, row, column, $"'{Shown(text)}' is not a boolean (true or false)");
                }

                block.Integers[column][row] = flag ? 1 : 0;
                break;
            case ColumnKind.Date:
                if (!ValueParsers.TryDate(text, out DateOnly date))
                {
                    Fail(block, row, column, $"'{Shown(text)}' is not a date (YYYY-MM-DD)");
                }

                block.Integers[column][row] = date.DayNumber;
                break;
            case ColumnKind.Timestamp:
                if (!ValueParsers.TryTimestamp(text, type.Scale, out DateTime timestamp, out _))
                {
                    Fail(block, row, column, $"'{Shown(text)}' is not a {type.Text} (YYYY-MM-DD HH:MM:SS with at most {type.Scale} fractional digits)");
                }

                block.Integers[column][row] = timestamp.Ticks;
                WriteCanonicalTimestamp(block, index, text);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Checks that the block's rows are valid UTF-8 in one vectorised pass over their bytes (separators and quotes are
    /// ASCII, so this is the same as checking each value); on failure finds the first offending value to name it.
    /// </summary>
    public void ValidateUtf8(RowBlock block, int start, int length)
    {
        if (Utf8.IsValid(block.Buffer.AsSpan(start, length)))
        {
            return;
        }

        for (int row = 0; row < block.RowCount; row++)
        {
            for (int column = 0; column < block.Columns; column++)
            {
                ref CsvField field = ref block.Fields[(row * block.Columns) + column];
                ReadOnlySpan<byte> text = (field.HasEscapedQuotes ? block.Unescaped : block.Buffer).AsSpan(field.Start, field.Length);
                if (!field.IsNull && !Utf8.IsValid(text))
                {
                    Fail(block, row, column, "the text is not valid UTF-8");
                }
            }
        }

        throw new CsvFormatException(block.FirstRow + 1, start, "the bytes are not valid UTF-8");
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

    // CDH-1: YYYY-MM-DDTHH:MM:SS, then '.' and the fraction without trailing zeros, only when the fraction is not zero.
    private static void WriteCanonicalTimestamp(RowBlock block, int index, ReadOnlySpan<byte> text)
    {
        Span<byte> target = Reserve(block, index, text.Length);
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

        Commit(block, index, length);
    }

    private static Span<byte> Reserve(RowBlock block, int index, int size)
    {
        if (block.CanonicalUsed + size > block.Canonical.Length)
        {
            byte[] larger = new byte[Math.Max(block.Canonical.Length * 2, block.CanonicalUsed + size)];
            block.Canonical.AsSpan(0, block.CanonicalUsed).CopyTo(larger);
            block.Canonical = larger;
        }

        block.CanonicalStart[index] = block.CanonicalUsed;
        return block.Canonical.AsSpan(block.CanonicalUsed, size);
    }

    private static void Commit(RowBlock block, int index, int length)
    {
        block.CanonicalLength[index] = length;
        block.CanonicalUsed += length;
    }

    private static void Unescape(RowBlock block, ref CsvField field)
    {
        ReadOnlySpan<byte> raw = block.Buffer.AsSpan(field.Start, field.Length);
        if (block.UnescapedUsed + raw.Length > block.Unescaped.Length)
        {
            byte[] larger = new byte[Math.Max(block.Unescaped.Length * 2, block.UnescapedUsed + raw.Length)];
            block.Unescaped.AsSpan(0, block.UnescapedUsed).CopyTo(larger);
            block.Unescaped = larger;
        }

        int start = block.UnescapedUsed;
        int used = start;
        for (int i = 0; i < raw.Length; i++)
        {
            block.Unescaped[used++] = raw[i];
            if (raw[i] == (byte)'"')
            {
                i++; // the second quote of a doubled pair
            }
        }

        block.UnescapedUsed = used;
        field.Start = start;
        field.Length = used - start;
    }

    private void Fail(RowBlock block, int row, int column, string problem) =>
        throw new DataValueException(block.FirstRow + row, schema.Columns[column].Name, _types[column].Text, problem);

    // Enough of the offending value to find it, never a whole (possibly sensitive) text.
    private static string Shown(ReadOnlySpan<byte> text)
    {
        string value = Encoding.UTF8.GetString(text.Length > 40 ? text[..40] : text);
        return text.Length > 40 ? value + "…" : value;
    }
}
