namespace SoxAuto.Core.Evidence.Verification;

/// <summary>
/// Bounds that keep verification of a hostile file cheap. A package has 9 entries, small documents and one data file
/// whose CSV rarely compresses better than 20:1; anything far outside that is refused with the limit named.
/// </summary>
internal sealed record VerificationLimits
{
    public static VerificationLimits Default { get; } = new();

    public int MaxEntries { get; init; } = 64;

    public int MaxCentralDirectoryBytes { get; init; } = 1 << 20;

    /// <summary>SHA256SUMS, 04 and 05 are parsed in memory; larger ones are refused.</summary>
    public int MaxDocumentBytes { get; init; } = 16 << 20;

    /// <summary>
    /// Columns declared by 04: the read holds a few blocks of decoded values per column, so a document declaring a
    /// million columns must be refused before any is allocated. Athena results in practice stay far below this.
    /// </summary>
    public int MaxColumns { get; init; } = 4096;

    /// <summary>data.csv.gz may expand to this many times its size (deflate's own maximum is about 1032)…</summary>
    public long MaxExpansionRatio { get; init; } = 250;

    /// <summary>…or to this many bytes, whichever is larger.</summary>
    public long ExpansionFloorBytes { get; init; } = 64L << 20;

    public long ExpansionLimit(long compressedBytes) => Math.Max(ExpansionFloorBytes, compressedBytes * MaxExpansionRatio);
}
