using SoxAuto.Core.Catalog;
using SoxAuto.Core.Execution;
using SoxAuto.Core.Sql;
using SoxAuto.Core.Validation;

namespace SoxAuto.Core.Evidence;

/// <summary>Everything an item's package records besides the data itself (which its consumers saw while it streamed).</summary>
public sealed record ItemEvidence
{
    public required CatalogItem Item { get; init; }

    /// <summary>The main query exactly as sent: QueryString and ExecutionParameters, with the named parameters bound.</summary>
    public required RenderedQuery Query { get; init; }

    /// <summary>Every query run for the item: the main query first, then the checks' source queries.</summary>
    public required IReadOnlyList<QueryExecutionInfo> Executions { get; init; }

    public required ResultLocation Result { get; init; }

    public required IReadOnlyList<CheckResult> Checks { get; init; }

    public required ItemStatus Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
