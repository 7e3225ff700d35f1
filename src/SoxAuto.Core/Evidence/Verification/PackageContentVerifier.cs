using System.IO.Compression;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Hashing;
using SoxAuto.Core.Evidence.Json;
using SoxAuto.Core.Evidence.Zip;

namespace SoxAuto.Core.Evidence.Verification;

/// <summary>
/// The content checks of one structurally sound package: each entry is read once (SHA-256 and CRC-32 on the way; the
/// small documents SHA256SUMS, 04 and 05 kept), then data.csv.gz is streamed once through its digests, gunzip (with
/// the expansion limit), <see cref="ResultReader"/> (the dialect, the declared types), CDH-1 and the snapshot comparison.
/// </summary>
internal sealed class PackageContentVerifier(SafeFileHandle file, ZipDirectory zip, VerificationLimits limits, List<VerificationCheck> checks)
{
    private readonly Dictionary<string, ZipEntryRecord> _entries = zip.Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sha256 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _documents = new(StringComparer.Ordinal);
    private readonly List<string> _badCrc = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (ZipEntryRecord entry in zip.Entries.Where(e => e.Name != PackageEntries.DataFile))
        {
            await ReadEntryAsync(entry, cancellationToken);
        }

        (IntegrityDocument? integrity, ResultSchema? schema, string integrityProblem) = ReadIntegrity();
        DataRead data = await ReadDataAsync(schema, cancellationToken);
        checks.Add(_badCrc.Count == 0
            ? VerificationCheck.Pass("zip_crc", "every entry matches the CRC-32 in the zip directory")
            : VerificationCheck.Fail("zip_crc", $"CRC-32 mismatch in: {string.Join(", ", _badCrc)}"));
        CheckChecksums();
        checks.Add(integrity is null
            ? VerificationCheck.Fail("integrity_document", integrityProblem)
            : VerificationCheck.Pass("integrity_document", $"{PackageEntries.Integrity}: {integrity.Algorithm} over {integrity.Columns.Count} declared column(s), data file {integrity.DataFile}"));
        CheckData(integrity, data, integrityProblem);
    }

    private async Task ReadEntryAsync(ZipEntryRecord entry, CancellationToken cancellationToken)
    {
        bool keep = entry.Name is PackageEntries.Checksums or PackageEntries.Summary or PackageEntries.Integrity &&
                    entry.UncompressedSize <= limits.MaxDocumentBytes;
        await using EntryStream raw = new(file, entry.DataOffset, entry.CompressedSize);
        using DigestingStream digest = new(raw, withCrc32: true);
        using MemoryStream? kept = keep ? new MemoryStream((int)entry.UncompressedSize) : null;
        await digest.CopyToAsync(kept ?? Stream.Null, cancellationToken);
        Record(entry, digest);
        if (kept is not null)
        {
            _documents[entry.Name] = kept.ToArray();
        }
    }

    private void Record(ZipEntryRecord entry, DigestingStream digest)
    {
        (string sha256, uint crc) = digest.Finish();
        _sha256[entry.Name] = sha256;
        if (crc != entry.Crc32)
        {
            _badCrc.Add(entry.Name);
        }
    }

    private (IntegrityDocument?, ResultSchema?, string) ReadIntegrity()
    {
        if (!_entries.ContainsKey(PackageEntries.Integrity))
        {
            return (null, null, $"{PackageEntries.Integrity} is missing");
        }

        if (!_documents.TryGetValue(PackageEntries.Integrity, out byte[]? bytes))
        {
            return (null, null, $"{PackageEntries.Integrity} is larger than {limits.MaxDocumentBytes} bytes");
        }

        if (!IntegrityDocument.TryParse(bytes, out IntegrityDocument? document, out string? error))
        {
            return (null, null, $"{PackageEntries.Integrity} is not a valid integrity document: {error}");
        }

        if (document!.Algorithm != PackageEntries.Cdh1Algorithm || document.DataFile != PackageEntries.DataFile)
        {
            return (null, null, $"{PackageEntries.Integrity} names algorithm '{document.Algorithm}' and data file '{document.DataFile}'; expected {PackageEntries.Cdh1Algorithm} and {PackageEntries.DataFile}");
        }

        if (document.Columns.Count > limits.MaxColumns)
        {
            return (null, null, $"{PackageEntries.Integrity} declares {document.Columns.Count} columns, more than the {limits.MaxColumns} this verifier reads");
        }

        List<ColumnSchema> columns = [];
        foreach ((string name, string typeText) in document.Columns)
        {
            if (!AthenaType.TryParse(typeText, out AthenaType? type, out string? typeError) || type.Text != typeText)
            {
                return (null, null, $"{PackageEntries.Integrity}: column '{name}' has type '{typeText}', " +
                    (type is null ? typeError : $"not in the canonical spelling '{type.Text}' that CDH-1 hashes"));
            }

            columns.Add(new ColumnSchema(name, type));
        }

        return (document, new ResultSchema(columns), string.Empty);
    }

    private async Task<DataRead> ReadDataAsync(ResultSchema? schema, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(PackageEntries.DataFile, out ZipEntryRecord? entry))
        {
            return new DataRead(null, null, $"{PackageEntries.DataFile} is missing", null);
        }

        await using EntryStream raw = new(file, entry.DataOffset, entry.CompressedSize);
        using DigestingStream digest = new(raw, withCrc32: true);
        using Cdh1Hasher hasher = new();
        SnapshotComparer? snapshot = _entries.TryGetValue(PackageEntries.Snapshot, out ZipEntryRecord? snapshotEntry)
            ? new SnapshotComparer(new EntryStream(file, snapshotEntry.DataOffset, snapshotEntry.CompressedSize), snapshotEntry.CompressedSize)
            : null;
        string? error = schema is null ? "not checked: the declared column types are unknown (see integrity_document)" : null;
        if (schema is not null)
        {
            try
            {
                await using GZipStream gzip = new(digest, CompressionMode.Decompress, leaveOpen: true);
                await using ExpansionLimitStream limited = new(gzip, limits.ExpansionLimit(entry.CompressedSize));
                await ResultReader.ReadAsync(limited, schema, [hasher], snapshot is null ? [] : [snapshot], cancellationToken);
            }
            catch (Exception ex) when (ex is CsvFormatException or DataValueException or ResultHeaderMismatchException or
                                       InvalidDataException or ExpansionLimitException or EndOfStreamException)
            {
                error = $"the data cannot be read: {ex.Message}";
            }
        }

        // Whatever the reader stopped at, the data file's own digests cover all of its bytes.
        await digest.CopyToAsync(Stream.Null, cancellationToken);
        Record(entry, digest);
        return new DataRead(error is null ? hasher.DatasetSha256 : null, error is null ? hasher.Rows : null, error, snapshot);
    }

    private void CheckChecksums()
    {
        if (!_entries.ContainsKey(PackageEntries.Checksums) || !_documents.TryGetValue(PackageEntries.Checksums, out byte[]? bytes))
        {
            checks.Add(VerificationCheck.Fail("sha256sums_format", _entries.ContainsKey(PackageEntries.Checksums)
                ? $"{PackageEntries.Checksums} is larger than {limits.MaxDocumentBytes} bytes"
                : $"{PackageEntries.Checksums} is missing"));
            return;
        }

        IReadOnlyList<(string Name, string Sha256)>? lines = Sha256Sums.Parse(bytes, out string? error);
        if (lines is null)
        {
            checks.Add(VerificationCheck.Fail("sha256sums_format", $"{PackageEntries.Checksums}: {error}"));
            return;
        }

        checks.Add(VerificationCheck.Pass("sha256sums_format", $"{lines.Count} line(s), GNU format, sorted, unique"));
        HashSet<string> listed = lines.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        string[] missing = [.. lines.Select(l => l.Name).Where(n => !_entries.ContainsKey(n))];
        string[] unlisted = [.. _entries.Keys.Where(n => n != PackageEntries.Checksums && !listed.Contains(n)).Order(StringComparer.Ordinal)];
        string[] absent = [.. PackageEntries.Listed.Where(n => !listed.Contains(n))];
        List<string> problems = [];
        AddProblem(problems, "listed but not in the zip", missing);
        AddProblem(problems, "in the zip but not listed", unlisted);
        AddProblem(problems, "required but not listed", absent);
        checks.Add(problems.Count == 0
            ? VerificationCheck.Pass("sha256sums_complete", $"lists exactly the {lines.Count} entries besides itself, all present")
            : VerificationCheck.Fail("sha256sums_complete", string.Join("; ", problems)));
        foreach ((string name, string expected) in lines)
        {
            string check = "sha256 " + name;
            checks.Add(!_sha256.TryGetValue(name, out string? actual) ? VerificationCheck.Fail(check, "listed in SHA256SUMS but not in the zip")
                : actual == expected ? VerificationCheck.Pass(check, actual)
                : VerificationCheck.Fail(check, $"SHA256SUMS says {expected}, the entry hashes to {actual}"));
        }
    }

    private void CheckData(IntegrityDocument? integrity, DataRead data, string integrityProblem)
    {
        if (integrity is null)
        {
            string why = $"not checked: {integrityProblem}";
            checks.Add(VerificationCheck.Fail("data_file_sha256", why));
            checks.Add(VerificationCheck.Fail("dataset_sha256", why));
            checks.Add(VerificationCheck.Fail("row_count", why));
            checks.Add(data.Snapshot?.Verdict() ?? VerificationCheck.Fail("snapshot", $"{PackageEntries.Snapshot} is missing"));
            return;
        }

        checks.Add(!_sha256.TryGetValue(PackageEntries.DataFile, out string? fileSha) ? VerificationCheck.Fail("data_file_sha256", $"{PackageEntries.DataFile} is missing")
            : fileSha == integrity.DataFileSha256 ? VerificationCheck.Pass("data_file_sha256", fileSha)
            : VerificationCheck.Fail("data_file_sha256", $"{PackageEntries.Integrity} says {integrity.DataFileSha256}, {PackageEntries.DataFile} hashes to {fileSha}"));
        checks.Add(data.DatasetSha256 is null ? VerificationCheck.Fail("dataset_sha256", data.Error!)
            : data.DatasetSha256 == integrity.DatasetSha256 ? VerificationCheck.Pass("dataset_sha256", $"CDH-1 recomputed from {PackageEntries.DataFile}: {data.DatasetSha256}")
            : VerificationCheck.Fail("dataset_sha256", $"{PackageEntries.Integrity} says {integrity.DatasetSha256}, the data in {PackageEntries.DataFile} hashes to {data.DatasetSha256}"));
        checks.Add(RowCount(integrity, data));
        checks.Add(data.Snapshot?.Verdict() ?? VerificationCheck.Fail("snapshot", $"{PackageEntries.Snapshot} is missing"));
    }

    private VerificationCheck RowCount(IntegrityDocument integrity, DataRead data)
    {
        if (data.Rows is not { } rows)
        {
            return VerificationCheck.Fail("row_count", $"not counted: {data.Error}");
        }

        List<string> problems = [];
        if (integrity.Rows != rows)
        {
            problems.Add($"{PackageEntries.Integrity} says {integrity.Rows}");
        }

        long? summaryRows = SummaryRows();
        if (summaryRows != rows)
        {
            problems.Add(summaryRows is null ? $"{PackageEntries.Summary} has no readable row count" : $"{PackageEntries.Summary} says {summaryRows}");
        }

        return problems.Count == 0
            ? VerificationCheck.Pass("row_count", $"{rows} data row(s), as {PackageEntries.Integrity} and {PackageEntries.Summary} say")
            : VerificationCheck.Fail("row_count", $"the data has {rows} row(s), but " + string.Join(" and ", problems));
    }

    private long? SummaryRows()
    {
        if (!_documents.TryGetValue(PackageEntries.Summary, out byte[]? bytes))
        {
            return null;
        }

        try
        {
            using JsonDocument summary = JsonDocument.Parse(bytes);
            return summary.RootElement.ValueKind == JsonValueKind.Object && summary.RootElement.TryGetProperty("rows", out JsonElement rows) &&
                   rows.TryGetInt64(out long value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void AddProblem(List<string> problems, string what, string[] names)
    {
        if (names.Length > 0)
        {
            problems.Add($"{what}: {string.Join(", ", names)}");
        }
    }

    private sealed record DataRead(string? DatasetSha256, long? Rows, string? Error, SnapshotComparer? Snapshot);
}
