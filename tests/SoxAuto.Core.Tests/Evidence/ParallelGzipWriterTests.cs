using System.Security.Cryptography;
using SoxAuto.Core.Evidence.Packaging;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Evidence;

public sealed class ParallelGzipWriterTests
{
    // Pseudo-random but compressible bytes spanning several 4 MiB members, written in odd-sized pieces.
    private static byte[] Data(int length)
    {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)"abcdefgh,\"0123456789\n"[(int)(unchecked((uint)i * 2654435761u) >> 27) % 21];
        }

        return data;
    }

    private static byte[] Compress(byte[] data, int piece = 777_777)
    {
        using MemoryStream output = new();
        using (ParallelGzipWriter gzip = new(output))
        {
            for (int at = 0; at < data.Length; at += piece)
            {
                gzip.Write(data.AsSpan(at, Math.Min(piece, data.Length - at)));
            }

            gzip.Finish();
        }

        return output.ToArray();
    }

    [Fact]
    public void ManyMembers_ReadBackAsOneStream_InOrder()
    {
        byte[] data = Data((3 * ParallelGzipWriter.BlockSize) + 12345);

        byte[] gz = Compress(data);

        Assert.Equal(data, PackageFiles.Gunzip(gz));
        Assert.True(gz.Length < data.Length, $"{gz.Length} >= {data.Length}");
    }

    [Fact]
    public void EveryMember_HasTheSameFixedHeader_AndTheOutputIsDeterministic()
    {
        byte[] data = Data((2 * ParallelGzipWriter.BlockSize) + 1);

        byte[] first = Compress(data, piece: 1 << 20);
        byte[] second = Compress(data, piece: 333);

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
        int members = 0;
        for (int at = 0; at + 10 <= first.Length; at++)
        {
            if (first[at] == 0x1f && first[at + 1] == 0x8b && first[at + 2] == 0x08 && first.AsSpan(at + 3, 5).SequenceEqual(new byte[5]) && first[at + 9] == 0xff)
            {
                members++;
            }
        }

        Assert.Equal(3, members);
    }

    [Fact]
    public void EmptyInput_IsAValidEmptyGzip()
    {
        Assert.Empty(PackageFiles.Gunzip(Compress([])));
    }

    [Fact]
    public async Task GnuGzip_ReadsTheMultiMemberFile()
    {
        byte[] data = Data(ParallelGzipWriter.BlockSize + 99);
        using TempDirectory folder = new();
        string path = folder.Combine("data.csv.gz");
        await File.WriteAllBytesAsync(path, Compress(data));

        using ExternalProcess gunzip = ExternalProcess.Start("gzip", ["-t", path], "GNU gzip is expected on this machine");

        Assert.True(gunzip.WaitForExit(TimeSpan.FromSeconds(60), out int exit) && exit == 0, gunzip.Log);
    }

    [Fact]
    public void AFailingOutput_Surfaces_AndStopsTheThreads()
    {
        using FailingStream output = new();
        using ParallelGzipWriter gzip = new(output);
        byte[] data = Data(ParallelGzipWriter.BlockSize);

        Assert.Throws<IOException>(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                gzip.Write(data);
            }

            gzip.Finish();
        });
    }

    [Theory]
    [InlineData("access")]
    [InlineData("disposed")]
    [InlineData("unsupported")]
    public void AnyOutputFailure_SurfacesOnTheCallersThread_NeverEndsTheProcess(string failure)
    {
        // Thrown on the writer thread; escaping it would take the whole process (and every other item) down.
        using FailingStream output = new(failure switch
        {
            "access" => new UnauthorizedAccessException("read-only file"),
            "disposed" => new ObjectDisposedException("output"),
            _ => new NotSupportedException("stream does not support writing"),
        });
        using ParallelGzipWriter gzip = new(output);
        byte[] data = Data(ParallelGzipWriter.BlockSize);

        IOException error = Assert.Throws<IOException>(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                gzip.Write(data);
            }

            gzip.Finish();
        });
        Assert.Equal(output.Failure, error.InnerException);
    }

    private sealed class FailingStream(Exception? failure = null) : MemoryStream
    {
        public Exception Failure { get; } = failure ?? new IOException("disk full");

        public override void Write(ReadOnlySpan<byte> buffer) => throw Failure;

        public override void Write(byte[] buffer, int offset, int count) => throw Failure;
    }
}
