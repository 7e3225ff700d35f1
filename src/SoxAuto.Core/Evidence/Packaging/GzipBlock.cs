namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>
/// One of the compressor's few reusable blocks: input bytes in, a gzip member out. Blocks are recycled, never
/// re-allocated, so the compressor's memory is fixed however large the data file.
/// </summary>
internal sealed class GzipBlock(int capacity) : IDisposable
{
    public byte[] Input { get; } = new byte[capacity];

    public int Length { get; set; }

    public ReusableOutputStream Output { get; } = new(capacity / 2);

    public Exception? Error { get; set; }

    public ManualResetEventSlim Compressed { get; } = new(false);

    public int Free => Input.Length - Length;

    public void Recycle()
    {
        Length = 0;
        Error = null;
        Output.Reset();
        Compressed.Reset();
    }

    public void Dispose() => Compressed.Dispose();
}
