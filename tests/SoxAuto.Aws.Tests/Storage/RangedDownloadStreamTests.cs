using System.Net;
using SoxAuto.Aws.Storage;

namespace SoxAuto.Aws.Tests.Storage;

/// <summary>
/// The ranged download over a scripted S3 transport: the bytes arrive whole and in order whatever fails on the way
/// (5xx, resets, stalls), each retry resumes after the bytes already delivered, and every request after the first is
/// signed afresh and pinned to the object's ETag.
/// </summary>
public sealed class RangedDownloadStreamTests
{
    private const int RangeBytes = 1000;

    private static readonly S3ReadOptions Options = new(ParallelRanges: 3, RangeBytes: RangeBytes, ChunkBytes: 256, ChunksAhead: 2)
    {
        RetryDelay = TimeSpan.FromMilliseconds(1),
        StallTimeout = TimeSpan.FromMilliseconds(300),
    };

    private static byte[] Content(int length) => Enumerable.Range(0, length).Select(i => unchecked((byte)((i * 7) + (i >> 8)))).ToArray();

    private static async Task<byte[]> DownloadAsync(ScriptedS3Object s3, int size, S3ReadOptions? options = null)
    {
        int signed = 0;
        using HttpClient http = new(s3);
        Task<Uri> Sign(CancellationToken _) => Task.FromResult(new Uri($"http://s3.test/bucket/result.csv?X-Amz-Signature={Interlocked.Increment(ref signed)}"));
        HttpResponseMessage first = s3.Range(0, Math.Min(size, RangeBytes) - 1);
        await using RangedDownloadStream stream = new(http, Sign, first, size, s3.ETag, options ?? Options);
        using MemoryStream copy = new();
        await stream.CopyToAsync(copy).WaitAsync(TimeSpan.FromSeconds(60));
        return copy.ToArray();
    }

    [Fact]
    public async Task EveryRange_IsSignedAfresh_AndPinnedToTheObjectsETag()
    {
        byte[] content = Content(3500);
        ScriptedS3Object s3 = new(content);

        Assert.Equal(content, await DownloadAsync(s3, content.Length));

        Assert.Equal(["bytes=1000-1999", "bytes=2000-2999", "bytes=3000-3499"], s3.Requests.Select(r => r.Range).Order(StringComparer.Ordinal));
        Assert.All(s3.Requests, r => Assert.Equal("\"0123abcd\"", r.IfMatch));
        Assert.Equal(3, s3.Requests.Select(r => r.Url).Distinct().Count());
    }

    [Fact]
    public async Task PartsDownloadedButNotYetRead_StillCountAsInFlight_SoMemoryStaysBounded()
    {
        // Ranges no larger than the chunks a part may queue: each part finishes downloading at once. Were its slot
        // freed then, every range of the object would be fetched into memory before the reader read a byte.
        byte[] content = Content(3500);
        ScriptedS3Object s3 = new(content);
        using HttpClient http = new(s3);
        S3ReadOptions small = Options with { RangeBytes = 256, ChunkBytes = 256, ChunksAhead = 2 };
        await using RangedDownloadStream stream = new(http, _ => Task.FromResult(new Uri("http://s3.test/bucket/result.csv")), s3.Range(0, 255), content.Length, s3.ETag, small);

        await Task.Delay(500);
        int requestedBeforeReading = s3.Requests.Count;
        using MemoryStream copy = new();
        await stream.CopyToAsync(copy);

        Assert.Equal(2, requestedBeforeReading); // three parts in flight: the first response and two more ranges
        Assert.Equal(content, copy.ToArray());
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)] // 503 SlowDown
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task AServerErrorOnARange_IsRetried(HttpStatusCode status)
    {
        byte[] content = Content(3500);
        ScriptedS3Object s3 = new(content) { Faults = { [0] = (_, _) => ScriptedS3Object.Status(status) } };

        Assert.Equal(content, await DownloadAsync(s3, content.Length, Options with { ParallelRanges = 1 }));
        Assert.Equal(["bytes=1000-1999", "bytes=1000-1999", "bytes=2000-2999", "bytes=3000-3499"], s3.Requests.Select(r => r.Range));
    }

    [Fact]
    public async Task AConnectionResetMidRange_ResumesAfterTheBytesAlreadyReceived()
    {
        byte[] content = Content(3500);
        ScriptedS3Object s3 = new(content) { Faults = { [0] = (from, to) => new ScriptedS3Object(content).BreaksAfter(from, to, 300) } };

        Assert.Equal(content, await DownloadAsync(s3, content.Length, Options with { ParallelRanges = 1 }));
        Assert.Equal("bytes=1300-1999", s3.Requests[1].Range);
    }

    [Fact]
    public async Task AStalledConnection_IsDropped_AndTheRangeResumed()
    {
        byte[] content = Content(3500);
        ScriptedS3Object s3 = new(content) { Faults = { [1] = (from, to) => new ScriptedS3Object(content).StallsAfter(from, to, 10) } };

        Assert.Equal(content, await DownloadAsync(s3, content.Length, Options with { ParallelRanges = 1 }));
        Assert.Equal("bytes=2010-2999", s3.Requests[2].Range);
    }

    [Fact]
    public async Task AnObjectReplacedDuringTheRead_FailsTheRead_WithoutRetrying()
    {
        byte[] content = Content(3500);
        ScriptedS3Object s3 = new(content) { Faults = { [0] = (_, _) => ScriptedS3Object.Status(HttpStatusCode.PreconditionFailed) } };

        ResultReadException error = await Assert.ThrowsAsync<ResultReadException>(() => DownloadAsync(s3, content.Length, Options with { ParallelRanges = 1 }));

        Assert.Contains("changed while it was being read", error.Message, StringComparison.Ordinal);
        Assert.Single(s3.Requests, r => r.Range == "bytes=1000-1999"); // never retried
    }

    [Fact]
    public async Task APersistentFailure_FailsTheRead_AfterTheLastAttempt_NamingTheBytes()
    {
        byte[] content = Content(2500);
        ScriptedS3Object s3 = new(content);
        for (int i = 0; i < 10; i++)
        {
            s3.Faults[i] = (_, _) => ScriptedS3Object.Status(HttpStatusCode.ServiceUnavailable);
        }

        ResultReadException error = await Assert.ThrowsAsync<ResultReadException>(() => DownloadAsync(s3, content.Length, Options with { ParallelRanges = 1, MaxAttempts = 3 }));

        Assert.Equal("downloading bytes 1000-1999 of the result object failed after 3 attempt(s): S3 answered HTTP 503 to bytes 1000-1999", error.Message);
        Assert.Equal(3, s3.Requests.Count(r => r.Range == "bytes=1000-1999"));
    }

    [Fact]
    public async Task AServerThatIgnoresTheRange_IsAnError_NotExtraBytes()
    {
        byte[] content = Content(2500);
        ScriptedS3Object s3 = new(content) { Faults = { [0] = (_, _) => new ScriptedS3Object(content).Range(0, 2499) } };

        ResultReadException error = await Assert.ThrowsAsync<ResultReadException>(() => DownloadAsync(s3, content.Length, Options with { ParallelRanges = 1 }));

        Assert.Contains("more than the 1000 bytes asked for", error.Message, StringComparison.Ordinal);
    }
}
