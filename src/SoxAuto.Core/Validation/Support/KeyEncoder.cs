using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using SoxAuto.Core.Data;
using SoxAuto.Core.Expressions;

namespace SoxAuto.Core.Validation.Support;

/// <summary>
/// Encodes typed values into bytes that compare like the values: equal bytes exactly when the values are equal
/// (1.5 = 1.50 within a column, since a column has one scale; NULL = NULL), and byte order = value order — numbers
/// numerically, text by UTF-8 bytes (Trino's varchar order), dates and timestamps in time, false &lt; true, NULL after
/// everything (Trino's default NULLS LAST). Each column's encoding delimits itself (fixed width, or text with 0x00
/// escaped and a 0x00 0x00 terminator), so a concatenation compares column by column. Used for key order, key sets,
/// group keys and witness keys; values written as text (witnesses, source query rows) are first read as the column's
/// type, so a witness "239726184" finds a bigint 239726184 and "239726184.00" a decimal(38,2).
/// </summary>
internal static class KeyEncoder
{
    private const byte Present = 1;
    private const byte Null = 2;

    // A value that is valid but cannot be a value of the column (2.5 for a bigint): it equals no row's value.
    private const byte Impossible = 3;

    public static void Append(KeyBuffer key, TypedRow row, int column, AthenaType type)
    {
        if (row.IsNull(column))
        {
            key.Append(Null);
            return;
        }

        key.Append(Present);
        switch (type.Kind)
        {
            case ColumnKind.Integer:
                WriteInt128(key, row.GetInt64(column));
                break;
            case ColumnKind.Decimal:
                WriteInt128(key, row.GetDecimal(column).Unscaled);
                break;
            case ColumnKind.Double:
                WriteDouble(key, row.GetDouble(column));
                break;
            case ColumnKind.Boolean:
                key.Append(row.GetBoolean(column) ? (byte)1 : (byte)0);
                break;
            case ColumnKind.Date:
                WriteInt64(key, row.GetDate(column).DayNumber);
                break;
            case ColumnKind.Timestamp:
                WriteTemporal(key, new Temporal(row.GetTimestamp(column).Ticks, type.Scale > 7 ? TemporalParser.Picoseconds(row.Text(column)) : 0), type);
                break;
            default:
                WriteText(key, IsChar(type) ? row.Text(column).TrimEnd((byte)' ') : row.Text(column));
                break;
        }
    }

    /// <summary>
    /// Encodes <paramref name="text"/> (null = NULL) read as a value of <paramref name="type"/>. Returns an error when
    /// the text is no value of that type at all ("abc" for a bigint); a value the column cannot hold (2.5 for a bigint,
    /// 12:00 for a date) is encoded so that it equals no row.
    /// </summary>
    public static string? AppendText(KeyBuffer key, string? text, AthenaType type)
    {
        if (text is null)
        {
            key.Append(Null);
            return null;
        }

        int start = key.Length;
        key.Append(Present);
        bool possible = true;
        switch (type.Kind)
        {
            case ColumnKind.Integer or ColumnKind.Decimal:
                if (!ScaledDecimal.TryParse(text.Trim(), out ScaledDecimal number))
                {
                    return $"'{text}' is not a number";
                }

                if (AtScale(number, type.Kind == ColumnKind.Integer ? 0 : type.Scale) is { } unscaled)
                {
                    WriteInt128(key, unscaled);
                }
                else
                {
                    possible = false;
                }

                break;
            case ColumnKind.Double:
                if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double real))
                {
                    return $"'{text}' is not a number";
                }

                // A real column holds the nearest 32-bit float (widened); the catalog's text must be read the same way to match it.
                WriteDouble(key, type.IsSinglePrecision ? float.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture) : real);
                break;
            case ColumnKind.Boolean:
                if (!bool.TryParse(text.Trim(), out bool flag))
                {
                    return $"'{text}' is not true or false";
                }

                key.Append(flag ? (byte)1 : (byte)0);
                break;
            case ColumnKind.Date or ColumnKind.Timestamp:
                if (!TemporalParser.TryParse(text.Trim(), out Temporal moment, out _))
                {
                    return $"'{text}' is not a {(type.Kind == ColumnKind.Date ? "date (YYYY-MM-DD)" : "timestamp (YYYY-MM-DD HH:MM:SS[.fff])")}";
                }

                possible = type.Kind == ColumnKind.Timestamp || moment.IsMidnight;
                if (possible)
                {
                    if (type.Kind == ColumnKind.Date)
                    {
                        WriteInt64(key, moment.Date.DayNumber);
                    }
                    else
                    {
                        WriteTemporal(key, moment, type);
                    }
                }

                break;
            default:
                WriteText(key, Encoding.UTF8.GetBytes(IsChar(type) ? text.TrimEnd(' ') : text));
                break;
        }

        if (!possible)
        {
            key.Truncate(start);
            key.Append(Impossible);
            WriteText(key, Encoding.UTF8.GetBytes(text));
        }

        return null;
    }

    private static bool IsChar(AthenaType type) => type.Text.StartsWith("char", StringComparison.Ordinal);

    private static Int128? AtScale(ScaledDecimal value, int scale)
    {
        if (value.Scale <= scale)
        {
            return value.Rescale(scale)?.Unscaled;
        }

        // More digits than the column keeps: only trailing zeros may go (100.00 is the bigint 100; 100.5 is none).
        Int128 unscaled = value.Unscaled;
        for (int i = value.Scale; i > scale; i--)
        {
            if (unscaled % 10 != 0)
            {
                return null;
            }

            unscaled /= 10;
        }

        return unscaled;
    }

    private static void WriteInt128(KeyBuffer key, Int128 value) =>
        BinaryPrimitives.WriteUInt128BigEndian(key.Reserve(16), unchecked((UInt128)value ^ (UInt128.One << 127)));

    private static void WriteInt64(KeyBuffer key, long value) =>
        BinaryPrimitives.WriteUInt64BigEndian(key.Reserve(8), unchecked((ulong)value ^ (1UL << 63)));

    private static void WriteTemporal(KeyBuffer key, Temporal value, AthenaType type)
    {
        WriteInt64(key, value.Ticks);
        if (type.Scale > 7)
        {
            BinaryPrimitives.WriteInt32BigEndian(key.Reserve(4), value.Picoseconds);
        }
    }

    // IEEE total order: negative numbers have every bit flipped, positive ones only the sign; -0.0 is 0.0, and every
    // NaN is the one positive quiet NaN, above +Infinity (where Trino sorts NaN).
    private static void WriteDouble(KeyBuffer key, double value)
    {
        ulong bits = double.IsNaN(value) ? 0x7FF8000000000000UL : unchecked((ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value));
        bits = (bits & (1UL << 63)) != 0 ? ~bits : bits ^ (1UL << 63);
        BinaryPrimitives.WriteUInt64BigEndian(key.Reserve(8), bits);
    }

    private static void WriteText(KeyBuffer key, ReadOnlySpan<byte> text)
    {
        while (true)
        {
            int zero = text.IndexOf((byte)0);
            if (zero < 0)
            {
                key.Append(text);
                break;
            }

            key.Append(text[..zero]);
            key.Append(0);
            key.Append(0xFF);
            text = text[(zero + 1)..];
        }

        key.Append(0);
        key.Append(0);
    }
}
