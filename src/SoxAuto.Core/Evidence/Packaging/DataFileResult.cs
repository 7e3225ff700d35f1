namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>
/// The finished data.csv.gz, inside the package's temporary file from <see cref="Offset"/>: its size and digests, the
/// rows, and the snapshot.
/// </summary>
internal sealed record DataFileResult(string Path, int Offset, long Length, string Sha256, uint Crc32, long Rows, byte[] Snapshot);
