using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Hashing;

namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>
/// The raw side of the one read: streams the validated result bytes through the parallel compressor straight into
/// the package's temporary file, after <see cref="Offset"/> bytes reserved for the entry's zip header, so data.csv.gz
/// is written to disk once. The compressed bytes are hashed as they are written (SHA-256 for <c>data_file_sha256</c>,
/// CRC-32 for the zip), and the header and first <see cref="PackageEntries.SnapshotRows"/> rows are kept for
/// <c>03_data_snapshot.csv</c>.
/// </summary>
internal sealed class DataFileWriter : IRawCsvConsumer, IDisposable
{
    private readonly FileStream _file;
    private readonly DigestingStream _digest;
    private readonly ParallelGzipWriter _gzip;
    private readonly CsvLineScanner _lines = new();
    private readonly MemoryStream _snapshot = new();
    private bool _closed;

    public DataFileWriter(string path, int offset)
    {
        Path = path;
        Offset = offset;
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        _file.Write(new byte[offset]); // the zip header of data.csv.gz goes here once its size and CRC are known
        _digest = new DigestingStream(_file, withCrc32: true);
        _gzip = new ParallelGzipWriter(_digest);
    }

    public string Path { get; }

    /// <summary>Where the compressed data starts in the file.</summary>
    public int Offset { get; }

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

        // Forced to disk with the rest of the package, once it is complete.
        _file.Flush();
        (string sha256, uint crc) = _digest.Finish();
        long length = _digest.BytesPassed;
        Close();
        return new DataFileResult(Path, Offset, length, sha256, crc, rows, _snapshot.ToArray());
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
