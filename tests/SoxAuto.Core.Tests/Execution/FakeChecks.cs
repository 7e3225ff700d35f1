using SoxAuto.Core.Catalog;
using SoxAuto.Core.Catalog.Checks;
using SoxAuto.Core.Data;
using SoxAuto.Core.Validation;

namespace SoxAuto.Core.Tests.Execution;

/// <summary>
/// A check suite with one source query per row-count check of the item, answering PASS when the source count equals
/// the rows read, FAIL otherwise, ERROR when the source query failed — enough to observe the orchestration.
/// </summary>
internal sealed class FakeChecks : ICheckSuiteFactory
{
    public List<IReadOnlyDictionary<string, ParameterValue>> Parameters { get; } = [];

    public ICheckSuite Create(CatalogItem item, ResultSchema schema, IReadOnlyDictionary<string, ParameterValue> parameters, DateOnly cutoff)
    {
        lock (Parameters)
        {
            Parameters.Add(parameters);
        }

        return new Suite(item.Checks.OfType<RowCountCheck>().Select(c => new CheckSourceQuery(c.Id, c.Query)).ToArray());
    }

    private sealed class Suite(IReadOnlyList<CheckSourceQuery> queries) : ICheckSuite, IRowConsumer
    {
        public IReadOnlyList<CheckSourceQuery> SourceQueries => queries;

        public IRowConsumer RowConsumer => this;

        public IReadOnlyList<CheckResult> Complete(long extractedRows, IReadOnlyList<SourceQueryResult> sourceResults) =>
            sourceResults.Select(r => new CheckResult
            {
                Id = r.CheckId,
                Kind = CheckKinds.RowCount,
                Status = r.Error is not null ? CheckStatus.Error : r.Rows[0][0] == extractedRows.ToString(System.Globalization.CultureInfo.InvariantCulture) ? CheckStatus.Pass : CheckStatus.Fail,
                Expected = r.Rows.Count > 0 ? r.Rows[0][0] : null,
                Actual = extractedRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Message = r.Error ?? "compared",
            }).ToArray();

        public void Start(ResultSchema schema)
        {
        }

        public void Consume(TypedRow row)
        {
        }

        public void Finish(long rowCount)
        {
        }
    }
}
