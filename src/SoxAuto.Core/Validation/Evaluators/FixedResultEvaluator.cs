using SoxAuto.Core.Catalog.Checks;

namespace SoxAuto.Core.Validation.Evaluators;

/// <summary>A check whose result is known before any row is read: SKIPPED (switched off, no witness for the cutoff) or ERROR (cannot be set up).</summary>
internal sealed class FixedResultEvaluator(CheckDefinition definition, CheckStatus status, string message) : CheckEvaluator(definition)
{
    public override CheckResult Complete(long extractedRows, SourceQueryResult? source) => Result(status, message);
}
