namespace SoxAuto.Core.Execution;

/// <summary>A step in one item's run, for the live display: which item, what it is doing now, and details (rows read, execution id).</summary>
public sealed record ItemProgress(string ItemId, ItemPhase Phase, string? Detail = null, long? Rows = null);
