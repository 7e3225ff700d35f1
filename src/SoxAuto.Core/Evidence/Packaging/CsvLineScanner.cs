namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>
/// Counts complete lines of data-file CSV across chunks: a line ends at an LF outside double quotes. Inside quotes a
/// doubled quote toggles twice, so a plain toggle per quote is exact for bytes the reader has already validated.
/// Used to cut the snapshot (header and first rows) out of the raw bytes and, in verification, to count its lines.
/// </summary>
internal sealed class CsvLineScanner
{
    private bool _inQuotes;

    public long Lines { get; private set; }

    /// <summary>The bytes scanned so far end inside a quoted value.</summary>
    public bool InQuotes => _inQuotes;

    /// <summary>Scans until <paramref name="maxLines"/> lines are complete; returns how many bytes that took (all of them if fewer).</summary>
    public int Scan(ReadOnlySpan<byte> data, long maxLines)
    {
        int i = 0;
        while (i < data.Length && Lines < maxLines)
        {
            int next = _inQuotes ? data[i..].IndexOf((byte)'"') : data[i..].IndexOfAny((byte)'"', (byte)'\n');
            if (next < 0)
            {
                return data.Length;
            }

            i += next;
            if (data[i] == (byte)'"')
            {
                _inQuotes = !_inQuotes;
            }
            else
            {
                Lines++;
            }

            i++;
        }

        return i;
    }
}
