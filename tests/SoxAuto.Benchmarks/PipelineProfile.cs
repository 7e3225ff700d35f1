using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Hashing;
using SoxAuto.Core.Evidence.Statistics;
using SoxAuto.Core.Validation;

namespace SoxAuto.Benchmarks;

/// <summary>
/// Times each stage of the extract pipeline separately on the same synthetic ledger bytes (one shot, after a warm-up),
/// to show where a run spends its time: parsing, CDH-1, statistics, checks, compression.
/// </summary>
public static class PipelineProfile
{
    public static async Task RunAsync(int rows)
    {
        byte[] csv = LedgerCsv.Create(rows);
        CatalogItem item = CatalogLoader.Load(Path.Combine(FindRoot(), "scripts", "bench", "catalog")).FindItem("BENCH_LEDGER")!;
        Dictionary<string, ParameterValue> parameters = new() { ["cutoff_date"] = new DateParameterValue(new DateOnly(2025, 9, 30)) };
        ResultSchema schema = LedgerCsv.Schema;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, {csv.Length / 1e6:F0} MB of Athena CSV"));

        await TimeAsync("parse + decode", csv, () => [new NullConsumer()]);
        await TimeAsync("  + CDH-1", csv, () => [new Cdh1Hasher()]);
        await TimeAsync("  + statistics", csv, () => [new ColumnStatistics()]);
        await TimeAsync("  + checks", csv, () => [new CheckSuiteFactory().Create(item, schema, parameters, new DateOnly(2025, 9, 30)).RowConsumer]);
        await TimeAsync("  + all three", csv, () => [new Cdh1Hasher(), new ColumnStatistics(), new CheckSuiteFactory().Create(item, schema, parameters, new DateOnly(2025, 9, 30)).RowConsumer]);
        using (TempFolder folder = new())
        {
            await TimeAsync("full: evidence writer + checks", csv, () => [], folder.Path, item, parameters);
        }

        foreach (int level in new[] { 1, 2, 3, 6 })
        {
            Time($"deflate level {level} (1 thread)", csv.Length, () =>
            {
                using DeflateStream deflate = new(Stream.Null, new ZLibCompressionOptions { CompressionLevel = level });
                deflate.Write(csv);
            }, () =>
            {
                using MemoryStream sink = new();
                using (DeflateStream deflate = new(sink, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
                {
                    deflate.Write(csv);
                }

                return $"ratio {csv.Length / (double)sink.Length:F2}:1";
            });
        }

        foreach (ZLibCompressionStrategy strategy in new[] { ZLibCompressionStrategy.HuffmanOnly, ZLibCompressionStrategy.RunLengthEncoding, ZLibCompressionStrategy.Fixed })
        {
            Time($"deflate level 1, {strategy}", csv.Length, () =>
            {
                using DeflateStream deflate = new(Stream.Null, new ZLibCompressionOptions { CompressionLevel = 1, CompressionStrategy = strategy });
                deflate.Write(csv);
            }, () =>
            {
                using MemoryStream sink = new();
                using (DeflateStream deflate = new(sink, new ZLibCompressionOptions { CompressionLevel = 1, CompressionStrategy = strategy }, leaveOpen: true))
                {
                    deflate.Write(csv);
                }

                return $"ratio {csv.Length / (double)sink.Length:F2}:1";
            });
        }

        Time("CRC-32", csv.Length, () => new Crc32().Append(csv), () => string.Empty);
        Time("SHA-256", csv.Length, () => System.Security.Cryptography.SHA256.HashData(csv), () => string.Empty);
    }

    private static async Task TimeAsync(string stage, byte[] csv, Func<IRowConsumer[]> consumers)
    {
        double best = double.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            IRowConsumer[] sinks = consumers();
            using MemoryStream input = new(csv, writable: false);
            Stopwatch watch = Stopwatch.StartNew();
            await ResultReader.ReadAsync(input, LedgerCsv.Schema, sinks, [], CancellationToken.None);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-32} {best,7:F3} s  {csv.Length / 1e6 / best,6:F0} MB/s"));
    }

    private static async Task TimeAsync(string stage, byte[] csv, Func<IRowConsumer[]> _, string folder, CatalogItem item, Dictionary<string, ParameterValue> parameters)
    {
        double best = double.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            SoxAuto.Core.Evidence.RunContext context = new()
            {
                RunId = SoxAuto.Core.Evidence.RunIds.New(new DateOnly(2025, 9, 30), DateTimeOffset.UtcNow),
                Cutoff = new DateOnly(2025, 9, 30),
                StartedAt = DateTimeOffset.UtcNow,
                ToolVersion = "profile",
                CatalogSha256 = new string('0', 64),
            };
            SoxAuto.Core.Evidence.RunEvidenceWriter run = SoxAuto.Core.Evidence.RunEvidenceWriter.Create(folder, context);
            await using SoxAuto.Core.Evidence.IItemEvidenceWriter package = run.BeginItem(item, LedgerCsv.Schema);
            IRowConsumer checks = new CheckSuiteFactory().Create(item, LedgerCsv.Schema, parameters, new DateOnly(2025, 9, 30)).RowConsumer;
            using MemoryStream input = new(csv, writable: false);
            Stopwatch watch = Stopwatch.StartNew();
            await ResultReader.ReadAsync(input, LedgerCsv.Schema, [package.RowConsumer, checks], [package.RawConsumer], CancellationToken.None);
            double read = watch.Elapsed.TotalSeconds;
            best = Math.Min(best, read);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-32} {read,7:F3} s  {csv.Length / 1e6 / read,6:F0} MB/s  (round {round + 1})"));
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "soxauto-profile-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }

    private static void Time(string stage, long bytes, Action action, Func<string> note)
    {
        action();
        Stopwatch watch = Stopwatch.StartNew();
        action();
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-32} {seconds,7:F3} s  {bytes / 1e6 / seconds,6:F0} MB/s  {note()}"));
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SoxAuto.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the checkout");
    }
}
