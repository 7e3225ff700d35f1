using SoxAuto.Core.Evidence;

namespace SoxAuto.Core.Execution;

/// <summary>The outcome of a run: each item's outcome, in catalog order, and the run folder and run.json written.</summary>
public sealed record ExtractionResult(IReadOnlyList<ItemOutcome> Items, string RunFolder, string RunJsonPath)
{
    public bool AnyError => Items.Any(i => i.Status == ItemStatus.Error);

    public bool AnyFailure => Items.Any(i => i.Status == ItemStatus.Fail);
}
