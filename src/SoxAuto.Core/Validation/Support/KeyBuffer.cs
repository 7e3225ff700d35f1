namespace SoxAuto.Core.Validation.Support;

/// <summary>A reusable, growable byte buffer for encoded keys: reset per row, so encoding a key allocates nothing.</summary>
internal sealed class KeyBuffer
{
    private byte[] _bytes = new byte[64];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Truncate(int length) => Length = length;

    public void Append(byte value) => Reserve(1)[0] = value;

    public void Append(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    public void CopyFrom(KeyBuffer other)
    {
        Clear();
        Append(other.Span);
    }

    public Span<byte> Reserve(int count)
    {
        if (Length + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
        }

        Span<byte> target = _bytes.AsSpan(Length, count);
        Length += count;
        return target;
    }
}
