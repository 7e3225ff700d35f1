using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Hashing;

namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>
/// The raw side of the one read: streams the validated result bytes into <c>data.csv.gz</c> (a temporary file in the
/// run folder) through the parallel compressor, hashing the compressed bytes as they are written (SHA-256 for <c>data_file_sha256</c>, CRC-32 for the
/// zip), and keeps the header and first <see cref="PackageEntries.SnapshotRows"/> rows for <c>03_data_snapshot.csv</c>.
/// </summary>
internal sealed class DataFileWriter : IRawCsvConsumer, IDisposable
{
    private readonly FileStream _file;
    private readonly DigestingStream _digest;
    private readonly ParallelGzipWriter _gzip;
    private readonly CsvLineScanner _lines = new();
    private readonly MemoryStream _snapshot = new();
    private bool _closed;

    public DataFileWriter(string path)
    {
        Path = path;
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _digest = new DigestingStream(_file, withCrc32: true);
        _gzip = new ParallelGzipWriter(_digest);
    }

    public string Path { get; }

    /// <summary>Set by <see cref="Finish"/>: the reader saw the whole result without error.</summary>
    public long? Rows { get; private set; }

    public void Consume(ReadOnlySpan<byte> bytes, long rowsSoFar)
    {
        _gzip.Write(bytes);
        const long snapshotLines = PackageEntries.SnapshotRows + 1;
        if (_lines.Lines < snapshotLines)
        {
            _snapshot.Write(bytes[.._lines.Scan(bytes, snapshotLines)]);
        }
    }

    public void Finish(long rowCount) => Rows = rowCount;

    /// <summary>Ends the gzip member, forces the file to disk and returns its digests and the snapshot bytes.</summary>
    public DataFileResult Complete()
    {
        if (Rows is not { } rows)
        {
            throw new InvalidOperationException("the result was not read to the end; there is no complete data file to package");
        }

        _gzip.Finish();
        _file.Flush(flushToDisk: true);
        (string sha256, uint crc) = _digest.Finish();
        long length = _digest.BytesPassed;
        Close();
        return new DataFileResult(Path, length, sha256, crc, rows, _snapshot.ToArray());
    }

    public void Dispose() => Close();

    private void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _gzip.Dispose();
        _digest.Dispose();
        _file.Dispose();
    }
}
