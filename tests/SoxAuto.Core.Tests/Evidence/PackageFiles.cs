using System.IO.Compression;
using SoxAuto.Core.Evidence.Zip;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>Reads and rewrites packages in tests: entries by name, one byte flipped, re-packed with different entries.</summary>
internal static class PackageFiles
{
    public static Dictionary<string, byte[]> Entries(string zipPath)
    {
        using ZipArchive zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using Stream stream = e.Open();
            using MemoryStream copy = new();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    public static byte[] Gunzip(byte[] gz)
    {
        using GZipStream gzip = new(new MemoryStream(gz), CompressionMode.Decompress);
        using MemoryStream plain = new();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    public static byte[] Gzip(byte[] plain)
    {
        using MemoryStream gz = new();
        using (GZipStream gzip = new(gz, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return gz.ToArray();
    }

    /// <summary>Writes <paramref name="entries"/> as a package zip with the project's deterministic writer.</summary>
    public static string Repack(IReadOnlyDictionary<string, byte[]> entries, string path)
    {
        using (FileStream file = File.Create(path))
        {
            DeterministicZipWriter.WriteAsync(file, entries.Select(e => ZipSource.FromBytes(e.Key, e.Value)), CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        return path;
    }

    /// <summary>Unzips into a fresh folder under <paramref name="parent"/> with the BCL (no soxauto code involved).</summary>
    public static string Extract(string zipPath, string parent)
    {
        string folder = Path.Combine(parent, "x-" + Guid.NewGuid().ToString("N"));
        ZipFile.ExtractToDirectory(zipPath, folder);
        return folder;
    }

    /// <summary>Flips one byte in the middle of an entry's stored bytes inside the zip file (CRC and all else left as they were).</summary>
    public static string FlipByteInEntry(string zipPath, string entryName, string copyPath)
    {
        File.Copy(zipPath, copyPath);
        byte[] bytes = File.ReadAllBytes(copyPath);
        long offset = DataOffset(bytes, entryName);
        int length = Entries(zipPath)[entryName].Length;
        bytes[offset + (length / 2)] ^= 0x01;
        File.WriteAllBytes(copyPath, bytes);
        return copyPath;
    }

    // The entry's local header offset comes from the central directory (the data file is first in the file, the other
    // entries follow in name order); its data starts after the local header's name and extra field.
    private static long DataOffset(byte[] zip, string entryName)
    {
        int end = zip.Length - 22;
        while (BitConverter.ToUInt32(zip, end) != 0x06054b50)
        {
            end--;
        }

        int count = BitConverter.ToUInt16(zip, end + 10);
        long at = BitConverter.ToUInt32(zip, end + 16);
        for (int i = 0; i < count; i++)
        {
            int nameLength = BitConverter.ToUInt16(zip, (int)at + 28);
            int extraLength = BitConverter.ToUInt16(zip, (int)at + 30);
            int commentLength = BitConverter.ToUInt16(zip, (int)at + 32);
            string name = System.Text.Encoding.ASCII.GetString(zip, (int)at + 46, nameLength);
            if (name == entryName)
            {
                long local = BitConverter.ToUInt32(zip, (int)at + 42);
                return local + 30 + BitConverter.ToUInt16(zip, (int)local + 26) + BitConverter.ToUInt16(zip, (int)local + 28);
            }

            at += 46 + nameLength + extraLength + commentLength;
        }

        throw new InvalidOperationException($"no entry {entryName}");
    }
}
