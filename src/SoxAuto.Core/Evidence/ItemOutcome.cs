namespace SoxAuto.Core.Evidence;

/// <summary>One item's line in run.json and in the summary: status, package (none when the item could not run), and why.</summary>
public sealed record ItemOutcome(string ItemId, ItemStatus Status, PackageInfo? Package, int ChecksPassed, int ChecksFailed, int ChecksErrored, int ChecksSkipped, string? Error);
