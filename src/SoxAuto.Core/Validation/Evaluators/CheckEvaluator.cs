using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>
/// Evaluates one declared check: it may take part in the single row pass (<see cref="ReadsRows"/>), may need a source
/// query, and yields its result once the extract was read. Errors in one evaluator never affect another.
/// </summary>
internal abstract class CheckEvaluator(CheckDefinition definition)
{
    public CheckDefinition Definition => definition;

    /// <summary>Whether <see cref="Consume"/> must see every row of the extract.</summary>
    public virtual bool ReadsRows => false;

    public virtual QueryText? SourceQuery => null;

    /// <summary>Whether the row pass needs the source query's result before the first row (query-based witnesses).</summary>
    public virtual bool NeedsSourceBeforeRows => false;

    public virtual void ProvideEarly(SourceQueryResult result)
    {
    }

    public virtual void Start()
    {
    }

    public virtual void Consume(TypedRow row)
    {
    }

    /// <summary>
    /// The result. The suite has already turned a failed, missing or incomplete input into ERROR: here the row pass
    /// saw every row, and <paramref name="source"/> (when the check has a source query) ran without error.
    /// </summary>
    public abstract CheckResult Complete(long extractedRows, SourceQueryResult? source);

    protected CheckResult Result(CheckStatus status, string message, SourceQueryResult? source = null) =>
        CheckResults.For(Definition, status, message, source);
}
