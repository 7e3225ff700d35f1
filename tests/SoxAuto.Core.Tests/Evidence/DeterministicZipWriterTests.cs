using System.IO.Compression;
using System.Text;
using Microsoft.Win32.SafeHandles;
using SoxAuto.Core.Evidence.Zip;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Evidence;

public sealed class DeterministicZipWriterTests
{
    private static readonly Dictionary<string, byte[]> Sample = new(StringComparer.Ordinal)
    {
        ["b.json"] = Encoding.UTF8.GetBytes("{\"b\": 1}\n"),
        ["SHA256SUMS"] = Encoding.UTF8.GetBytes("sums\n"),
        ["a.sql"] = Encoding.UTF8.GetBytes("SELECT 1"),
        ["empty.txt"] = [],
    };

    [Fact]
    public async Task SameEntriesInAnyOrder_GiveIdenticalBytes()
    {
        byte[] first = await ZipAsync(Sample);
        byte[] second = await ZipAsync(Sample.Reverse().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Archive_HasSortedStoredEntries_FixedTimestamps_NoExtras_AndReadsWithTheBcl()
    {
        byte[] bytes = await ZipAsync(Sample);

        using ZipArchive zip = new(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Equal(["SHA256SUMS", "a.sql", "b.json", "empty.txt"], zip.Entries.Select(e => e.FullName));
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            Assert.Equal(new DateTime(1980, 1, 1, 0, 0, 0), entry.LastWriteTime.DateTime);
            Assert.Equal(entry.Length, entry.CompressedLength);
            Assert.Equal(0, entry.ExternalAttributes);
            using Stream content = entry.Open();
            using MemoryStream copy = new();
            await content.CopyToAsync(copy);
            Assert.Equal(Sample[entry.FullName], copy.ToArray());
        }

        Assert.Equal(0x0021, BitConverter.ToUInt16(bytes, 12)); // 1980-01-01 in the first local header
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 28));       // no extra field
        Assert.Equal(10, BitConverter.ToUInt16(bytes, 4));       // version 1.0: stored
    }

    [Fact]
    public async Task Zip64Layout_IsValid_ForUnzipPythonAndTheVerifiersReader()
    {
        using TempDirectory temp = new();
        string path = temp.Combine("zip64.zip");
        await using (FileStream file = File.Create(path))
        {
            // Every size and offset of at least 1 takes the Zip64 path, as real 4 GiB data would.
            await DeterministicZipWriter.WriteAsync(file, Sample.Select(e => ZipSource.FromBytes(e.Key, e.Value)), CancellationToken.None, zip64Threshold: 1);
        }

        (int unzipExit, string unzipOutput) = await ExternalProcess.RunAsync("unzip", ["-t", path]);
        Assert.True(unzipExit == 0, unzipOutput);
        (int pythonExit, string pythonOutput) = await ExternalProcess.RunAsync("python3",
            ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(sorted((i.filename, i.file_size) for i in z.infolist()))", path]);
        Assert.True(pythonExit == 0, pythonOutput);
        Assert.Contains("('b.json', 9)", pythonOutput, StringComparison.Ordinal);
        using SafeFileHandle handle = File.OpenHandle(path);
        ZipDirectory directory = ZipDirectoryReader.Read(handle, RandomAccess.GetLength(handle), 64, 1 << 20);
        Assert.Equal([0L, 5, 8, 9], directory.Entries.Select(e => e.UncompressedSize).Order());
    }

    [Fact]
    public async Task UnsafeOrDuplicateNames_AreRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ZipAsync(new Dictionary<string, byte[]> { ["../x"] = [] }));
        await Assert.ThrowsAsync<ArgumentException>(() => DeterministicZipWriter.WriteAsync(Stream.Null,
            [ZipSource.FromBytes("a", []), ZipSource.FromBytes("a", [1])], CancellationToken.None));
    }

    private static async Task<byte[]> ZipAsync(IReadOnlyDictionary<string, byte[]> entries)
    {
        using MemoryStream output = new();
        await DeterministicZipWriter.WriteAsync(output, entries.Select(e => ZipSource.FromBytes(e.Key, e.Value)), CancellationToken.None);
        return output.ToArray();
    }
}
