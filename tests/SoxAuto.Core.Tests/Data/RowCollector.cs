using SoxAuto.Core.Data;

namespace SoxAuto.Core.Tests.Data;

/// <summary>Keeps what the reader delivered, as text: "NULL" for NULL, the canonical text in brackets.</summary>
internal sealed class RowCollector : IRowConsumer, IRawCsvConsumer
{
    public List<string?[]> Values { get; } = [];

    public List<string?[]> Canonical { get; } = [];

    public MemoryStream Raw { get; } = new();

    public long FinishedRows { get; private set; } = -1;

    public void Start(ResultSchema schema)
    {
    }

    public void Consume(TypedRow row)
    {
        Values.Add(Enumerable.Range(0, row.Count).Select(i => row.IsNull(i) ? null : row.GetString(i)).ToArray());
        Canonical.Add(Enumerable.Range(0, row.Count).Select(i => row.IsNull(i) ? null : System.Text.Encoding.UTF8.GetString(row.Canonical(i))).ToArray());
    }

    public void Consume(ReadOnlySpan<byte> bytes, long rowsSoFar) => Raw.Write(bytes);

    public void Finish(long rowCount) => FinishedRows = rowCount;
}
