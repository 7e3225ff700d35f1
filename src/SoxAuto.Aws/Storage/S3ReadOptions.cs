namespace SoxAuto.Aws.Storage;

/// <summary>
/// How result objects are downloaded. On AWS a large object is fetched as several byte ranges at once: one S3
/// connection delivers far less than the network can. Local S3 emulators (moto) serve each range by copying the whole
/// object (measured: eight ranges of a 113 MB object 0.8 s, one GET 0.13 s), so with an endpoint override a single
/// stream is used. Either way the bytes are read ahead of the parser on background tasks.
/// </summary>
public sealed record S3ReadOptions(int ParallelRanges, long RangeBytes, int ChunkBytes, int ChunksAhead)
{
    public static S3ReadOptions ForAws { get; } = new(ParallelRanges: 4, RangeBytes: 32L << 20, ChunkBytes: 1 << 20, ChunksAhead: 4);

    public static S3ReadOptions ForLocalEndpoint { get; } = new(ParallelRanges: 1, RangeBytes: 32L << 20, ChunkBytes: 1 << 20, ChunksAhead: 8);

    /// <summary>
    /// Requests per part before its failure fails the read: S3 asks clients to retry 500, 503 SlowDown and dropped
    /// connections, and a month-end run reading gigabytes meets them. Each retry resumes after the bytes received.
    /// </summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first retry's wait; each further one doubles it (with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a connection may deliver nothing (no headers, no bytes) before it is dropped and the range retried: a
    /// silently dead connection would otherwise hang the run for ever.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
