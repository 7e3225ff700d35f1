using System.Text;
using SoxAuto.Core.Evidence.Packaging;

namespace SoxAuto.Core.Tests.Evidence;

public sealed class GzipCompressorTests
{
    [Fact]
    public void Output_IsOneGzipMember_WithAFixedHeader_ThatAnyGunzipReads()
    {
        byte[] data = Encoding.UTF8.GetBytes(EvidenceSamples.Csv(2000));
        using MemoryStream output = new();
        using (GzipCompressor gzip = new(output))
        {
            gzip.Write(data.AsSpan(0, 1000));
            gzip.Write(data.AsSpan(1000));
            gzip.Finish();
        }

        byte[] gz = output.ToArray();
        Assert.Equal(new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff }, gz[..10]); // no mtime, no name, OS "unknown"
        Assert.Equal(data, PackageFiles.Gunzip(gz));
        Assert.Equal((uint)data.Length, BitConverter.ToUInt32(gz, gz.Length - 4));
        Assert.True(gz.Length < data.Length / 3, $"{gz.Length} of {data.Length} bytes");
    }

    [Fact]
    public void EmptyInput_IsAValidEmptyGzip()
    {
        using MemoryStream output = new();
        using (GzipCompressor gzip = new(output))
        {
            gzip.Finish();
        }

        Assert.Empty(PackageFiles.Gunzip(output.ToArray()));
    }
}
