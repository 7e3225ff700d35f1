namespace SoxAuto.Aws.Athena.Model;

/// <summary>Why a query FAILED. ErrorCategory 1 = system, 2 = user, 3 = other. A FAILED query is never re-run unless Retryable.</summary>
public sealed record AthenaError
{
    public int? ErrorCategory { get; init; }

    public int? ErrorType { get; init; }

    public bool? Retryable { get; init; }

    public string? ErrorMessage { get; init; }
}
