using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence.Packaging;

/// <summary>
/// The item writer's independent row consumers (CDH-1 and the statistics) behind its one <see cref="IRowConsumer"/>.
/// As an <see cref="ICompositeRowConsumer"/>, the reader runs each part on its own thread; called directly, it hands
/// every row to each part in turn.
/// </summary>
internal sealed class FanOutRowConsumer(params IRowConsumer[] consumers) : ICompositeRowConsumer
{
    public IReadOnlyList<IRowConsumer> Parts => consumers;

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
