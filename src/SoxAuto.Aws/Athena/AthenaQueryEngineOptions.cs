namespace SoxAuto.Aws.Athena;

/// <summary>The run's Athena settings: workgroup, requested output location (may be overridden by the workgroup), data catalog.</summary>
public sealed record AthenaQueryEngineOptions(string WorkGroup, string? OutputLocation, string Catalog)
{
    /// <summary>How many times a query that FAILED with a retryable AthenaError is re-submitted (with a new token).</summary>
    public int MaxResubmissions { get; init; } = 2;

    /// <summary>Re-use an identical earlier result of at most this age (Athena result reuse); null = never.</summary>
    public int? ResultReuseMaxAgeMinutes { get; init; }
}
