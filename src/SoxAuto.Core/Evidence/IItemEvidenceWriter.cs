using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence;

/// <summary>
/// The evidence of one item while its result streams: <see cref="RowConsumer"/> (CDH-1 hash, column statistics) and
/// <see cref="RawConsumer"/> (data.csv.gz, snapshot) see the one read of the result. <see cref="CompleteAsync"/> writes
/// the package under a temporary name and renames it into place; disposing without completing deletes everything
/// written, so no partial <c>*.zip</c> is ever left.
/// </summary>
public interface IItemEvidenceWriter : IAsyncDisposable
{
    IRowConsumer RowConsumer { get; }

    IRawCsvConsumer RawConsumer { get; }

    Task<PackageInfo> CompleteAsync(ItemEvidence evidence, CancellationToken cancellationToken);
}
