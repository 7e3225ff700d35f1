namespace SoxAuto.Core.Data;

/// <summary>
/// Parses rows of Athena's CSV dialect strictly: each field is either empty and unquoted (NULL) or double-quoted with
/// <c>""</c> for a quote; fields are separated by <c>,</c> and every line — the last one too — ends with LF. Commas,
/// CR and LF inside quotes are data. Anything else is refused, because the data file is these very bytes and its
/// dialect is a promise to the auditor. Scanning uses vectorised span searches; nothing is allocated per field.
/// </summary>
internal static class AthenaCsvRowParser
{
    /// <summary>
    /// Parses the row starting at <paramref name="position"/>. On <see cref="CsvRowStatus.Complete"/>,
    /// <paramref name="fields"/> holds <paramref name="expectedFields"/> fields (offsets into <paramref name="data"/>)
    /// and <paramref name="next"/> is the offset after the row's LF.
    /// </summary>
    /// <exception cref="CsvFormatException">The bytes are not in the dialect; <paramref name="line"/> (the CSV record, header = 1) and
    /// <paramref name="baseOffset"/> place the error in the whole input.</exception>
    public static CsvRowStatus TryParseRow(ReadOnlySpan<byte> data, int position, bool inputEnded, Span<CsvField> fields,
        int expectedFields, long line, long baseOffset, out int next)
    {
        next = position;
        if (position >= data.Length)
        {
            return inputEnded ? CsvRowStatus.EndOfData : CsvRowStatus.NeedMoreData;
        }

        int pos = position;
        int count = 0;
        while (true)
        {
            if (pos >= data.Length)
            {
                return MoreOrFail(inputEnded, line, baseOffset + pos, "the last line does not end with a line feed");
            }

            if (count >= expectedFields)
            {
                throw new CsvFormatException(line, baseOffset + pos, $"more than the {expectedFields} fields of the header");
            }

            ref CsvField field = ref fields[count];

            byte c = data[pos];
            if (c == (byte)'"')
            {
                int start = pos + 1;
                int scan = start;
                bool escaped = false;
                while (true)
                {
                    int quote = data[scan..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        return MoreOrFail(inputEnded, line, baseOffset + position, "a quoted value is not closed");
                    }

                    int at = scan + quote;
                    if (at + 1 >= data.Length)
                    {
                        // The closing quote is the buffer's last byte: whether it is "" or the end is decided by the next byte.
                        return MoreOrFail(inputEnded, line, baseOffset + at, "the last line does not end with a line feed");
                    }

                    if (data[at + 1] == (byte)'"')
                    {
                        escaped = true;
                        scan = at + 2;
                        continue;
                    }

                    field.Start = start;
                    field.Length = at - start;
                    field.IsNull = false;
                    field.HasEscapedQuotes = escaped;
                    pos = at + 1;
                    break;
                }
            }
            else if (c is (byte)',' or (byte)'\n')
            {
                field.Start = pos;
                field.Length = 0;
                field.IsNull = true;
                field.HasEscapedQuotes = false;
            }
            else
            {
                string what = c == (byte)'\r' ? "a carriage return (line ends must be LF only)" : "a value that is not in double quotes";
                throw new CsvFormatException(line, baseOffset + pos, $"field {count + 1} starts with {what}");
            }

            count++;
            if (pos >= data.Length)
            {
                return MoreOrFail(inputEnded, line, baseOffset + pos, "the last line does not end with a line feed");
            }

            byte separator = data[pos];
            if (separator == (byte)',')
            {
                pos++;
                continue;
            }

            if (separator == (byte)'\n')
            {
                if (count != expectedFields)
                {
                    throw new CsvFormatException(line, baseOffset + position, $"{count} field(s) where the header has {expectedFields}");
                }

                next = pos + 1;
                return CsvRowStatus.Complete;
            }

            throw new CsvFormatException(line, baseOffset + pos, $"field {count} is followed by something other than a comma or a line feed");
        }
    }

    /// <summary>Counts the fields of the first line (the header) so the row parser knows how many to expect.</summary>
    public static int CountHeaderFields(ReadOnlySpan<byte> data, bool inputEnded, out bool complete)
    {
        int count = 1;
        bool quoted = false;
        for (int i = 0; i < data.Length; i++)
        {
            byte c = data[i];
            if (c == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == (byte)',')
            {
                count++;
            }
            else if (!quoted && c == (byte)'\n')
            {
                complete = true;
                return count;
            }
        }

        complete = false;
        if (inputEnded && data.Length == 0)
        {
            throw new CsvFormatException(1, 0, "the result is empty: Athena always writes a header line");
        }

        return count;
    }

    private static CsvRowStatus MoreOrFail(bool inputEnded, long line, long offset, string problem) =>
        inputEnded ? throw new CsvFormatException(line, offset, problem) : CsvRowStatus.NeedMoreData;
}
