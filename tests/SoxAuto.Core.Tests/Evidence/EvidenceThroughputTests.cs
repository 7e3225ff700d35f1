using System.Diagnostics;
using System.Globalization;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence;
using SoxAuto.Core.Evidence.Hashing;
using SoxAuto.Core.Evidence.Statistics;
using SoxAuto.Core.Evidence.Verification;
using SoxAuto.Testing;
using Xunit.Abstractions;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>
/// Writes and verifies a GL-like result end to end and reports throughput. CI runs it on 50,000 rows (the writer's
/// hash, the verifier's recomputation and the row count must agree); for the figures in docs/evidence-format.md run
/// <c>SOXAUTO_MEASURE_ROWS=1000000 dotnet test tests/SoxAuto.Core.Tests -c Release --filter EvidenceThroughput --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class EvidenceThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WriteAndVerify_AGeneralLedgerExtract_AgreeAndReportThroughput()
    {
        int rows = int.TryParse(Environment.GetEnvironmentVariable("SOXAUTO_MEASURE_ROWS"), CultureInfo.InvariantCulture, out int wanted) ? wanted : 50_000;
        byte[] csv = GeneralLedgerCsv.Create(rows);
        double megabytes = csv.Length / 1e6;
        Report($"{rows} rows, {megabytes:F1} MB of Athena CSV");

        Report($"read only (ResultReader)      {megabytes / await TimeReadAsync(csv, []):F0} MB/s");
        Report($"read + CDH-1                  {megabytes / await TimeReadAsync(csv, [new Cdh1Hasher()]):F0} MB/s");
        Report($"read + column statistics      {megabytes / await TimeReadAsync(csv, [new ColumnStatistics()]):F0} MB/s");
        Report($"read + CDH-1 + statistics     {megabytes / await TimeReadAsync(csv, [new Cdh1Hasher(), new ColumnStatistics()]):F0} MB/s");
        foreach (int level in new[] { 1, 3, 6, 9 })
        {
            (double seconds, long size) = TimeGzip(csv, level);
            Report($"gzip level {level}                  {megabytes / seconds:F0} MB/s, {size / 1e6:F1} MB ({(double)csv.Length / size:F1}:1)");
        }

        using TempDirectory temp = new();
        Stopwatch clock = Stopwatch.StartNew();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        PackageInfo package;
        await using (IItemEvidenceWriter writer = run.BeginItem(EvidenceSamples.Item(), GeneralLedgerCsv.Schema))
        {
            using MemoryStream input = new(csv);
            await ResultReader.ReadAsync(input, GeneralLedgerCsv.Schema, [writer.RowConsumer], [writer.RawConsumer], CancellationToken.None);
            package = await writer.CompleteAsync(EvidenceSamples.Evidence(EvidenceSamples.Item()), CancellationToken.None);
        }

        Report($"whole package (read, CDH-1, statistics, gzip 6, zip)  {megabytes / clock.Elapsed.TotalSeconds:F0} MB/s, {clock.Elapsed.TotalSeconds:F2} s");
        clock.Restart();
        PackageVerification verification = await PackageVerifier.VerifyAsync(package.Path);
        Report($"soxauto verify                {megabytes / clock.Elapsed.TotalSeconds:F0} MB/s, {clock.Elapsed.TotalSeconds:F2} s");

        Assert.True(verification.Ok, PackageVerifierTests.Describe(verification));
        Assert.Equal(rows, package.Rows);
        Assert.Contains(verification.Checks, c => c.Name == "dataset_sha256" && c.Detail.EndsWith(package.DatasetSha256, StringComparison.Ordinal));
    }

    // The better of two runs: the first one pays for JIT compilation.
    private static async Task<double> TimeReadAsync(byte[] csv, IRowConsumer[] consumers)
    {
        double best = double.MaxValue;
        for (int run = 0; run < 2; run++)
        {
            using MemoryStream input = new(csv);
            Stopwatch clock = Stopwatch.StartNew();
            await ResultReader.ReadAsync(input, GeneralLedgerCsv.Schema, consumers, [], CancellationToken.None);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    // One thread, one deflate stream: the per-level figures behind the choice of ParallelGzipWriter.Level.
    private static (double Seconds, long Size) TimeGzip(byte[] csv, int level)
    {
        using MemoryStream output = new();
        Stopwatch clock = Stopwatch.StartNew();
        using (System.IO.Compression.DeflateStream deflate = new(output, new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            deflate.Write(csv);
        }

        return (clock.Elapsed.TotalSeconds, output.Length);
    }

    private void Report(string line) => output.WriteLine(line);
}
