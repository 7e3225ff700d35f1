namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>
/// A write-only stream into an array that is kept and reused: a compressed block lives here until it is written out,
/// then <see cref="Reset"/> makes room for the next one. It grows only while a block compresses worse than any before.
/// </summary>
internal sealed class ReusableOutputStream(int initialCapacity) : Stream
{
    private byte[] _buffer = new byte[initialCapacity];
    private int _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>The written bytes, writable, e.g. to patch a header in place.</summary>
    public Span<byte> WrittenMutable => _buffer.AsSpan(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public void Reset() => _length = 0;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_length + buffer.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + buffer.Length));
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
