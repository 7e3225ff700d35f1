using System.Text;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Hashing;
using SoxAuto.Core.Evidence.Json;
using SoxAuto.Core.Evidence.Packaging;
using SoxAuto.Core.Evidence.Statistics;
using SoxAuto.Core.Evidence.Zip;

namespace SoxAuto.Core.Evidence;

/// <summary>
/// One item's package. While the result streams, <see cref="RowConsumer"/> computes CDH-1 and the column statistics
/// and <see cref="RawConsumer"/> compresses the bytes into a temporary data file and keeps the snapshot — everything
/// from the one read. <see cref="CompleteAsync"/> then writes the nine entries as <c>&lt;ID&gt;.zip.tmp-…</c>, forces it
/// to disk and renames it to <c>&lt;ID&gt;.zip</c> (never over an existing file). Any failure, and disposal without
/// completion, deletes every temporary file: no <c>*.zip</c> is ever partial.
/// </summary>
internal sealed class ItemEvidenceWriter : IItemEvidenceWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _runFolder;
    private readonly RunContext _run;
    private readonly CatalogItem _item;
    private readonly ResultSchema _schema;
    private readonly Cdh1Hasher _hasher = new();
    private readonly ColumnStatistics _statistics = new();
    private readonly DataFileWriter _data;
    private string? _zipTemporary;
    private bool _completed;
    private bool _disposed;

    public ItemEvidenceWriter(string runFolder, RunContext run, CatalogItem item, ResultSchema schema)
    {
        _runFolder = runFolder;
        _run = run;
        _item = item;
        _schema = schema;
        // The package is built in one temporary file: data.csv.gz streams in first, the other entries follow at the end.
        _zipTemporary = TemporaryFiles.NextTo(PackagePath);
        _data = new DataFileWriter(_zipTemporary, DeterministicZipWriter.LeadingHeaderSize(PackageEntries.DataFile));
        RowConsumer = new FanOutRowConsumer(_hasher, _statistics);
    }

    public IRowConsumer RowConsumer { get; }

    public IRawCsvConsumer RawConsumer => _data;

    public string PackagePath => Path.Combine(_runFolder, _item.Id + ".zip");

    /// <exception cref="InvalidOperationException">The result was not read to the end, or the package was already completed.</exception>
    /// <exception cref="IOException">Writing failed, or <c>&lt;ID&gt;.zip</c> already exists (never overwritten).</exception>
    public async Task<PackageInfo> CompleteAsync(ItemEvidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException($"the package of {_item.Id} was already completed");
        }

        if (!string.Equals(evidence.Item.Id, _item.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"evidence of {evidence.Item.Id} given to the package of {_item.Id}", nameof(evidence));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!_hasher.IsFinished || _statistics.Rows is null)
        {
            throw new InvalidOperationException("the result was not read to the end; a package needs the complete data");
        }

        DataFileResult data = _data.Complete();
        try
        {
            string sha256 = await WritePackageAsync(evidence, data, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            TemporaryFiles.MoveIntoPlace(_zipTemporary!, PackagePath);
            _zipTemporary = null;
            _completed = true;
            return new PackageInfo(_item.Id + ".zip", PackagePath, sha256, data.Rows, _hasher.DatasetSha256);
        }
        finally
        {
            TemporaryFiles.DeleteQuietly(_zipTemporary);
            _zipTemporary = null;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        _data.Dispose();
        _hasher.Dispose();
        TemporaryFiles.DeleteQuietly(_zipTemporary);
        return ValueTask.CompletedTask;
    }

    private async Task<string> WritePackageAsync(ItemEvidence evidence, DataFileResult data, CancellationToken cancellationToken)
    {
        (string Name, byte[] Content)[] documents =
        [
            (PackageEntries.Query, StrictUtf8.GetBytes(evidence.Query.QueryString)),
            (PackageEntries.Parameters, ParametersDocument.Create(evidence.Query)),
            (PackageEntries.Snapshot, data.Snapshot),
            (PackageEntries.Summary, EvidenceJson.Write(_statistics.Write)),
            (PackageEntries.Integrity, IntegrityDocument.For(_schema, _hasher.DatasetSha256, data.Rows, data.Sha256).ToJson()),
            (PackageEntries.Validation, ValidationDocument.Create(_item.Id, evidence.Status, evidence.Checks)),
            (PackageEntries.ExecutionLog, ExecutionLogDocument.Create(_run, evidence)),
        ];
        byte[] checksums = Sha256Sums.Create(documents.Select(d => (d.Name, Sha256Hex.Of(d.Content))).Append((PackageEntries.DataFile, data.Sha256)));
        List<ZipSource> others = [.. documents.Select(d => ZipSource.FromBytes(d.Name, d.Content))];
        others.Add(ZipSource.FromBytes(PackageEntries.Checksums, checksums));
        ZipSource dataEntry = ZipSource.FromFile(PackageEntries.DataFile, data.Path, data.Length, data.Crc32, data.Offset);
        if (data.Length >= ZipFormat.Zip64Threshold)
        {
            // 4 GiB of compressed data needs a Zip64 local header, larger than the space reserved: copy into a new file
            // (the same layout, the data's header with its Zip64 field).
            string copy = TemporaryFiles.NextTo(PackagePath);
            try
            {
                await using (FileStream target = new(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
                {
                    await DeterministicZipWriter.WriteAsync(target, [.. others, dataEntry], cancellationToken);
                }

                TemporaryFiles.DeleteQuietly(_zipTemporary);
                _zipTemporary = copy;
            }
            catch
            {
                TemporaryFiles.DeleteQuietly(copy);
                throw;
            }
        }
        else
        {
            await using FileStream file = new(_zipTemporary!, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await DeterministicZipWriter.CompleteWithLeadingEntryAsync(file, dataEntry, others, cancellationToken);
        }

        // Forced to disk before the rename, so a crash never leaves a *.zip whose bytes are not all there.
        await using (FileStream written = new(_zipTemporary!, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.SequentialScan))
        {
            written.Flush(flushToDisk: true);
            return Sha256Hex.Of(written);
        }
    }
}
