using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SoxAuto.Core.Evidence.Zip;

/// <summary>
/// Reads a zip's central directory defensively, with positional reads (nothing is extracted, nothing loaded beyond the
/// directory). Structural problems — no end record, a directory that does not end where the end record starts, more
/// entries than a package has, a local header that disagrees with the directory, overlapping entries (the
/// "non-recursive zip bomb"), data past the directory, encryption, compression, multi-disk — raise
/// <see cref="ZipFormatException"/> with the reason. Entry names are checked by the caller.
/// </summary>
internal static class ZipDirectoryReader
{
    public static ZipDirectory Read(SafeFileHandle file, long length, int maxEntries, int maxDirectoryBytes)
    {
        try
        {
            return ReadCore(file, length, maxEntries, maxDirectoryBytes);
        }
        catch (OverflowException)
        {
            throw new ZipFormatException("a size or offset in the zip is out of range");
        }
    }

    private static ZipDirectory ReadCore(SafeFileHandle file, long length, int maxEntries, int maxDirectoryBytes)
    {
        if (length < ZipFormat.EndOfCentralDirectorySize)
        {
            throw new ZipFormatException($"the file is {length} bytes: too short to be a zip");
        }

        List<string> deviations = [];
        (long endOffset, byte[] end) = FindEnd(file, length);
        int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(20));
        if (commentLength > 0)
        {
            deviations.Add($"the archive has a {commentLength}-byte comment");
        }

        long count = BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(10));
        long directorySize = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(12));
        long directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(16));
        if (BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(4)) != 0 || BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(6)) != 0 ||
            BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(8)) != count)
        {
            throw new ZipFormatException("the zip spans several disks");
        }

        long directoryEnd = endOffset;
        if (endOffset >= ZipFormat.Zip64LocatorSize &&
            BinaryPrimitives.ReadUInt32LittleEndian(ReadAt(file, endOffset - ZipFormat.Zip64LocatorSize, ZipFormat.Zip64LocatorSize, length)) == ZipFormat.Zip64LocatorSignature)
        {
            (count, directorySize, directoryOffset, directoryEnd) = ReadZip64End(file, endOffset - ZipFormat.Zip64LocatorSize, length);
        }
        else if (count == ushort.MaxValue || directorySize == uint.MaxValue || directoryOffset == uint.MaxValue)
        {
            throw new ZipFormatException("the end record points to Zip64 data that is not there");
        }

        if (count > maxEntries)
        {
            throw new ZipFormatException($"the zip has {count} entries; a package has 9 (at most {maxEntries} are read)");
        }

        if (directorySize > maxDirectoryBytes || directoryOffset + directorySize != directoryEnd)
        {
            throw new ZipFormatException(directorySize > maxDirectoryBytes
                ? $"the central directory is {directorySize} bytes (at most {maxDirectoryBytes} are read)"
                : "the central directory does not end where the end record starts: the zip is damaged or has hidden data");
        }

        byte[] directory = ReadAt(file, directoryOffset, (int)directorySize, length);
        List<ZipEntryRecord> entries = ReadEntries(file, directory, (int)count, directoryOffset, length, deviations);
        CheckPlacement(entries, directoryOffset, deviations);
        return new ZipDirectory(entries, deviations);
    }

    private static (long Offset, byte[] Record) FindEnd(SafeFileHandle file, long length)
    {
        int tail = (int)Math.Min(length, ZipFormat.EndOfCentralDirectorySize + ushort.MaxValue);
        byte[] bytes = ReadAt(file, length - tail, tail, length);
        for (int i = tail - ZipFormat.EndOfCentralDirectorySize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == ZipFormat.EndOfCentralDirectorySignature &&
                i + ZipFormat.EndOfCentralDirectorySize + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 20)) == tail)
            {
                return (length - tail + i, bytes[i..(i + ZipFormat.EndOfCentralDirectorySize)]);
            }
        }

        throw new ZipFormatException("no end-of-central-directory record: not a zip file, or a truncated one");
    }

    private static (long Count, long Size, long Offset, long End) ReadZip64End(SafeFileHandle file, long locatorOffset, long length)
    {
        byte[] locator = ReadAt(file, locatorOffset, ZipFormat.Zip64LocatorSize, length);
        long recordOffset = ToLong(BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8)));
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator.AsSpan(4)) != 0 || BinaryPrimitives.ReadUInt32LittleEndian(locator.AsSpan(16)) != 1)
        {
            throw new ZipFormatException("the zip spans several disks");
        }

        byte[] record = ReadAt(file, recordOffset, ZipFormat.Zip64EndOfCentralDirectorySize, length);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != ZipFormat.Zip64EndOfCentralDirectorySignature ||
            recordOffset + 12 + ToLong(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(4))) != locatorOffset)
        {
            throw new ZipFormatException("the Zip64 end record is missing or not where its locator says");
        }

        long count = ToLong(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)));
        if (BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(16)) != 0 || BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(20)) != 0 ||
            ToLong(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(24))) != count)
        {
            throw new ZipFormatException("the zip spans several disks");
        }

        return (count, ToLong(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40))),
            ToLong(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(48))), recordOffset);
    }

    private static List<ZipEntryRecord> ReadEntries(SafeFileHandle file, byte[] directory, int count, long directoryOffset, long length,
        List<string> deviations)
    {
        List<ZipEntryRecord> entries = new(count);
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            if (at + ZipFormat.CentralHeaderSize > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) != ZipFormat.CentralHeaderSignature)
            {
                throw new ZipFormatException($"central directory entry {i + 1} is damaged");
            }

            ReadOnlySpan<byte> h = directory.AsSpan(at);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(h[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(h[32..]);
            int total = ZipFormat.CentralHeaderSize + nameLength + extraLength + commentLength;
            if (at + total > directory.Length)
            {
                throw new ZipFormatException($"central directory entry {i + 1} runs past the directory");
            }

            ZipEntryRecord central = CentralEntry(directory.AsSpan(at, total), nameLength, extraLength, commentLength);
            entries.Add(WithLocalHeader(file, central, directory.AsSpan(at + ZipFormat.CentralHeaderSize, nameLength), directoryOffset, length));
            at += total;
        }

        if (at != directory.Length)
        {
            throw new ZipFormatException($"the central directory has {directory.Length - at} bytes after its last entry");
        }

        return entries;
    }

    private static ZipEntryRecord CentralEntry(ReadOnlySpan<byte> h, int nameLength, int extraLength, int commentLength)
    {
        string name = Encoding.UTF8.GetString(h.Slice(ZipFormat.CentralHeaderSize, nameLength));
        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]);
        ushort method = BinaryPrimitives.ReadUInt16LittleEndian(h[10..]);
        if ((flags & 0x0041) != 0)
        {
            throw new ZipFormatException($"entry '{name}' is encrypted");
        }

        if (method != ZipFormat.MethodStored)
        {
            throw new ZipFormatException($"entry '{name}' is compressed (method {method}); package entries are stored, so this is not a package as written (scripts/cdh1.py can still check its content)");
        }

        long compressed = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]);
        long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(h[42..]);
        bool zip64 = compressed == uint.MaxValue || uncompressed == uint.MaxValue || offset == uint.MaxValue;
        if (zip64)
        {
            ReadOnlySpan<byte> field = Zip64Field(h.Slice(ZipFormat.CentralHeaderSize + nameLength, extraLength), name);
            uncompressed = uncompressed == uint.MaxValue ? Take(ref field, name) : uncompressed;
            compressed = compressed == uint.MaxValue ? Take(ref field, name) : compressed;
            offset = offset == uint.MaxValue ? Take(ref field, name) : offset;
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(h[34..]) != 0)
        {
            throw new ZipFormatException($"entry '{name}' is on another disk");
        }

        if (compressed != uncompressed)
        {
            throw new ZipFormatException($"entry '{name}' is stored but its sizes differ ({compressed} and {uncompressed})");
        }

        return new ZipEntryRecord
        {
            Name = name,
            VersionMadeBy = BinaryPrimitives.ReadUInt16LittleEndian(h[4..]),
            VersionNeeded = BinaryPrimitives.ReadUInt16LittleEndian(h[6..]),
            Flags = flags,
            Method = method,
            DosTime = BinaryPrimitives.ReadUInt16LittleEndian(h[12..]),
            DosDate = BinaryPrimitives.ReadUInt16LittleEndian(h[14..]),
            Crc32 = BinaryPrimitives.ReadUInt32LittleEndian(h[16..]),
            CompressedSize = compressed,
            UncompressedSize = uncompressed,
            LocalHeaderOffset = offset,
            DataOffset = 0,
            CentralExtraLength = extraLength,
            LocalExtraLength = 0,
            CommentLength = commentLength,
            InternalAttributes = BinaryPrimitives.ReadUInt16LittleEndian(h[36..]),
            ExternalAttributes = BinaryPrimitives.ReadUInt32LittleEndian(h[38..]),
            NeedsZip64 = compressed >= ZipFormat.Zip64Threshold || offset >= ZipFormat.Zip64Threshold,
        };
    }

    private static ZipEntryRecord WithLocalHeader(SafeFileHandle file, ZipEntryRecord entry, ReadOnlySpan<byte> centralName, long directoryOffset, long length)
    {
        if (entry.LocalHeaderOffset + ZipFormat.LocalHeaderSize > directoryOffset)
        {
            throw new ZipFormatException($"entry '{entry.Name}' starts inside or after the central directory");
        }

        byte[] header = ReadAt(file, entry.LocalHeaderOffset, ZipFormat.LocalHeaderSize, length);
        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        long dataOffset = entry.LocalHeaderOffset + ZipFormat.LocalHeaderSize + nameLength + extraLength;
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != ZipFormat.LocalHeaderSignature || dataOffset > directoryOffset)
        {
            throw new ZipFormatException($"the local header of entry '{entry.Name}' is damaged");
        }

        byte[] nameAndExtra = ReadAt(file, entry.LocalHeaderOffset + ZipFormat.LocalHeaderSize, nameLength + extraLength, length);
        bool descriptor = (entry.Flags & 0x0008) != 0;
        long localCompressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(18));
        long localUncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(22));
        if (localCompressed == uint.MaxValue && localUncompressed == uint.MaxValue)
        {
            ReadOnlySpan<byte> field = Zip64Field(nameAndExtra.AsSpan(nameLength), entry.Name);
            localUncompressed = Take(ref field, entry.Name);
            localCompressed = Take(ref field, entry.Name);
        }

        bool agrees = nameAndExtra.AsSpan(0, nameLength).SequenceEqual(centralName) &&
            BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6)) == entry.Flags &&
            BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8)) == entry.Method &&
            (descriptor || (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(14)) == entry.Crc32 &&
                            localCompressed == entry.CompressedSize && localUncompressed == entry.UncompressedSize));
        if (!agrees)
        {
            throw new ZipFormatException($"the local header of entry '{entry.Name}' disagrees with the central directory (name, flags, method, CRC or sizes)");
        }

        if (dataOffset + entry.CompressedSize > directoryOffset)
        {
            throw new ZipFormatException($"the data of entry '{entry.Name}' runs into the central directory");
        }

        return entry with
        {
            DataOffset = dataOffset,
            LocalExtraLength = extraLength,
            LocalVersionNeeded = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(4)),
            LocalDosTime = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10)),
            LocalDosDate = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(12)),
        };
    }

    // Entries may not overlap (several directory entries sharing bytes is how non-recursive zip bombs work).
    private static void CheckPlacement(List<ZipEntryRecord> entries, long directoryOffset, List<string> deviations)
    {
        long expected = 0;
        foreach (ZipEntryRecord entry in entries.OrderBy(e => e.LocalHeaderOffset))
        {
            if (entry.LocalHeaderOffset < expected)
            {
                throw new ZipFormatException($"entry '{entry.Name}' overlaps the entry before it");
            }

            if (entry.LocalHeaderOffset > expected)
            {
                deviations.Add($"{entry.LocalHeaderOffset - expected} unlisted byte(s) before entry '{entry.Name}'");
            }

            expected = entry.DataEnd;
        }

        if (expected < directoryOffset)
        {
            deviations.Add($"{directoryOffset - expected} unlisted byte(s) before the central directory");
        }
    }

    private static ReadOnlySpan<byte> Zip64Field(ReadOnlySpan<byte> extra, string name)
    {
        while (extra.Length >= 4)
        {
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + size > extra.Length)
            {
                break;
            }

            if (id == ZipFormat.Zip64ExtraId)
            {
                return extra.Slice(4, size);
            }

            extra = extra[(4 + size)..];
        }

        throw new ZipFormatException($"entry '{name}' needs a Zip64 extra field and has none");
    }

    private static long Take(ref ReadOnlySpan<byte> field, string name)
    {
        if (field.Length < 8)
        {
            throw new ZipFormatException($"the Zip64 extra field of entry '{name}' is too short");
        }

        long value = ToLong(BinaryPrimitives.ReadUInt64LittleEndian(field));
        field = field[8..];
        return value;
    }

    private static long ToLong(ulong value) =>
        value <= long.MaxValue ? (long)value : throw new ZipFormatException("a size or offset in the zip is out of range");

    private static byte[] ReadAt(SafeFileHandle file, long offset, int count, long length)
    {
        if (offset < 0 || count < 0 || offset + count > length)
        {
            throw new ZipFormatException("a record points outside the file: the zip is truncated or damaged");
        }

        byte[] buffer = new byte[count];
        int filled = 0;
        while (filled < count)
        {
            int read = RandomAccess.Read(file, buffer.AsSpan(filled), offset + filled);
            if (read == 0)
            {
                throw new ZipFormatException("the file ended early: the zip is truncated");
            }

            filled += read;
        }

        return buffer;
    }
}
