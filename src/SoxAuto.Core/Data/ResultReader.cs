using System.Buffers;
using System.Text;

namespace SoxAuto.Core.Data;

/// <summary>
/// Reads a result in Athena's CSV dialect in one streaming pass: it checks the header against the declared columns,
/// parses and type-checks every row, and hands each row to the row consumers and the validated bytes to the raw
/// consumers. Memory stays flat — one buffer, grown only for a single row longer than it — however many rows arrive.
/// </summary>
public static class ResultReader
{
    public const int DefaultBufferSize = 1 << 20;

    /// <summary>A single row larger than this is refused rather than growing memory without bound.</summary>
    public const int MaxRowBytes = 256 << 20;

    public static async Task<ResultReadSummary> ReadAsync(
        Stream input,
        ResultSchema schema,
        IReadOnlyList<IRowConsumer> rowConsumers,
        IReadOnlyList<IRawCsvConsumer> rawConsumers,
        CancellationToken cancellationToken,
        int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(schema);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            return await ReadCoreAsync(input, schema, rowConsumers, rawConsumers, buffer, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<ResultReadSummary> ReadCoreAsync(Stream input, ResultSchema schema, IReadOnlyList<IRowConsumer> rowConsumers,
        IReadOnlyList<IRawCsvConsumer> rawConsumers, byte[] buffer, CancellationToken cancellationToken)
    {
        // Arrays, not IReadOnlyList: foreach over an interface allocates an enumerator, once per row here.
        IRowConsumer[] rowSinks = [.. rowConsumers];
        IRawCsvConsumer[] rawSinks = [.. rawConsumers];
        foreach (IRowConsumer consumer in rowSinks)
        {
            consumer.Start(schema);
        }

        CsvField[] fields = new CsvField[schema.Count];
        TypedRow row = new(schema);
        int filled = 0;
        int position = 0;
        long consumedBefore = 0;
        long rows = 0;
        bool headerDone = false;
        bool ended = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ended && filled < buffer.Length)
            {
                int read = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                ended = read == 0;
                filled += read;
            }

            int batchStart = position;
            if (!headerDone)
            {
                if (filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    throw new CsvFormatException(1, 0, "the result starts with a byte-order mark; Athena writes UTF-8 without one");
                }

                int headerFields = AthenaCsvRowParser.CountHeaderFields(buffer.AsSpan(0, filled), ended, out bool headerComplete);
                if (headerComplete || ended)
                {
                    CsvField[] header = new CsvField[headerFields];
                    AthenaCsvRowParser.TryParseRow(buffer.AsSpan(0, filled), 0, ended, header, headerFields, 1, 0, out int next);
                    CheckHeader(buffer, header, schema);
                    headerDone = true;
                    position = next;
                }
            }

            while (headerDone)
            {
                CsvRowStatus status = AthenaCsvRowParser.TryParseRow(buffer.AsSpan(0, filled), position, ended, fields, schema.Count,
                    rows + 2, consumedBefore, out int next);
                if (status != CsvRowStatus.Complete)
                {
                    break;
                }

                rows++;
                row.Load(rows, buffer, fields);
                foreach (IRowConsumer consumer in rowSinks)
                {
                    consumer.Consume(row);
                }

                position = next;
            }

            if (position > batchStart)
            {
                foreach (IRawCsvConsumer consumer in rawSinks)
                {
                    consumer.Consume(buffer.AsSpan(batchStart, position - batchStart), rows);
                }
            }

            if (ended && position == filled && headerDone)
            {
                break;
            }

            // Keep the unfinished row: move it to the front, or grow the buffer if one row fills it.
            if (position > 0)
            {
                Buffer.BlockCopy(buffer, position, buffer, 0, filled - position);
                consumedBefore += position;
                filled -= position;
                position = 0;
            }
            else if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxRowBytes)
                {
                    throw new CsvFormatException(rows + 2, consumedBefore, $"a single row is longer than {MaxRowBytes >> 20} MiB");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }

        foreach (IRowConsumer consumer in rowSinks)
        {
            consumer.Finish(rows);
        }

        foreach (IRawCsvConsumer consumer in rawSinks)
        {
            consumer.Finish(rows);
        }

        return new ResultReadSummary(rows, consumedBefore + position);
    }

    private static void CheckHeader(byte[] buffer, CsvField[] fields, ResultSchema schema)
    {
        string[] actual = new string[fields.Length];
        bool matches = fields.Length == schema.Count;
        for (int i = 0; i < fields.Length; i++)
        {
            if (fields[i].IsNull || fields[i].HasEscapedQuotes)
            {
                throw new CsvFormatException(1, fields[i].Start, $"header field {i + 1} is not a quoted column name");
            }

            actual[i] = Encoding.UTF8.GetString(buffer, fields[i].Start, fields[i].Length);
            matches &= i < schema.Count && string.Equals(actual[i], schema.Columns[i].Name, StringComparison.Ordinal);
        }

        if (!matches)
        {
            throw new ResultHeaderMismatchException(schema.Columns.Select(c => c.Name).ToArray(), actual);
        }
    }
}
