namespace SoxAuto.Core.Evidence.Zip;

/// <summary>
/// One entry to store: its name, length and CRC-32 (known before writing, so the zip needs no data descriptors), and
/// its bytes — in memory, or a range of a file that is copied in.
/// </summary>
internal sealed record ZipSource(string Name, long Length, uint Crc32, ReadOnlyMemory<byte> Content, string? FilePath, long FileOffset = 0)
{
    public static ZipSource FromBytes(string name, byte[] content) => new(name, content.LongLength, Hashing.Crc32.Compute(content), content, null);

    public static ZipSource FromFile(string name, string path, long length, uint crc32, long offset = 0) =>
        new(name, length, crc32, ReadOnlyMemory<byte>.Empty, path, offset);
}
