namespace SoxAuto.Core.Validation;

/// <summary>
/// Source queries whose results the row pass itself needs — the records of a query-based witness, whose keys must be
/// known before the first row so that only they are held in memory. The caller awaits these queries (they are small
/// and run concurrently with the main query) and hands each result over before reading the extract; it passes all
/// results to <see cref="ICheckSuite.Complete"/> as usual. A result that was not handed over makes its check an ERROR.
/// </summary>
public interface IEarlySourceResults
{
    /// <summary>The ids of the checks whose source results are needed before the first row.</summary>
    IReadOnlyList<string> NeededBeforeRows { get; }

    void Provide(SourceQueryResult result);
}
