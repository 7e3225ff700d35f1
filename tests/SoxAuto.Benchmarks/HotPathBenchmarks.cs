using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Hashing;

namespace SoxAuto.Benchmarks;

/// <summary>
/// The hot paths of the extract on the same ledger bytes: the CSV parser alone, parsing plus typed conversion, and
/// CDH-1 (parse, convert, hash). Differences between rows give each stage's cost.
/// </summary>
[Config(typeof(Settings))]
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private readonly CsvField[] _fields = new CsvField[LedgerCsv.Schema.Count];

    [Benchmark(Description = "CSV parser (fields only)")]
    public int Parse()
    {
        ReadOnlySpan<byte> data = LedgerInput.Csv;
        int position = data.IndexOf((byte)'\n') + 1;
        int rows = 0;
        while (AthenaCsvRowParser.TryParseRow(data, position, true, _fields, _fields.Length, rows + 2, 0, out int next) == CsvRowStatus.Complete)
        {
            rows++;
            position = next;
        }

        return rows;
    }

    [Benchmark(Description = "parser + typed conversion")]
    public Task<ResultReadSummary> ParseAndConvert() => ReadAsync(new NullConsumer());

    [Benchmark(Description = "parser + conversion + CDH-1")]
    public async Task<string> ParseConvertAndHash()
    {
        using Cdh1Hasher hasher = new();
        await ReadAsync(hasher);
        return hasher.DatasetSha256;
    }

    private static async Task<ResultReadSummary> ReadAsync(IRowConsumer consumer)
    {
        using MemoryStream input = new(LedgerInput.Csv, writable: false);
        return await ResultReader.ReadAsync(input, LedgerCsv.Schema, [consumer], [], CancellationToken.None);
    }

    private sealed class Settings : ManualConfig
    {
        public Settings()
        {
            AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5));
            AddColumn(new MegabytesPerSecondColumn());
        }
    }
}
