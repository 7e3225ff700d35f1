using System.Buffers.Binary;

namespace SoxAuto.Core.Evidence.Zip;

/// <summary>
/// Writes a zip whose bytes depend only on the entries' names and bytes. .NET's ZipArchive is not used because its
/// "version made by" byte is the build platform (0 on Windows, 3 on Unix) and it may add data descriptors. Here:
/// entries are placed as <see cref="PackageLayout"/> says (directory in name order; in the file, the data file first,
/// so <see cref="CompleteWithLeadingEntryAsync"/> can write it once, as it is compressed); all STORED (data.csv.gz is already compressed and the JSON entries are small — and
/// stored bytes do not depend on a compressor's version), every timestamp 1980-01-01 00:00:00, flags 0, no extra
/// fields, no comments, external attributes 0, "made by" MS-DOS; CRC-32 and sizes in the local headers (no data
/// descriptors). Zip64 fields appear only where a size or offset reaches 4 GiB, as the format requires.
/// </summary>
internal static class DeterministicZipWriter
{
    private const int CopyBufferSize = 1 << 20;

    /// <summary>Writes the archive to <paramref name="output"/> (which need not be seekable).</summary>
    /// <param name="zip64Threshold">Tests lower it to exercise the Zip64 layout without 4 GiB of data.</param>
    public static async Task WriteAsync(Stream output, IEnumerable<ZipSource> sources, CancellationToken cancellationToken,
        long zip64Threshold = ZipFormat.Zip64Threshold)
    {
        ZipSource[] entries = [.. PackageLayout.DirectoryOrder(sources, s => s.Name)];
        CheckNames(entries);
        long position = 0;
        Dictionary<string, long> offsets = new(StringComparer.Ordinal);
        foreach (ZipSource entry in PackageLayout.FileOrder(entries, s => s.Name))
        {
            offsets[entry.Name] = position;
            byte[] header = LocalHeader(entry, zip64Threshold);
            await output.WriteAsync(header, cancellationToken);
            position += header.Length;
            await WriteContentAsync(output, entry, cancellationToken);
            position += entry.Length;
        }

        long centralStart = position;
        foreach (ZipSource entry in entries)
        {
            byte[] header = CentralHeader(entry, offsets[entry.Name], zip64Threshold);
            await output.WriteAsync(header, cancellationToken);
            position += header.Length;
        }

        await output.WriteAsync(End(entries.Length, centralStart, position - centralStart, position, zip64Threshold), cancellationToken);
    }

    /// <summary>The size of the local header <see cref="CompleteWithLeadingEntryAsync"/> puts before a leading entry.</summary>
    public static int LeadingHeaderSize(string name) => ZipFormat.LocalHeaderSize + System.Text.Encoding.ASCII.GetByteCount(name);

    /// <summary>
    /// Completes an archive whose first entry's bytes are already in <paramref name="file"/>, from
    /// <see cref="LeadingHeaderSize"/> on: writes that entry's local header in the space reserved for it, then the other
    /// entries in name order, then the central directory (every entry, in name order). The leading entry must be
    /// smaller than 4 GiB (its local header has no room for a Zip64 field); the caller copies larger data instead.
    /// </summary>
    public static async Task CompleteWithLeadingEntryAsync(FileStream file, ZipSource leading, IEnumerable<ZipSource> others, CancellationToken cancellationToken)
    {
        if (leading.Length >= ZipFormat.Zip64Threshold)
        {
            throw new ArgumentException("a leading entry of 4 GiB or more needs a Zip64 local header", nameof(leading));
        }

        ZipSource[] all = [.. PackageLayout.DirectoryOrder(others.Append(leading), s => s.Name)];
        CheckNames(all);
        ZipSource[] fileOrder = [.. PackageLayout.FileOrder(all, s => s.Name)];
        if (!ReferenceEquals(fileOrder[0], leading))
        {
            throw new ArgumentException($"'{leading.Name}' is not the entry the package layout puts first", nameof(leading));
        }

        ZipSource[] rest = fileOrder[1..];

        byte[] leadingHeader = LocalHeader(leading, ZipFormat.Zip64Threshold);
        file.Position = 0;
        await file.WriteAsync(leadingHeader, cancellationToken);
        long position = leadingHeader.Length + leading.Length;
        file.Position = position;
        Dictionary<string, long> offsets = new(StringComparer.Ordinal) { [leading.Name] = 0 };
        foreach (ZipSource entry in rest)
        {
            offsets[entry.Name] = position;
            byte[] header = LocalHeader(entry, ZipFormat.Zip64Threshold);
            await file.WriteAsync(header, cancellationToken);
            await WriteContentAsync(file, entry, cancellationToken);
            position += header.Length + entry.Length;
        }

        long centralStart = position;
        foreach (ZipSource entry in all)
        {
            byte[] header = CentralHeader(entry, offsets[entry.Name], ZipFormat.Zip64Threshold);
            await file.WriteAsync(header, cancellationToken);
            position += header.Length;
        }

        byte[] end = End(all.Length, centralStart, position - centralStart, position, ZipFormat.Zip64Threshold);
        await file.WriteAsync(end, cancellationToken);
        file.SetLength(position + end.Length);
    }

    private static void CheckNames(ZipSource[] sorted)
    {
        for (int i = 0; i < sorted.Length; i++)
        {
            if (!EntryNames.IsSafe(sorted[i].Name) || (i > 0 && string.Equals(sorted[i - 1].Name, sorted[i].Name, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"'{sorted[i].Name}' is not a unique, flat, safe entry name");
            }
        }
    }

    private static async Task WriteContentAsync(Stream output, ZipSource entry, CancellationToken cancellationToken)
    {
        if (entry.FilePath is null)
        {
            await output.WriteAsync(entry.Content, cancellationToken);
            return;
        }

        await using FileStream input = new(entry.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, CopyBufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        input.Position = entry.FileOffset;
        byte[] buffer = new byte[CopyBufferSize];
        long copied = 0;
        int read;
        while (copied < entry.Length && (read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, entry.Length - copied)), cancellationToken)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
        }

        if (copied != entry.Length)
        {
            throw new IOException($"{entry.FilePath} changed while it was packaged: {copied} bytes instead of {entry.Length}");
        }
    }

    private static byte[] LocalHeader(ZipSource entry, long threshold)
    {
        bool zip64 = entry.Length >= threshold;
        byte[] name = System.Text.Encoding.ASCII.GetBytes(entry.Name);
        byte[] header = new byte[ZipFormat.LocalHeaderSize + name.Length + (zip64 ? 20 : 0)];
        Span<byte> h = header;
        BinaryPrimitives.WriteUInt32LittleEndian(h, ZipFormat.LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], zip64 ? ZipFormat.Version45 : ZipFormat.Version10);
        WriteCommon(h[6..], entry);
        BinaryPrimitives.WriteUInt32LittleEndian(h[18..], zip64 ? uint.MaxValue : (uint)entry.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[22..], zip64 ? uint.MaxValue : (uint)entry.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(h[26..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(h[28..], (ushort)(zip64 ? 20 : 0));
        name.CopyTo(h[30..]);
        if (zip64)
        {
            // The local Zip64 extra carries both sizes, uncompressed first.
            Span<byte> extra = h[(30 + name.Length)..];
            BinaryPrimitives.WriteUInt16LittleEndian(extra, ZipFormat.Zip64ExtraId);
            BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], 16);
            BinaryPrimitives.WriteInt64LittleEndian(extra[4..], entry.Length);
            BinaryPrimitives.WriteInt64LittleEndian(extra[12..], entry.Length);
        }

        return header;
    }

    private static byte[] CentralHeader(ZipSource entry, long offset, long threshold)
    {
        bool bigSize = entry.Length >= threshold;
        bool bigOffset = offset >= threshold;
        int extraLength = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
        int extraTotal = extraLength > 0 ? 4 + extraLength : 0;
        ushort version = extraLength > 0 ? ZipFormat.Version45 : ZipFormat.Version10;
        byte[] name = System.Text.Encoding.ASCII.GetBytes(entry.Name);
        byte[] header = new byte[ZipFormat.CentralHeaderSize + name.Length + extraTotal];
        Span<byte> h = header;
        BinaryPrimitives.WriteUInt32LittleEndian(h, ZipFormat.CentralHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], version);
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], version);
        WriteCommon(h[8..], entry);
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], bigSize ? uint.MaxValue : (uint)entry.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], bigSize ? uint.MaxValue : (uint)entry.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(h[28..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(h[30..], (ushort)extraTotal);
        // Comment length, disk number, internal and external attributes: all 0.
        BinaryPrimitives.WriteUInt32LittleEndian(h[42..], bigOffset ? uint.MaxValue : (uint)offset);
        name.CopyTo(h[46..]);
        if (extraTotal > 0)
        {
            // Only the fields marked 0xFFFFFFFF appear, in the order uncompressed size, compressed size, offset.
            Span<byte> extra = h[(46 + name.Length)..];
            BinaryPrimitives.WriteUInt16LittleEndian(extra, ZipFormat.Zip64ExtraId);
            BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], (ushort)extraLength);
            int at = 4;
            if (bigSize)
            {
                BinaryPrimitives.WriteInt64LittleEndian(extra[at..], entry.Length);
                BinaryPrimitives.WriteInt64LittleEndian(extra[(at + 8)..], entry.Length);
                at += 16;
            }

            if (bigOffset)
            {
                BinaryPrimitives.WriteInt64LittleEndian(extra[at..], offset);
            }
        }

        return header;
    }

    // Flags, method, time, date, CRC-32: the 14 bytes local and central headers share.
    private static void WriteCommon(Span<byte> h, ZipSource entry)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(h, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(h[2..], ZipFormat.MethodStored);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], ZipFormat.FixedDosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], ZipFormat.FixedDosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], entry.Crc32);
    }

    private static byte[] End(int count, long centralStart, long centralSize, long zip64EndOffset, long threshold)
    {
        bool zip64 = count >= ushort.MaxValue || centralStart >= threshold || centralSize >= threshold;
        byte[] end = new byte[(zip64 ? ZipFormat.Zip64EndOfCentralDirectorySize + ZipFormat.Zip64LocatorSize : 0) + ZipFormat.EndOfCentralDirectorySize];
        Span<byte> e = end;
        if (zip64)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(e, ZipFormat.Zip64EndOfCentralDirectorySignature);
            BinaryPrimitives.WriteInt64LittleEndian(e[4..], ZipFormat.Zip64EndOfCentralDirectorySize - 12);
            BinaryPrimitives.WriteUInt16LittleEndian(e[12..], ZipFormat.Version45);
            BinaryPrimitives.WriteUInt16LittleEndian(e[14..], ZipFormat.Version45);
            // Disk numbers (this one, the central directory's): 0.
            BinaryPrimitives.WriteInt64LittleEndian(e[24..], count);
            BinaryPrimitives.WriteInt64LittleEndian(e[32..], count);
            BinaryPrimitives.WriteInt64LittleEndian(e[40..], centralSize);
            BinaryPrimitives.WriteInt64LittleEndian(e[48..], centralStart);
            Span<byte> locator = e[ZipFormat.Zip64EndOfCentralDirectorySize..];
            BinaryPrimitives.WriteUInt32LittleEndian(locator, ZipFormat.Zip64LocatorSignature);
            BinaryPrimitives.WriteInt64LittleEndian(locator[8..], zip64EndOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(locator[16..], 1);
            e = e[(ZipFormat.Zip64EndOfCentralDirectorySize + ZipFormat.Zip64LocatorSize)..];
        }

        ushort shortCount = count >= ushort.MaxValue ? ushort.MaxValue : (ushort)count;
        BinaryPrimitives.WriteUInt32LittleEndian(e, ZipFormat.EndOfCentralDirectorySignature);
        BinaryPrimitives.WriteUInt16LittleEndian(e[8..], shortCount);
        BinaryPrimitives.WriteUInt16LittleEndian(e[10..], shortCount);
        BinaryPrimitives.WriteUInt32LittleEndian(e[12..], centralSize >= threshold ? uint.MaxValue : (uint)centralSize);
        BinaryPrimitives.WriteUInt32LittleEndian(e[16..], centralStart >= threshold ? uint.MaxValue : (uint)centralStart);
        return end;
    }
}
