namespace SoxAuto.Core.Validation;

/// <summary>
/// One check's result as it goes into <c>06_validation_results.json</c>: what was expected and found, the tolerance,
/// the source query (and its Athena execution id) when one produced the expected value, and a sentence a controller
/// understands. <see cref="Samples"/> holds a capped number of failing rows (column → value as Athena rendered it).
/// </summary>
public sealed record CheckResult
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required CheckStatus Status { get; init; }

    public string? Description { get; init; }

    public string? Expected { get; init; }

    public string? Actual { get; init; }

    public string? Tolerance { get; init; }

    public string? Query { get; init; }

    public IReadOnlyList<string>? QueryParameters { get; init; }

    public string? ExecutionId { get; init; }

    public required string Message { get; init; }

    /// <summary>Per-group or per-record detail (e.g. each company's difference), as name/value pairs.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Details { get; init; } = [];

    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Samples { get; init; } = [];

    /// <summary>How many rows failed in all (samples are capped).</summary>
    public long? FailingRows { get; init; }
}
