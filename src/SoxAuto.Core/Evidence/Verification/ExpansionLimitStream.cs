using SoxAuto.Core.IO;

namespace SoxAuto.Core.Evidence.Verification;

/// <summary>
/// Counts what a decompressing stream produces and stops with <see cref="ExpansionLimitException"/> past a limit: the
/// zip-bomb guard for data.csv.gz. Reading is streaming anyway (memory stays flat); the limit bounds the time a
/// hostile package can make verification take.
/// </summary>
internal sealed class ExpansionLimitStream(Stream inner, long limit) : ReadOnlyForwardStream
{
    public long Produced { get; private set; }

    public override long Position { get => Produced; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        Produced += read;
        return Produced > limit ? throw new ExpansionLimitException(limit) : read;
    }
}
