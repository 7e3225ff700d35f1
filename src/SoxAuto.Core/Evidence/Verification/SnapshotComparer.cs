using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Packaging;

namespace SoxAuto.Core.Evidence.Verification;

/// <summary>
/// Compares 03_data_snapshot.csv with the data while the data streams: the snapshot must be byte for byte the data's
/// header and first min(100, rows) rows, ending at a line end. The snapshot is read alongside (positional reads), so
/// memory stays flat whatever its size.
/// </summary>
internal sealed class SnapshotComparer(Stream snapshot, long snapshotLength) : IRawCsvConsumer
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly CsvLineScanner _lines = new();
    private long _compared;
    private string? _mismatch;
    private byte _last;

    public long? Rows { get; private set; }

    public void Consume(ReadOnlySpan<byte> bytes, long rowsSoFar)
    {
        while (_mismatch is null && bytes.Length > 0 && _compared < snapshotLength)
        {
            int count = (int)Math.Min(Math.Min(bytes.Length, _buffer.Length), snapshotLength - _compared);
            snapshot.ReadExactly(_buffer, 0, count);
            ReadOnlySpan<byte> expected = _buffer.AsSpan(0, count);
            int same = expected.CommonPrefixLength(bytes[..count]);
            if (same < count)
            {
                _lines.Scan(expected[..same], long.MaxValue);
                _mismatch = $"{PackageEntries.Snapshot} differs from the data at byte {_compared + same} (line {_lines.Lines + 1})";
                return;
            }

            _lines.Scan(expected, long.MaxValue);
            _last = expected[^1];
            _compared += count;
            bytes = bytes[count..];
        }
    }

    public void Finish(long rowCount) => Rows = rowCount;

    /// <summary>The check, after the data was read (or failed to be read: then only a mismatch already seen is conclusive).</summary>
    public VerificationCheck Verdict()
    {
        const string Name = "snapshot";
        if (_mismatch is not null)
        {
            return VerificationCheck.Fail(Name, _mismatch);
        }

        if (Rows is not { } rows)
        {
            return VerificationCheck.Fail(Name, "not compared to the end: the data could not be read (see dataset_sha256)");
        }

        long wanted = Math.Min(rows, PackageEntries.SnapshotRows);
        if (_compared < snapshotLength)
        {
            return VerificationCheck.Fail(Name, $"{PackageEntries.Snapshot} is longer than the data ({snapshotLength} bytes, the data has {_compared})");
        }

        bool endsAtLine = snapshotLength > 0 && _last == (byte)'\n' && !_lines.InQuotes;
        if (!endsAtLine || _lines.Lines != wanted + 1)
        {
            return VerificationCheck.Fail(Name,
                $"{PackageEntries.Snapshot} holds {Math.Max(_lines.Lines - 1, 0)} complete row(s){(endsAtLine ? string.Empty : " and a partial line")}; the header and the first {wanted} row(s) of the data were expected");
        }

        return VerificationCheck.Pass(Name, $"{PackageEntries.Snapshot} is the header and the first {wanted} row(s) of the data");
    }
}
