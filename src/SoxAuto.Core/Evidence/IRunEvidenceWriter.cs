using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Evidence;

/// <summary>
/// The run folder <c>&lt;out&gt;/&lt;run_id&gt;/</c>: one package per item and run.json. Created new for every run and
/// never overwriting an earlier one.
/// </summary>
public interface IRunEvidenceWriter
{
    string RunFolder { get; }

    RunContext Context { get; }

    IItemEvidenceWriter BeginItem(CatalogItem item, ResultSchema schema);

    /// <summary>Writes run.json (atomically) with every item's status, package name and package SHA-256.</summary>
    Task<string> CompleteRunAsync(IReadOnlyList<ItemOutcome> outcomes, DateTimeOffset finishedAt, CancellationToken cancellationToken);
}
