using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using SoxAuto.Benchmarks;
using SoxAuto.Core.Data;

// "quick" prints one-shot throughput figures of the hot paths on synthetic data (a smoke run, not a benchmark);
// anything else goes to BenchmarkDotNet (scripts/bench.sh --micro).
if (args.Length > 0 && args[0] == "quick")
{
    int rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    byte[] csv = LedgerCsv.Create(rows);
    for (int round = 0; round < 3; round++)
    {
        Stopwatch watch = Stopwatch.StartNew();
        using MemoryStream input = new(csv, writable: false);
        await ResultReader.ReadAsync(input, LedgerCsv.Schema, [new NullConsumer()], [], CancellationToken.None);
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parse+decode: {rows:N0} rows, {csv.Length / 1e6:F0} MB in {seconds:F3} s = {csv.Length / 1e6 / seconds:F0} MB/s"));
    }

    return 0;
}

if (args.Length > 1 && args[0] == "http")
{
    await S3ReadProfile.RunHttpAsync(args[1]);
    return 0;
}

if (args.Length > 1 && args[0] == "s3")
{
    await S3ReadProfile.RunAsync(args[1]);
    return 0;
}

if (args.Length > 0 && args[0] == "profile")
{
    await PipelineProfile.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(LedgerCsv).Assembly).Run(args);
return 0;
