using SoxAuto.Core.Data;

namespace SoxAuto.Benchmarks;

/// <summary>Reads one typed value per row so decoding cannot be optimised away, and nothing else.</summary>
public sealed class NullConsumer : IRowConsumer
{
    public long Sum { get; private set; }

    public void Start(ResultSchema schema)
    {
    }

    public void Consume(TypedRow row) => Sum += row.GetInt64(1);

    public void Finish(long rowCount)
    {
    }
}
