namespace SoxAuto.Core.Validation;

/// <summary>Limits of the checks' reports and memory. The defaults suit extracts of millions of rows.</summary>
public sealed record CheckSuiteOptions
{
    /// <summary>Failing rows kept per check as samples (the count of failing rows is always exact).</summary>
    public int SampleLimit { get; init; } = 20;

    /// <summary>Groups or records listed per check in the details (the count of differences is always exact).</summary>
    public int DetailLimit { get; init; } = 100;

    /// <summary>
    /// Keys the uniqueness check keeps while it confirms that the extract arrives in key order. If the order breaks
    /// within these rows it goes on exactly with every key in memory; after them it releases the keys, and a later
    /// break makes the check an ERROR (unless duplicates were already found) instead of a guess.
    /// </summary>
    public int UniquenessRetainedKeys { get; init; } = 100_000;
}
