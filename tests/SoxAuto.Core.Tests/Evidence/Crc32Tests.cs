using System.IO.Compression;
using System.Text;
using SoxAuto.Core.Evidence.Hashing;

namespace SoxAuto.Core.Tests.Evidence;

public sealed class Crc32Tests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("123456789", 0xCBF43926u)] // the standard check value of CRC-32/ISO-HDLC
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void KnownValues(string text, uint expected) => Assert.Equal(expected, Crc32.Compute(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void AppendInPieces_EqualsAppendAtOnce_AtEveryAlignment()
    {
        byte[] data = new byte[10_007];
        new Random(7).NextBytes(data);
        uint whole = Crc32.Compute(data);
        foreach (int split in new[] { 1, 3, 7, 8, 9, 4096, 10_006 })
        {
            Crc32 crc = new();
            crc.Append(data.AsSpan(0, split));
            crc.Append(data.AsSpan(split));
            Assert.Equal(whole, crc.Value);
        }
    }

    [Fact]
    public void AgreesWithTheCrcInGzipFilesWrittenByTheBcl()
    {
        byte[] data = new byte[100_003];
        new Random(11).NextBytes(data);
        using MemoryStream gz = new();
        using (GZipStream gzip = new(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        byte[] bytes = gz.ToArray();
        Assert.Equal(BitConverter.ToUInt32(bytes, bytes.Length - 8), Crc32.Compute(data));
    }
}
