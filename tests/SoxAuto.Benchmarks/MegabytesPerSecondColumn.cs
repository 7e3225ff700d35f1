using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SoxAuto.Benchmarks;

/// <summary>Throughput of a benchmark that processes <see cref="LedgerInput.Bytes"/> bytes per operation, in MB/s.</summary>
public sealed class MegabytesPerSecondColumn : IColumn
{
    public string Id => "MBps";

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "megabytes of Athena CSV processed per second (mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        double? nanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return nanoseconds is > 0 ? (LedgerInput.Bytes / 1e6 / (nanoseconds.Value / 1e9)).ToString("F0", CultureInfo.InvariantCulture) : "-";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
