using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>Hands every row to several consumers in turn (the item writer exposes one <see cref="IRowConsumer"/>).</summary>
internal sealed class FanOutRowConsumer(params IRowConsumer[] consumers) : IRowConsumer
{
    public void Start(ResultSchema schema)
    {
        foreach (IRowConsumer consumer in consumers)
        {
            consumer.Start(schema);
        }
    }

    public void Consume(TypedRow row)
    {
        foreach (IRowConsumer consumer in consumers)
        {
            consumer.Consume(row);
        }
    }

    public void Finish(long rowCount)
    {
        foreach (IRowConsumer consumer in consumers)
        {
            consumer.Finish(rowCount);
        }
    }
}
