using System.Buffers.Binary;
using System.IO.Compression;

namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>
/// Compresses the data file as one gzip member (RFC 1952) while it streams. The header and trailer are written here,
/// around a raw <see cref="DeflateStream"/>, so that they are the same on every OS (modification time 0, no file name,
/// OS byte 255 "unknown" — .NET's GZipStream writes the build platform's code there). The deflate bytes themselves
/// depend on the runtime's zlib(-ng); the package records the level and runtime.
/// <para>
/// Level 6 (zlib's default) on purpose: evidence is kept for years, so size matters; on CSV extracts it compresses
/// several times better than level 1 (deflate_quick's static trees) and runs well above the rate Athena results
/// arrive from S3, while 9 costs far more time for a few percent (docs/evidence-format.md has the measured figures).
/// This type is the seam for a later parallel compressor (pigz-style independent deflate blocks): callers only see
/// <see cref="Write"/> and <see cref="Finish"/>.
/// </para>
/// </summary>
internal sealed class GzipCompressor : IDisposable
{
    public const int Level = 6;

    private static ReadOnlySpan<byte> Header => [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff];

    private readonly Stream _output;
    private readonly DeflateStream _deflate;
    private readonly Hashing.Crc32 _crc = new();
    private long _length;
    private bool _finished;

    public GzipCompressor(Stream output, int level = Level)
    {
        _output = output;
        _output.Write(Header);
        _deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _crc.Append(data);
        _length += data.Length;
        _deflate.Write(data);
    }

    /// <summary>Ends the deflate stream and writes the trailer: CRC-32 and length mod 2^32 of the uncompressed data.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        if (_length == 0)
        {
            // DeflateStream writes nothing when nothing was written; a gzip member needs a deflate stream: one empty
            // final block with fixed codes (RFC 1951 3.2.6).
            _deflate.Dispose();
            _output.Write([0x03, 0x00]);
        }
        else
        {
            _deflate.Dispose();
        }

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.Value);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_length));
        _output.Write(trailer);
    }

    public void Dispose() => _deflate.Dispose();
}
