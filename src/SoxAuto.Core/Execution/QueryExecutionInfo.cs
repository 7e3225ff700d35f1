namespace SoxAuto.Core.Execution;

/// <summary>
/// Provenance of one query execution, as the engine reported it: recorded in the execution log of the evidence.
/// Times are UTC.
/// </summary>
public sealed record QueryExecutionInfo
{
    public required string Purpose { get; init; }

    public required string ExecutionId { get; init; }

    public required string State { get; init; }

    public string? StateChangeReason { get; init; }

    public string? WorkGroup { get; init; }

    public string? EngineVersion { get; init; }

    public string? StatementType { get; init; }

    public long? DataScannedBytes { get; init; }

    public long? QueueTimeMillis { get; init; }

    public long? EngineTimeMillis { get; init; }

    public long? TotalTimeMillis { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The result file's full URI (<c>s3://…/&lt;id&gt;.csv</c>), or null when results are only readable through the API.</summary>
    public string? OutputLocation { get; init; }

    /// <summary>Whether the result file is encrypted client-side or managed, so it must be read through the API.</summary>
    public bool ResultReadableFromStorage { get; init; } = true;

    public bool ReusedPreviousResult { get; init; }

    /// <summary>API calls repeated after throttling or transient errors, plus re-submissions of retryable failures.</summary>
    public int Retries { get; init; }

    /// <summary>Earlier executions of the same request that failed with a retryable error and were re-submitted.</summary>
    public IReadOnlyList<string> SupersededExecutionIds { get; init; } = [];
}
