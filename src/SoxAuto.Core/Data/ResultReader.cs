using System.Text;

namespace SoxAuto.Core.Data;

/// <summary>
/// Reads a result in Athena's CSV dialect in one streaming pass: it checks the header against the declared columns,
/// parses and type-checks every row, hands the validated bytes to the raw consumers (on this thread) and the rows to
/// the row consumers. Rows are decoded once into blocks (<see cref="RowsPerBlock"/>); each row consumer — each
/// part of a composite one — reads the blocks, in order, on its own thread, so hashing, statistics and checks use the
/// other cores while this thread parses. A fixed handful of blocks is recycled: memory stays flat however many rows.
/// </summary>
public static class ResultReader
{
    public const int DefaultBufferSize = 1 << 20;

    /// <summary>A single row larger than this is refused rather than growing memory without bound.</summary>
    public const int MaxRowBytes = 256 << 20;

    /// <summary>
    /// Rows per block: about 128 Ki values, so a block's decoded arrays stay near 4 MiB however wide the rows, and at
    /// most 8192 rows — enough for a 1 MiB buffer of typical rows, so partial rows are rarely carried over. At least 16
    /// rows, so thousands of columns still give blocks of about 4 MiB rather than hundreds of MiB.
    /// </summary>
    public static int RowsPerBlock(int columns) => Math.Clamp(131_072 / Math.Max(1, columns), 16, 8192);

    /// <summary>Blocks in circulation: one being filled, the rest being read; more only buys slack between threads.</summary>
    private const int MaxBlocks = 4;

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
        ArgumentNullException.ThrowIfNull(rowConsumers);
        ArgumentNullException.ThrowIfNull(rawConsumers);
        IRowConsumer[] parts = [.. rowConsumers.SelectMany(Flatten)];
        foreach (IRowConsumer consumer in parts)
        {
            consumer.Start(schema);
        }

        using RowBlockPool pool = new(schema, MaxBlocks, RowsPerBlock(schema.Count), bufferSize);
        ConsumerLane[] lanes = parts.Select((consumer, i) => new ConsumerLane(consumer, schema, pool, i)).ToArray();
        ResultReadSummary summary;
        try
        {
            summary = await ReadBlocksAsync(input, schema, lanes, [.. rawConsumers], pool, bufferSize, cancellationToken);
        }
        finally
        {
            foreach (ConsumerLane lane in lanes)
            {
                lane.Complete();
                lane.Dispose();
            }
        }

        ThrowIfAnyLaneFailed(lanes);
        foreach (IRowConsumer consumer in parts)
        {
            consumer.Finish(summary.Rows);
        }

        foreach (IRawCsvConsumer consumer in rawConsumers)
        {
            consumer.Finish(summary.Rows);
        }

        return summary;
    }

    private static IEnumerable<IRowConsumer> Flatten(IRowConsumer consumer) =>
        consumer is ICompositeRowConsumer composite ? composite.Parts.SelectMany(Flatten) : [consumer];

    private static async Task<ResultReadSummary> ReadBlocksAsync(Stream input, ResultSchema schema, ConsumerLane[] lanes,
        IRawCsvConsumer[] rawSinks, RowBlockPool pool, int bufferSize, CancellationToken cancellationToken)
    {
        RowDecoder decoder = new(schema);
        byte[] carry = new byte[bufferSize];
        int carried = 0;
        long rows = 0;
        long consumedBefore = 0;
        bool headerDone = false;
        bool ended = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfAnyLaneFailed(lanes);
            RowBlock block = pool.Rent(cancellationToken);
            block.Reset(rows + 1);
            if (block.Buffer.Length < carried)
            {
                block.Buffer = new byte[carry.Length];
            }

            carry.AsSpan(0, carried).CopyTo(block.Buffer);
            int filled = carried;
            int position = 0;
            int rawStart = 0;
            while (true)
            {
                if (!ended && filled < block.Buffer.Length)
                {
                    int read = await input.ReadAsync(block.Buffer.AsMemory(filled), cancellationToken);
                    ended = read == 0;
                    filled += read;
                    if (!ended && filled < block.Buffer.Length)
                    {
                        continue; // fill the buffer before parsing: fewer, larger blocks
                    }
                }

                ReadOnlySpan<byte> data = block.Buffer.AsSpan(0, filled);
                if (!headerDone)
                {
                    if (!TryReadHeader(data, ended, schema, out int afterHeader))
                    {
                        GrowForLongRow(block, filled, consumedBefore, 1);
                        continue;
                    }

                    headerDone = true;
                    position = afterHeader;
                }

                while (block.RowCount < block.Capacity)
                {
                    Span<CsvField> fields = block.Fields.AsSpan(block.RowCount * block.Columns, block.Columns);
                    CsvRowStatus status = AthenaCsvRowParser.TryParseRow(data, position, ended, fields, schema.Count, rows + 2, consumedBefore, out int next);
                    if (status != CsvRowStatus.Complete)
                    {
                        break;
                    }

                    decoder.Decode(block, block.RowCount);
                    block.RowCount++;
                    rows++;
                    position = next;
                }

                if (block.RowCount == 0 && position < filled && !ended && filled == block.Buffer.Length)
                {
                    GrowForLongRow(block, filled, consumedBefore, rows + 2);
                    continue;
                }

                break;
            }

            if (position > rawStart)
            {
                decoder.ValidateUtf8(block, rawStart, position - rawStart);
                foreach (IRawCsvConsumer consumer in rawSinks)
                {
                    consumer.Consume(block.Buffer.AsSpan(rawStart, position - rawStart), rows);
                }
            }

            carried = filled - position;
            if (carried > carry.Length)
            {
                carry = new byte[block.Buffer.Length]; // the rest of a row that needed a grown buffer
            }

            block.Buffer.AsSpan(position, carried).CopyTo(carry);
            consumedBefore += position;
            Publish(block, lanes, pool);
            if (ended && carried == 0)
            {
                return new ResultReadSummary(rows, consumedBefore);
            }
        }
    }

    private static void Publish(RowBlock block, ConsumerLane[] lanes, RowBlockPool pool)
    {
        if (block.RowCount == 0 || lanes.Length == 0)
        {
            pool.Return(block);
            return;
        }

        block.Share(lanes.Length);
        foreach (ConsumerLane lane in lanes)
        {
            lane.Enqueue(block);
        }
    }

    // One row is longer than the buffer: double it (up to MaxRowBytes) and keep reading into the same block.
    private static void GrowForLongRow(RowBlock block, int filled, long consumedBefore, long line)
    {
        if (block.Buffer.Length >= MaxRowBytes)
        {
            throw new CsvFormatException(line, consumedBefore, $"a single row is longer than {MaxRowBytes >> 20} MiB");
        }

        byte[] larger = new byte[block.Buffer.Length * 2];
        block.Buffer.AsSpan(0, filled).CopyTo(larger);
        block.Buffer = larger;
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> data, bool ended, ResultSchema schema, out int afterHeader)
    {
        afterHeader = 0;
        if (data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        {
            throw new CsvFormatException(1, 0, "the result starts with a byte-order mark; Athena writes UTF-8 without one");
        }

        int headerFields = AthenaCsvRowParser.CountHeaderFields(data, ended, out bool complete);
        if (!complete && !ended)
        {
            return false;
        }

        CsvField[] header = new CsvField[headerFields];
        AthenaCsvRowParser.TryParseRow(data, 0, ended, header, headerFields, 1, 0, out afterHeader);
        CheckHeader(data, header, schema);
        return true;
    }

    private static void CheckHeader(ReadOnlySpan<byte> data, CsvField[] fields, ResultSchema schema)
    {
        string[] actual = new string[fields.Length];
        bool matches = fields.Length == schema.Count;
        for (int i = 0; i < fields.Length; i++)
        {
            if (fields[i].IsNull || fields[i].HasEscapedQuotes)
            {
                throw new CsvFormatException(1, fields[i].Start, $"header field {i + 1} is not a quoted column name");
            }

            actual[i] = Encoding.UTF8.GetString(data.Slice(fields[i].Start, fields[i].Length));
            matches &= i < schema.Count && string.Equals(actual[i], schema.Columns[i].Name, StringComparison.Ordinal);
        }

        if (!matches)
        {
            throw new ResultHeaderMismatchException(schema.Columns.Select(c => c.Name).ToArray(), actual);
        }
    }

    private static void ThrowIfAnyLaneFailed(ConsumerLane[] lanes)
    {
        foreach (ConsumerLane lane in lanes)
        {
            if (lane.Error is { } error)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }
        }
    }
}
