using SoxAuto.Core.Evidence;
using SoxAuto.Core.Validation;

namespace SoxAuto.Core.Execution;

/// <summary>
/// Runs the items of a plan, at most <see cref="ExtractionPlan.Concurrency"/> at a time; one item's failure never stops
/// the others. Writes run.json at the end. On cancellation, running queries are stopped (by the engine) and
/// incomplete packages removed (by the evidence writer), and the cancellation propagates.
/// </summary>
public sealed class ExtractionRunner(IQueryEngine engine, ICheckSuiteFactory checks, TimeProvider time, IProgress<ItemProgress> progress)
{
    public async Task<ExtractionResult> RunAsync(ExtractionPlan plan, IRunEvidenceWriter evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(evidence);
        ItemRunner runner = new(engine, checks, evidence, time, progress);
        using SemaphoreSlim slots = new(plan.Concurrency);
        foreach (var item in plan.Items)
        {
            progress.Report(new ItemProgress(item.Id, ItemPhase.Queued));
        }

        Task<ItemOutcome>[] runs = plan.Items.Select(async item =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await runner.RunAsync(item, plan, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        ItemOutcome[] outcomes = await Task.WhenAll(runs);
        string runJson = await evidence.CompleteRunAsync(outcomes, time.GetUtcNow(), cancellationToken);
        return new ExtractionResult(outcomes, evidence.RunFolder, runJson);
    }
}
