using Microsoft.Win32.SafeHandles;
using SoxAuto.Core.IO;

namespace SoxAuto.Core.Evidence.Verification;

/// <summary>
/// Read-only view of one stored entry's bytes by positional reads, so several entries can be read side by side from one
/// handle (the snapshot is compared while the data streams) without extracting anything.
/// </summary>
internal sealed class EntryStream(SafeFileHandle file, long start, long length) : ReadOnlyForwardStream
{
    private long _position;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        int wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        int read = RandomAccess.Read(file, buffer[..wanted], start + _position);
        if (read == 0)
        {
            throw new EndOfStreamException("the zip file ended inside an entry");
        }

        _position += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        int read = await RandomAccess.ReadAsync(file, buffer[..wanted], start + _position, cancellationToken);
        if (read == 0)
        {
            throw new EndOfStreamException("the zip file ended inside an entry");
        }

        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
