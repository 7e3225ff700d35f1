using System.Collections.Concurrent;

namespace SoxAuto.Core.Data;

/// <summary>
/// One row consumer on its own thread: it takes the blocks in order and shows it every row. A consumer that throws
/// stops consuming (its error fails the read) but the lane keeps releasing blocks, so the reader never waits forever.
/// </summary>
internal sealed class ConsumerLane : IDisposable
{
    private readonly IRowConsumer _consumer;
    private readonly RowBlockPool _pool;
    private readonly TypedRow _row;
    private readonly BlockingCollection<RowBlock> _blocks = new();
    private readonly Thread _thread;

    public ConsumerLane(IRowConsumer consumer, ResultSchema schema, RowBlockPool pool, int number)
    {
        _consumer = consumer;
        _pool = pool;
        _row = new TypedRow(schema);
        _thread = new Thread(Run) { IsBackground = true, Name = $"soxauto-rows-{number}" };
        _thread.Start();
    }

    // Written by the lane's thread, read by the reading thread between blocks.
    private volatile Exception? _error;

    public Exception? Error => _error;

    public IRowConsumer Consumer => _consumer;

    public void Enqueue(RowBlock block) => _blocks.Add(block);

    /// <summary>No more blocks: waits until the lane has handled every block it was given.</summary>
    public void Complete()
    {
        _blocks.CompleteAdding();
        _thread.Join();
    }

    public void Dispose() => _blocks.Dispose();

    private void Run()
    {
        foreach (RowBlock block in _blocks.GetConsumingEnumerable())
        {
            try
            {
                if (_error is null)
                {
                    for (int row = 0; row < block.RowCount; row++)
                    {
                        _row.MoveTo(block, row);
                        _consumer.Consume(_row);
                    }
                }
            }
            catch (Exception ex)
            {
                // Surfaced by the reading thread, which fails the read with it; escaping this thread would end the process.
                _error = ex;
            }
            finally
            {
                if (block.Release())
                {
                    _pool.Return(block);
                }
            }
        }
    }
}
