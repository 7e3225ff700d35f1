using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using SoxAuto.Core.IO;

namespace SoxAuto.Aws.Storage;

/// <summary>
/// The bytes of one S3 object, downloaded by background tasks and read in order. The object is one part (a single
/// GET) or several byte ranges; each part is fetched into its own small bounded queue of pooled chunks, so the network
/// works while the caller parses, and at most <see cref="S3ReadOptions.ParallelRanges"/> parts are in flight — from
/// their first request until the reader has consumed their last byte: memory stays bounded (parts × chunks ahead ×
/// chunk size) however large the object. A part whose connection fails
/// (5xx, SlowDown, a reset, a stall) is retried from the first byte it has not yet delivered; every request is signed
/// afresh (temporary credentials may expire during a long read) and carries <c>If-Match</c> with the object's ETag, so
/// the bytes read — and hashed into the evidence — all come from the one object whose ETag is recorded. A part that
/// still fails fails the read at that point; disposing cancels every download.
/// </summary>
internal sealed class RangedDownloadStream : AsyncReadOnlyStream
{
    private readonly HttpClient _http;
    private readonly Func<CancellationToken, Task<Uri>> _sign;
    private readonly EntityTagHeaderValue? _etag;
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

    /// <param name="http">The client the bytes are fetched with (no redirects followed).</param>
    /// <param name="sign">A freshly signed GET URL of the object, for each further request.</param>
    /// <param name="first">The first response — the whole object (200) or its first range (206) — already received.</param>
    /// <param name="objectSize">The object's full size in bytes.</param>
    /// <param name="etag">The object's ETag from the first response: every further request must match it.</param>
    public RangedDownloadStream(HttpClient http, Func<CancellationToken, Task<Uri>> sign, HttpResponseMessage first, long objectSize, EntityTagHeaderValue? etag, S3ReadOptions options)
    {
        _http = http;
        _sign = sign;
        _etag = etag;
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
                // Only now, with the part read, may another start: a part that finished downloading still holds its
                // chunks until read, so releasing at download end would let finished parts pile up in memory.
                _part = null;
                _slots.Release();
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
        HttpResponseMessage? unclaimed = first;
        try
        {
            await _slots.WaitAsync(token);
            StartPart(0, firstLength, unclaimed);
            unclaimed = null;
            for (long start = firstLength; start < size; start += _options.RangeBytes)
            {
                await _slots.WaitAsync(token);
                StartPart(start, Math.Min(size - start, _options.RangeBytes), null);
            }

            _parts.Writer.Complete();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed before the first part started: its response is still ours to release.
            unclaimed?.Dispose();
            _parts.Writer.TryComplete();
        }
    }

    private void StartPart(long from, long length, HttpResponseMessage? first)
    {
        Channel<DownloadChunk> part = Channel.CreateBounded<DownloadChunk>(
            new BoundedChannelOptions(_options.ChunksAhead) { SingleReader = true, SingleWriter = true });
        _parts.Writer.TryWrite(part);
        lock (_downloads)
        {
            _downloads.Add(Task.Run(() => DownloadAsync(from, length, first, part)));
        }
    }

    /// <summary>Delivers bytes [from, from + length) into <paramref name="part"/>, resuming after failures S3 asks to retry.</summary>
    private async Task DownloadAsync(long from, long length, HttpResponseMessage? first, Channel<DownloadChunk> part)
    {
        CancellationToken token = _cancel.Token;
        StrongBox<long> received = new(0); // kept by CopyAsync even when it throws: a retry resumes after these bytes
        int attempt = 0;
        try
        {
            while (true)
            {
                attempt++;
                using CancellationTokenSource stall = CancellationTokenSource.CreateLinkedTokenSource(token);
                try
                {
                    HttpResponseMessage response = first ?? await RequestAsync(from + received.Value, from + length - 1, stall, token);
                    first = null;
                    using (response)
                    {
                        await CopyAsync(response, part, received, length, stall, token);
                    }

                    if (received.Value == length)
                    {
                        part.Writer.Complete();
                        return;
                    }

                    throw new TransientDownloadException($"the connection ended after {received.Value} of {length} bytes");
                }
                catch (Exception ex) when (!token.IsCancellationRequested && attempt < _options.MaxAttempts
                    && ex is TransientDownloadException or HttpRequestException or IOException)
                {
                    first?.Dispose();
                    first = null;
                    await Task.Delay(Backoff(attempt), token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            part.Writer.TryComplete();
        }
        catch (Exception ex) when (ex is TransientDownloadException or HttpRequestException or IOException or ResultReadException)
        {
            part.Writer.TryComplete(ex as ResultReadException ?? new ResultReadException(
                $"downloading bytes {from}-{from + length - 1} of the result object failed after {attempt} attempt(s): {ex.Message}", ex));
        }
        finally
        {
            first?.Dispose();
        }
    }

    /// <summary>A signed ranged GET for bytes [from, to] of the same object (If-Match); a 206 or an exception.</summary>
    private async Task<HttpResponseMessage> RequestAsync(long from, long to, CancellationTokenSource stall, CancellationToken token)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, await _sign(token));
        request.Headers.Range = new RangeHeaderValue(from, to);
        if (_etag is not null)
        {
            request.Headers.IfMatch.Add(_etag);
        }

        HttpResponseMessage response;
        stall.CancelAfter(_options.StallTimeout);
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            throw new TransientDownloadException($"S3 did not answer within {_options.StallTimeout.TotalSeconds:0} s");
        }

        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            return response;
        }

        int status = (int)response.StatusCode;
        response.Dispose();
        throw status switch
        {
            412 => new ResultReadException($"the result object changed while it was being read (it no longer has ETag {_etag}); run the extraction again"),
            429 or >= 500 => new TransientDownloadException($"S3 answered HTTP {status} to bytes {from}-{to}"),
            _ => new ResultReadException($"S3 answered HTTP {status} to bytes {from}-{to} of the result object"),
        };
    }

    /// <summary>
    /// Copies the response body into the part as chunks, counting the part's bytes in <paramref name="received"/>. Bytes
    /// that arrived before a failure are delivered (and counted) first, so a retry resumes right after them.
    /// </summary>
    private async Task CopyAsync(HttpResponseMessage response, Channel<DownloadChunk> part, StrongBox<long> received, long length, CancellationTokenSource stall, CancellationToken token)
    {
        await using Stream body = await response.Content.ReadAsStreamAsync(token);
        while (true)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(_options.ChunkBytes);
            int filled = 0;
            ExceptionDispatchInfo? failure = null;
            try
            {
                int read;
                while (filled < _options.ChunkBytes && (read = await ReadAsync(body, buffer.AsMemory(filled, _options.ChunkBytes - filled), stall, token)) > 0)
                {
                    filled += read;
                }
            }
            catch (Exception ex) when (ex is TransientDownloadException or HttpRequestException or IOException)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }

            if (filled == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                failure?.Throw();
                return;
            }

            if (received.Value + filled > length)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw new ResultReadException($"S3 sent more than the {length} bytes asked for (it may have ignored the Range header)");
            }

            received.Value += filled;
            await part.Writer.WriteAsync(new DownloadChunk(buffer, filled), token);
            failure?.Throw();
        }
    }

    private async ValueTask<int> ReadAsync(Stream body, Memory<byte> buffer, CancellationTokenSource stall, CancellationToken token)
    {
        stall.CancelAfter(_options.StallTimeout);
        try
        {
            return await body.ReadAsync(buffer, stall.Token);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            throw new TransientDownloadException($"S3 sent nothing for {_options.StallTimeout.TotalSeconds:0} s");
        }
    }

    private TimeSpan Backoff(int attempt) =>
        _options.RetryDelay * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble());

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
