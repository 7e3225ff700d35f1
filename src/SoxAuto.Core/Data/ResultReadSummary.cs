namespace SoxAuto.Core.Data;

/// <summary>What one read of a result saw: data rows (header excluded) and bytes.</summary>
public sealed record ResultReadSummary(long Rows, long Bytes);
