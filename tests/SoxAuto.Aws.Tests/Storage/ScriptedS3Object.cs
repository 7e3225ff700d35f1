using System.Net;
using System.Net.Http.Headers;

namespace SoxAuto.Aws.Tests.Storage;

/// <summary>
/// An S3 object behind the HTTP transport: answers GETs with 200, ranged ones with 206, with the object's ETag; records every request,
/// and lets a test replace any answer (by request number) with a fault: a status, a body that breaks or stalls.
/// </summary>
internal sealed class ScriptedS3Object(byte[] content, string etag = "\"0123abcd\"") : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public List<(string? Range, string? IfMatch, string Url)> Requests { get; } = [];

    /// <summary>Request number (0-based) → the answer to give instead of the object's bytes.</summary>
    public Dictionary<int, Func<long, long, HttpResponseMessage>> Faults { get; } = [];

    public EntityTagHeaderValue ETag { get; } = EntityTagHeaderValue.Parse(etag);

    public HttpResponseMessage Range(long from, long to)
    {
        HttpResponseMessage response = new(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(content, (int)from, (int)(to - from + 1)) };
        response.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, to, content.Length);
        response.Headers.ETag = ETag;
        return response;
    }

    /// <summary>The answer to a GET without Range: 200 and the whole object.</summary>
    public HttpResponseMessage Whole()
    {
        HttpResponseMessage response = new(HttpStatusCode.OK) { Content = new ByteArrayContent(content) };
        response.Headers.ETag = ETag;
        return response;
    }

    /// <summary>A 206 whose body delivers <paramref name="delivered"/> bytes, then fails like a reset connection.</summary>
    public HttpResponseMessage BreaksAfter(long from, long to, int delivered) => WithBody(from, to, new BrokenStream(content.AsSpan((int)from, delivered).ToArray(), stall: false));

    /// <summary>A 206 whose body delivers <paramref name="delivered"/> bytes, then sends nothing until the reader gives up.</summary>
    public HttpResponseMessage StallsAfter(long from, long to, int delivered) => WithBody(from, to, new BrokenStream(content.AsSpan((int)from, delivered).ToArray(), stall: true));

    public static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new ByteArrayContent([]) };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int number;
        lock (Requests)
        {
            number = Requests.Count;
            Requests.Add((request.Headers.Range?.ToString(), request.Headers.IfMatch.FirstOrDefault()?.ToString(), request.RequestUri!.ToString()));
            _requests.Add(request);
        }

        RangeItemHeaderValue? range = request.Headers.Range?.Ranges.Single();
        long from = range?.From ?? 0;
        long to = range?.To ?? content.Length - 1;
        return Task.FromResult(Faults.TryGetValue(number, out Func<long, long, HttpResponseMessage>? fault) ? fault(from, to)
            : range is null ? Whole() : Range(from, to));
    }

    private HttpResponseMessage WithBody(long from, long to, Stream body)
    {
        HttpResponseMessage response = new(HttpStatusCode.PartialContent) { Content = new StreamContent(body) };
        response.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, to, content.Length);
        response.Headers.ETag = ETag;
        return response;
    }

    private sealed class BrokenStream(byte[] delivered, bool stall) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < delivered.Length)
            {
                int count = Math.Min(buffer.Length, delivered.Length - _position);
                delivered.AsSpan(_position, count).CopyTo(buffer.Span);
                _position += count;
                return count;
            }

            if (stall)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            throw new IOException("Connection reset by peer");
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
