namespace SoxAuto.Aws.Athena.Model;

/// <summary>State and timing of an execution. Times are UTC.</summary>
public sealed record QueryExecutionStatus
{
    public required string State { get; init; }

    public string? StateChangeReason { get; init; }

    public DateTimeOffset? SubmissionDateTime { get; init; }

    public DateTimeOffset? CompletionDateTime { get; init; }

    public AthenaError? AthenaError { get; init; }
}
