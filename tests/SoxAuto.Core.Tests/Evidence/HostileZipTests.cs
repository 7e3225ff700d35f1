using System.IO.Compression;
using System.Text;
using SoxAuto.Core.Evidence.Verification;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>Malformed and hostile files are failed verifications with a reason: never a crash, never a write.</summary>
public sealed class HostileZipTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("../evil.txt", "is a relative path")]
    [InlineData("/etc/cron.d/evil", "is an absolute path")]
    [InlineData("C:\\evil.txt", "is an absolute path")]
    [InlineData("sub/evil.txt", "inside a folder")]
    public async Task UnsafeEntryName_IsRefusedBeforeAnythingIsRead(string name, string reason)
    {
        string path = ZipWithBcl(("SHA256SUMS", "x"), (name, "payload"));

        PackageVerification result = await PackageVerifier.VerifyAsync(path);

        VerificationCheck names = Assert.Single(result.Checks, c => !c.Ok);
        Assert.Equal("zip_entry_names", names.Name);
        Assert.Contains(reason, names.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "..", "evil.txt")));
    }

    [Fact]
    public async Task DuplicateEntries_AreRefused()
    {
        string path = ZipWithBcl(("SHA256SUMS", "a"), ("SHA256SUMS", "b"));

        PackageVerification result = await PackageVerifier.VerifyAsync(path);

        Assert.Contains(result.Checks, c => c.Name == "zip_entry_names" && !c.Ok && c.Detail.Contains("more than once", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, "too short")]
    [InlineData(1, "no end-of-central-directory")]
    [InlineData(2, "truncated")]
    public async Task NotAZip_EmptyOrTruncated_FailsTheStructureCheck(int kind, string reason)
    {
        string package = (await EvidenceSamples.WritePackageAsync(_temp.Combine("out"), EvidenceSamples.Csv(50))).Package.Path;
        byte[] bytes = await File.ReadAllBytesAsync(package);
        string path = _temp.Combine($"bad{kind}.zip");
        await File.WriteAllBytesAsync(path, kind switch
        {
            0 => [],
            1 => Encoding.UTF8.GetBytes("this is a text file pretending to be a package, long enough to be looked at"),
            _ => bytes[..(bytes.Length / 2)],
        });

        PackageVerification result = await PackageVerifier.VerifyAsync(path);

        VerificationCheck structure = Assert.Single(result.Checks);
        Assert.Equal("zip_structure", structure.Name);
        Assert.False(structure.Ok);
        Assert.Contains(reason, structure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompressedEntries_AreNotReadAsAPackage()
    {
        string path = ZipWithBcl([("SHA256SUMS", new string('x', 5000))], CompressionLevel.Optimal);

        PackageVerification result = await PackageVerifier.VerifyAsync(path, default);

        Assert.Contains("compressed (method 8)", Assert.Single(result.Checks).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlappingEntries_NonRecursiveZipBomb_AreRefused()
    {
        // Entry "a" stores the bytes of a complete local entry "b"; the directory lists both, so "b" lies inside "a".
        byte[] inner = LocalEntry("b", Encoding.ASCII.GetBytes("hello"));
        byte[] outer = LocalEntry("a", inner);
        using MemoryStream zip = new();
        zip.Write(outer);
        long directory = zip.Position;
        zip.Write(CentralEntry("a", outer.Length - 31, 0, inner));
        zip.Write(CentralEntry("b", 5, 31, Encoding.ASCII.GetBytes("hello")));
        zip.Write(End(2, zip.Position - directory, directory));
        string path = _temp.Combine("overlap.zip");
        await File.WriteAllBytesAsync(path, zip.ToArray());

        PackageVerification result = await PackageVerifier.VerifyAsync(path);

        Assert.Contains("overlaps", Assert.Single(result.Checks).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataFileThatExpandsBeyondTheLimit_IsStoppedEarly()
    {
        // 64 MiB of one repeated valid row compresses about 1000:1: a "gzip bomb" that is otherwise a plausible CSV.
        Dictionary<string, byte[]> entries = PackageFiles.Entries((await EvidenceSamples.WritePackageAsync(_temp.Combine("out"), EvidenceSamples.Csv(3))).Package.Path);
        byte[] row = Encoding.UTF8.GetBytes("\"JE-1\",\"1\",\"400000\",\"1.00\",\"2025-09-30\",\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n");
        using MemoryStream bomb = new();
        using (GZipStream gzip = new(bomb, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(EvidenceSamples.Header));
            byte[] block = [.. Enumerable.Repeat(row, 10_000).SelectMany(r => r)];
            for (long written = 0; written < 80L << 20; written += block.Length)
            {
                gzip.Write(block);
            }
        }

        entries["data.csv.gz"] = bomb.ToArray();
        string path = PackageFiles.Repack(entries, _temp.Combine("bomb.zip"));

        PackageVerification result = await PackageVerifier.VerifyAsync(path, VerificationLimits.Default with { ExpansionFloorBytes = 8L << 20 }, default);

        Assert.Contains(result.Checks, c => c.Name == "dataset_sha256" && !c.Ok && c.Detail.Contains("zip-bomb guard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TooManyEntries_AreRefused()
    {
        string path = ZipWithBcl([.. Enumerable.Range(0, 100).Select(i => ($"e{i}", "x"))]);

        PackageVerification result = await PackageVerifier.VerifyAsync(path);

        Assert.Contains("100 entries", Assert.Single(result.Checks).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderOrUnreadablePath_IsAFailedCheck_NotACrash()
    {
        PackageVerification result = await PackageVerifier.VerifyAsync(_temp.Path);

        Assert.False(result.Ok);
        Assert.Equal("file", Assert.Single(result.Checks).Name);
    }

    private string ZipWithBcl(params (string Name, string Content)[] entries) => ZipWithBcl(entries, CompressionLevel.NoCompression);

    private string ZipWithBcl((string Name, string Content)[] entries, CompressionLevel level)
    {
        string path = _temp.Combine(Guid.NewGuid().ToString("N") + ".zip");
        using ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach ((string name, string content) in entries)
        {
            using StreamWriter writer = new(zip.CreateEntry(name, level).Open());
            writer.Write(content);
        }

        return path;
    }

    private static byte[] LocalEntry(string name, byte[] data)
    {
        using MemoryStream header = new();
        using BinaryWriter w = new(header);
        w.Write(0x04034b50u);
        w.Write((ushort)10);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)0x21);
        w.Write(SoxAuto.Core.Evidence.Hashing.Crc32.Compute(data));
        w.Write((uint)data.Length);
        w.Write((uint)data.Length);
        w.Write((ushort)name.Length);
        w.Write((ushort)0);
        w.Write(Encoding.ASCII.GetBytes(name));
        w.Write(data);
        return header.ToArray();
    }

    private static byte[] CentralEntry(string name, int size, uint offset, byte[] data)
    {
        using MemoryStream header = new();
        using BinaryWriter w = new(header);
        w.Write(0x02014b50u);
        w.Write((ushort)10);
        w.Write((ushort)10);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)0x21);
        w.Write(SoxAuto.Core.Evidence.Hashing.Crc32.Compute(data));
        w.Write((uint)size);
        w.Write((uint)size);
        w.Write((ushort)name.Length);
        w.Write(new byte[12]);
        w.Write(offset);
        w.Write(Encoding.ASCII.GetBytes(name));
        return header.ToArray();
    }

    private static byte[] End(ushort count, long size, long offset)
    {
        using MemoryStream end = new();
        using BinaryWriter w = new(end);
        w.Write(0x06054b50u);
        w.Write(0u);
        w.Write(count);
        w.Write(count);
        w.Write((uint)size);
        w.Write((uint)offset);
        w.Write((ushort)0);
        return end.ToArray();
    }
}
