namespace SoxAuto.Core.Evidence.Zip;

/// <summary>One entry as the central directory and its local header describe it (after the reader checked they agree).</summary>
internal sealed record ZipEntryRecord
{
    public required string Name { get; init; }

    public required ushort VersionMadeBy { get; init; }

    public required ushort VersionNeeded { get; init; }

    public required ushort Flags { get; init; }

    public required ushort Method { get; init; }

    public required ushort DosTime { get; init; }

    public required ushort DosDate { get; init; }

    public required uint Crc32 { get; init; }

    public required long CompressedSize { get; init; }

    public required long UncompressedSize { get; init; }

    public required long LocalHeaderOffset { get; init; }

    /// <summary>Where the entry's bytes start (after the local header, its name and extra field).</summary>
    public required long DataOffset { get; init; }

    /// <summary>The local header's own copies of these fields; a deterministic package has them equal to the directory's.</summary>
    public ushort LocalVersionNeeded { get; init; }

    public ushort LocalDosTime { get; init; }

    public ushort LocalDosDate { get; init; }

    public required int CentralExtraLength { get; init; }

    public required int LocalExtraLength { get; init; }

    public required int CommentLength { get; init; }

    public required ushort InternalAttributes { get; init; }

    public required uint ExternalAttributes { get; init; }

    /// <summary>A size or the offset was too large for 32 bits, so Zip64 extra fields are required.</summary>
    public required bool NeedsZip64 { get; init; }

    public long DataEnd => DataOffset + CompressedSize;
}
