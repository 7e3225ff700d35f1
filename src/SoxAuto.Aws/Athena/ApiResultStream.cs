using System.Buffers;
using SoxAuto.Aws.Athena.Model;
using SoxAuto.Core.Data;
using SoxAuto.Core.IO;

namespace SoxAuto.Aws.Athena;

/// <summary>
/// A result read through GetQueryResults pages (managed query results, client-side encrypted files), rendered on the
/// fly in Athena's own CSV dialect, so the rest of the pipeline sees the same bytes it would read from S3. Pages are
/// fetched only as the reader consumes them: memory holds one page at a time.
/// </summary>
internal sealed class ApiResultStream : AsyncReadOnlyStream
{
    private readonly IAthenaClient _athena;
    private readonly string _executionId;
    private readonly bool _firstRowIsHeader;
    private readonly ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private int _pendingOffset;
    private string? _nextToken;
    private bool _started;
    private bool _finished;

    public ApiResultStream(IAthenaClient athena, string executionId, IReadOnlyList<string> columnNames, bool firstRowIsHeader)
    {
        _athena = athena;
        _executionId = executionId;
        _firstRowIsHeader = firstRowIsHeader;
        AthenaCsvWriter.WriteLine(_pending, columnNames.ToArray());
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_pendingOffset == _pending.WrittenCount && !_finished)
        {
            _pending.ResetWrittenCount();
            _pendingOffset = 0;
            await FetchPageAsync(cancellationToken);
        }

        int available = _pending.WrittenCount - _pendingOffset;
        int count = Math.Min(available, buffer.Length);
        _pending.WrittenSpan.Slice(_pendingOffset, count).CopyTo(buffer.Span);
        _pendingOffset += count;
        return count;
    }

    private async Task FetchPageAsync(CancellationToken cancellationToken)
    {
        GetQueryResultsResponse page = await _athena.GetQueryResultsAsync(
            new GetQueryResultsRequest { QueryExecutionId = _executionId, MaxResults = 1000, NextToken = _nextToken }, cancellationToken);
        IReadOnlyList<Row> rows = page.ResultSet.Rows ?? [];
        int skip = !_started && _firstRowIsHeader && rows.Count > 0 ? 1 : 0;
        _started = true;
        foreach (Row row in rows.Skip(skip))
        {
            AthenaCsvWriter.WriteLine(_pending, (row.Data ?? []).Select(d => d?.VarCharValue).ToArray());
        }

        _nextToken = page.NextToken;
        _finished = string.IsNullOrEmpty(_nextToken);
    }
}
