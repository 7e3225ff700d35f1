namespace SoxAuto.Core.Evidence;

/// <summary>The entries of an evidence package (docs/evidence-format.md), in the order the zip holds them.</summary>
internal static class PackageEntries
{
    public const string Query = "01_executed_query.sql";
    public const string Parameters = "02_query_parameters.json";
    public const string Snapshot = "03_data_snapshot.csv";
    public const string Summary = "04_data_summary.json";
    public const string Integrity = "05_integrity_hash.json";
    public const string Validation = "06_validation_results.json";
    public const string ExecutionLog = "07_execution_log.json";
    public const string DataFile = "data.csv.gz";
    public const string Checksums = "SHA256SUMS";

    /// <summary>Rows of the data in the snapshot (after the header).</summary>
    public const int SnapshotRows = 100;

    public const string Cdh1Algorithm = "CDH-1";

    /// <summary>Every entry SHA256SUMS lists (all but itself), in ordinal order.</summary>
    public static IReadOnlyList<string> Listed { get; } = [Query, Parameters, Snapshot, Summary, Integrity, Validation, ExecutionLog, DataFile];
}
