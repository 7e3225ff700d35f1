using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using SoxAuto.Core.IO;

namespace SoxAuto.Aws.Storage;

/// <summary>
/// The bytes of one S3 object, downloaded by background tasks and read in order. The object is one part (a single
/// GET) or several byte ranges; each part is fetched into its own small bounded queue of pooled chunks, so the network
/// works while the caller parses, and at most <see cref="S3ReadOptions.ParallelRanges"/> parts download at once:
/// memory stays bounded (parts × chunks ahead × chunk size) however large the object. A failed part fails the read at
/// that point; disposing cancels every download.
/// </summary>
internal sealed class RangedDownloadStream : AsyncReadOnlyStream
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly S3ReadOptions _options;
    private readonly CancellationTokenSource _cancel = new();
    private readonly SemaphoreSlim _slots;
    private readonly Channel<Channel<DownloadChunk>> _parts = Channel.CreateUnbounded<Channel<DownloadChunk>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly List<Task> _downloads = [];
    private readonly Task _scheduler;
    private Channel<DownloadChunk>? _part;
    private DownloadChunk _chunk;
    private int _offset;
    private bool _disposed;

    /// <param name="first">The first response — the whole object (200) or its first range (206) — already received.</param>
    /// <param name="objectSize">The object's full size in bytes.</param>
    public RangedDownloadStream(HttpClient http, Uri url, HttpResponseMessage first, long objectSize, S3ReadOptions options)
    {
        _http = http;
        _url = url;
        _options = options;
        _slots = new SemaphoreSlim(Math.Max(1, options.ParallelRanges));
        long firstLength = first.StatusCode == HttpStatusCode.PartialContent ? Math.Min(options.RangeBytes, objectSize) : objectSize;
        _scheduler = Task.Run(() => ScheduleAsync(first, firstLength, objectSize));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_chunk.Buffer is null || _offset == _chunk.Length)
        {
            ReturnChunk();
            if (_part is null)
            {
                if (!await _parts.Reader.WaitToReadAsync(cancellationToken))
                {
                    return 0; // every part read: the end of the object
                }

                _parts.Reader.TryRead(out _part);
                continue;
            }

            // Throws the part's download error, if it failed, exactly where its bytes would have been.
            if (await _part.Reader.WaitToReadAsync(cancellationToken))
            {
                _part.Reader.TryRead(out _chunk);
                _offset = 0;
            }
            else
            {
                _part = null;
            }
        }

        int count = Math.Min(buffer.Length, _chunk.Length - _offset);
        _chunk.Buffer.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _cancel.Cancel();
            try
            {
                _scheduler.Wait();
                Task[] downloads;
                lock (_downloads)
                {
                    downloads = [.. _downloads];
                }

                Task.WaitAll(downloads);
            }
            catch (AggregateException)
            {
                // Cancelled or failed downloads; a failure that mattered was already raised by ReadAsync.
            }

            ReturnChunk();
            while (_parts.Reader.TryRead(out Channel<DownloadChunk>? part))
            {
                Drain(part);
            }

            if (_part is not null)
            {
                Drain(_part);
            }

            _cancel.Dispose();
            _slots.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task ScheduleAsync(HttpResponseMessage first, long firstLength, long size)
    {
        CancellationToken token = _cancel.Token;
        try
        {
            await _slots.WaitAsync(token);
            StartPart(_ => Task.FromResult(first), firstLength);
            for (long start = firstLength; start < size; start += _options.RangeBytes)
            {
                await _slots.WaitAsync(token);
                long from = start;
                long to = Math.Min(size, start + _options.RangeBytes) - 1;
                StartPart(async ct =>
                {
                    using HttpRequestMessage request = new(HttpMethod.Get, _url);
                    request.Headers.Range = new RangeHeaderValue(from, to);
                    HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                    if (response.StatusCode != HttpStatusCode.PartialContent)
                    {
                        response.Dispose();
                        throw new ResultReadException($"S3 answered HTTP {(int)response.StatusCode} to bytes {from}-{to} of the result object");
                    }

                    return response;
                }, to - from + 1);
            }

            _parts.Writer.Complete();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _parts.Writer.TryComplete();
        }
    }

    private void StartPart(Func<CancellationToken, Task<HttpResponseMessage>> respond, long expected)
    {
        Channel<DownloadChunk> part = Channel.CreateBounded<DownloadChunk>(
            new BoundedChannelOptions(_options.ChunksAhead) { SingleReader = true, SingleWriter = true });
        _parts.Writer.TryWrite(part);
        lock (_downloads)
        {
            _downloads.Add(Task.Run(() => DownloadAsync(respond, part, expected)));
        }
    }

    private async Task DownloadAsync(Func<CancellationToken, Task<HttpResponseMessage>> respond, Channel<DownloadChunk> part, long expected)
    {
        CancellationToken token = _cancel.Token;
        try
        {
            using HttpResponseMessage response = await respond(token);
            await using Stream body = await response.Content.ReadAsStreamAsync(token);
            long received = 0;
            while (true)
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(_options.ChunkBytes);
                int filled = 0;
                int read;
                while (filled < _options.ChunkBytes && (read = await body.ReadAsync(buffer.AsMemory(filled, _options.ChunkBytes - filled), token)) > 0)
                {
                    filled += read;
                }

                if (filled == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                received += filled;
                await part.Writer.WriteAsync(new DownloadChunk(buffer, filled), token);
            }

            if (received != expected)
            {
                throw new ResultReadException($"the result object's download ended after {received} of {expected} bytes");
            }

            part.Writer.Complete();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            part.Writer.TryComplete();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ResultReadException)
        {
            part.Writer.TryComplete(ex as ResultReadException ?? new ResultReadException($"downloading the result object failed: {ex.Message}", ex));
        }
        finally
        {
            _slots.Release();
        }
    }

    private void ReturnChunk()
    {
        if (_chunk.Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_chunk.Buffer);
            _chunk = default;
        }
    }

    private static void Drain(Channel<DownloadChunk> part)
    {
        while (part.Reader.TryRead(out DownloadChunk chunk))
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }
    }
}
