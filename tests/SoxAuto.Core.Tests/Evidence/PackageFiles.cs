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
        long offset;
        using (ZipArchive zip = ZipFile.OpenRead(zipPath))
        {
            offset = DataOffset(bytes, zip.Entries.ToList().FindIndex(e => e.FullName == entryName));
        }

        int length = Entries(zipPath)[entryName].Length;
        bytes[offset + (length / 2)] ^= 0x01;
        File.WriteAllBytes(copyPath, bytes);
        return copyPath;
    }

    // Local headers follow each other from offset 0 (stored entries, no descriptors): walk them to the n-th entry's data.
    private static long DataOffset(byte[] zip, int index)
    {
        long at = 0;
        for (int i = 0; ; i++)
        {
            int nameLength = BitConverter.ToUInt16(zip, (int)at + 26);
            int extraLength = BitConverter.ToUInt16(zip, (int)at + 28);
            long data = at + 30 + nameLength + extraLength;
            if (i == index)
            {
                return data;
            }

            at = data + BitConverter.ToUInt32(zip, (int)at + 18);
        }
    }
}
