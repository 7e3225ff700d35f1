using System.Collections.Concurrent;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence;

namespace SoxAuto.Core.Tests.Execution;

/// <summary>Records what would go into each package instead of writing zips.</summary>
internal sealed class FakeEvidence : IRunEvidenceWriter
{
    public ConcurrentDictionary<string, ItemEvidence> Completed { get; } = new();

    public ConcurrentDictionary<string, long> RawBytes { get; } = new();

    public ConcurrentBag<string> Aborted { get; } = [];

    public IReadOnlyList<ItemOutcome>? RunOutcomes { get; private set; }

    public string RunFolder => "/fake/run";

    public RunContext Context { get; } = new() { RunId = "run", Cutoff = new DateOnly(2025, 9, 30), StartedAt = DateTimeOffset.UnixEpoch, ToolVersion = "test", CatalogSha256 = "0" };

    public IItemEvidenceWriter BeginItem(CatalogItem item, ResultSchema schema) => new Item(this, item.Id);

    public Task<string> CompleteRunAsync(IReadOnlyList<ItemOutcome> outcomes, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        RunOutcomes = outcomes;
        return Task.FromResult("/fake/run/run.json");
    }

    private sealed class Item(FakeEvidence owner, string id) : IItemEvidenceWriter, IRowConsumer, IRawCsvConsumer
    {
        private bool _completed;

        public IRowConsumer RowConsumer => this;

        public IRawCsvConsumer RawConsumer => this;

        public Task<PackageInfo> CompleteAsync(ItemEvidence evidence, CancellationToken cancellationToken)
        {
            _completed = true;
            owner.Completed[id] = evidence;
            return Task.FromResult(new PackageInfo(id + ".zip", "/fake/run/" + id + ".zip", new string('a', 64), 0, new string('b', 64)));
        }

        public ValueTask DisposeAsync()
        {
            if (!_completed)
            {
                owner.Aborted.Add(id);
            }

            return ValueTask.CompletedTask;
        }

        public void Start(ResultSchema schema)
        {
        }

        public void Consume(TypedRow row)
        {
        }

        public void Consume(ReadOnlySpan<byte> bytes, long rowsSoFar)
        {
            long length = bytes.Length;
            owner.RawBytes.AddOrUpdate(id, length, (_, n) => n + length);
        }

        public void Finish(long rowCount)
        {
        }
    }
}
