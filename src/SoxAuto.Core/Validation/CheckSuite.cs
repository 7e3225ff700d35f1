using SoxAuto.Core.Data;
using SoxAuto.Core.Validation.Evaluators;
using SoxAuto.Core.Validation.Support;

namespace SoxAuto.Core.Validation;

/// <summary>
/// The checks of one item for one run. Every declared check yields exactly one result, in catalog order; whatever
/// stops one check (a failed source query, a wrong shape, an incomplete pass) makes that check ERROR — never a PASS,
/// never the end of the others.
/// </summary>
internal sealed class CheckSuite : ICheckSuite, IEarlySourceResults
{
    private readonly CheckEvaluator[] _evaluators;
    private readonly CheckRowConsumer _consumer;

    public CheckSuite(IReadOnlyList<CheckEvaluator> evaluators)
    {
        _evaluators = [.. evaluators];
        _consumer = new CheckRowConsumer(_evaluators.Where(e => e.ReadsRows).ToArray());
        SourceQueries = _evaluators.Where(e => e.SourceQuery is not null).Select(e => new CheckSourceQuery(e.Definition.Id, e.SourceQuery!)).ToArray();
        NeededBeforeRows = _evaluators.Where(e => e.NeedsSourceBeforeRows).Select(e => e.Definition.Id).ToArray();
    }

    public IReadOnlyList<CheckSourceQuery> SourceQueries { get; }

    public IRowConsumer RowConsumer => _consumer;

    public IReadOnlyList<string> NeededBeforeRows { get; }

    public void Provide(SourceQueryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (CheckEvaluator evaluator in _evaluators.Where(e => e.NeedsSourceBeforeRows && e.Definition.Id == result.CheckId))
        {
            evaluator.ProvideEarly(result);
        }
    }

    public IReadOnlyList<CheckResult> Complete(long extractedRows, IReadOnlyList<SourceQueryResult> sourceResults)
    {
        ArgumentNullException.ThrowIfNull(sourceResults);
        Dictionary<string, SourceQueryResult> byCheck = new(StringComparer.Ordinal);
        foreach (SourceQueryResult result in sourceResults)
        {
            byCheck.TryAdd(result.CheckId, result);
        }

        return _evaluators.Select(e => Complete(e, extractedRows, byCheck.GetValueOrDefault(e.Definition.Id))).ToArray();
    }

    private CheckResult Complete(CheckEvaluator evaluator, long extractedRows, SourceQueryResult? source)
    {
        SourceQueryResult? used = evaluator.SourceQuery is null ? null : source;
        if (Unavailable(evaluator, extractedRows, used) is { } reason)
        {
            return CheckResults.For(evaluator.Definition, CheckStatus.Error, reason, used);
        }

        try
        {
            return evaluator.Complete(extractedRows, used);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return CheckResults.For(evaluator.Definition, CheckStatus.Error, $"The check could not be evaluated: {ex.Message}", used);
        }
    }

    /// <summary>Why the check cannot be evaluated from what it was given, or null.</summary>
    private string? Unavailable(CheckEvaluator evaluator, long extractedRows, SourceQueryResult? source)
    {
        if (evaluator.SourceQuery is not null)
        {
            if (source is null)
            {
                return "The check's source query was not run, so there is nothing to compare the extract with.";
            }

            if (source.Error is { } error)
            {
                return $"The check's source query failed, so there is nothing to compare the extract with: {error}";
            }
        }

        if (!evaluator.ReadsRows)
        {
            return null;
        }

        if (_consumer.FaultOf(evaluator) is { } fault)
        {
            return $"The check could not be evaluated: {fault}";
        }

        if (!_consumer.Started || !_consumer.Finished)
        {
            return "The checks did not see the whole extract (the row pass did not run to its end), so this check was not evaluated.";
        }

        return _consumer.Rows != extractedRows
            ? $"The checks saw {CheckFormat.Rows(_consumer.Rows)} but the extract has {CheckFormat.Count(extractedRows)}, so this check was not evaluated."
            : null;
    }
}
