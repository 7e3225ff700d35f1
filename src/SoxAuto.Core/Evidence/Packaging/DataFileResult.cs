namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>The finished data.csv.gz (a temporary file until packaged): its size and digests, the rows, and the snapshot.</summary>
internal sealed record DataFileResult(string Path, long Length, string Sha256, uint Crc32, long Rows, byte[] Snapshot);
