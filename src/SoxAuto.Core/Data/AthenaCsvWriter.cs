using System.Buffers;
using System.Text;

namespace SoxAuto.Core.Data;

/// <summary>
/// Writes rows in the CSV dialect Athena itself writes, which keeps NULL and the empty string apart: every non-NULL
/// value in double quotes with <c>"</c> doubled, NULL as an empty unquoted field, comma separators, LF after every
/// line, UTF-8 without BOM.
/// </summary>
public static class AthenaCsvWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Appends one line (the header or a row; null values are NULL) to <paramref name="output"/>.</summary>
    public static void WriteLine(IBufferWriter<byte> output, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(values);
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                Write(output, ","u8);
            }

            if (values[i] is { } value)
            {
                WriteQuoted(output, value);
            }
        }

        Write(output, "\n"u8);
    }

    /// <summary>Appends one quoted field: <c>"</c>, the value with <c>"</c> doubled, <c>"</c>.</summary>
    public static void WriteQuoted(IBufferWriter<byte> output, string value)
    {
        Write(output, "\""u8);
        ReadOnlySpan<char> rest = value;
        while (true)
        {
            int quote = rest.IndexOf('"');
            ReadOnlySpan<char> chunk = quote < 0 ? rest : rest[..(quote + 1)];
            Span<byte> target = output.GetSpan(Utf8.GetMaxByteCount(chunk.Length));
            output.Advance(Utf8.GetBytes(chunk, target));
            if (quote < 0)
            {
                break;
            }

            Write(output, "\""u8);
            rest = rest[(quote + 1)..];
        }

        Write(output, "\""u8);
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
