using SoxAuto.Core.Data;

namespace SoxAuto.Core.Validation;

/// <summary>
/// The checks of one item for one run. <see cref="RowConsumer"/> computes the in-memory metrics in the single pass that
/// also writes the evidence; <see cref="SourceQueries"/> are run by the caller concurrently with the main query; then
/// <see cref="Complete"/> yields every check's result. A FAIL never stops the other checks.
/// </summary>
public interface ICheckSuite
{
    IReadOnlyList<CheckSourceQuery> SourceQueries { get; }

    IRowConsumer RowConsumer { get; }

    /// <summary>Results of every declared check, in catalog order, after the whole extract was read.</summary>
    IReadOnlyList<CheckResult> Complete(long extractedRows, IReadOnlyList<SourceQueryResult> sourceResults);
}
