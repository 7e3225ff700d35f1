using System.Collections.Concurrent;

namespace SoxAuto.Core.Data;

/// <summary>
/// The few blocks one read cycles through. When every block is still being read by a consumer, the reading thread
/// waits for one — that back-pressure is what keeps memory flat when consumers are slower than the parser.
/// </summary>
internal sealed class RowBlockPool(ResultSchema schema, int maxBlocks, int rowsPerBlock, int bufferSize) : IDisposable
{
    private readonly BlockingCollection<RowBlock> _free = new();
    private int _created;

    // Creates its blocks before recycling any, so how many a read allocates depends only on how much it reads.
    public RowBlock Rent(CancellationToken cancellationToken)
    {
        if (_created < maxBlocks)
        {
            _created++;
            return new RowBlock(schema, rowsPerBlock, bufferSize);
        }

        return _free.Take(cancellationToken);
    }

    public void Return(RowBlock block) => _free.Add(block);

    public void Dispose() => _free.Dispose();
}
