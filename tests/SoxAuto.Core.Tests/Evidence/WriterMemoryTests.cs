using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence;
using SoxAuto.Core.Evidence.Hashing;
using SoxAuto.Core.Evidence.Statistics;
using SoxAuto.Core.Evidence.Verification;
using SoxAuto.Core.Tests.Data;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>
/// CDH-1, the statistics, the package writer and the verifier allocate nothing per row: memory stays flat however large
/// the extract. Each figure is the least of three runs, because the allocation counter is process-wide and the test
/// runner's own threads allocate now and then.
/// </summary>
public sealed class WriterMemoryTests
{
    private static readonly ResultSchema Schema = new([
        new ColumnSchema("id", AthenaType.Parse("bigint")),
        new ColumnSchema("name", AthenaType.Parse("varchar")),
        new ColumnSchema("amount", AthenaType.Parse("decimal(18,2)")),
        new ColumnSchema("day", AthenaType.Parse("date")),
        new ColumnSchema("note", AthenaType.Parse("varchar")),
    ]);

    [Fact]
    public async Task Cdh1AndStatistics_AllocateNothingPerRow()
    {
        long small = await LeastAllocatedAsync(() => ReadAsync(20_000, [new Cdh1Hasher(), new ColumnStatistics()]));
        long large = await LeastAllocatedAsync(() => ReadAsync(200_000, [new Cdh1Hasher(), new ColumnStatistics()]));

        Assert.True(large - small < 256 * 1024, $"200k rows allocated {large} bytes, 20k rows {small} bytes");
    }

    [Fact]
    public async Task PackageWriter_AllocatesNothingPerRow()
    {
        // Both sizes fill the compressor's fixed set of reusable blocks (MaxBlocksInFlight of 1 MiB); past that,
        // twice the rows may not cost measurably more memory.
        using TempDirectory temp = new();
        long small = await LeastAllocatedAsync(() => WriteAsync(temp.Combine(Guid.NewGuid().ToString("N")), 200_000, complete: false));
        long large = await LeastAllocatedAsync(() => WriteAsync(temp.Combine(Guid.NewGuid().ToString("N")), 400_000, complete: false));

        Assert.True(large - small < 512 * 1024, $"400k rows allocated {large} bytes, 200k rows {small} bytes");
    }

    [Fact]
    public async Task Verifier_AllocatesNothingPerRow()
    {
        using TempDirectory temp = new();
        // Both sizes fill the reader's fixed set of row blocks; past that, twice the rows may not cost more memory.
        string small = await PackageAsync(temp.Combine("small"), 200_000);
        string large = await PackageAsync(temp.Combine("large"), 400_000);

        long smallBytes = await LeastAllocatedAsync(() => VerifyAsync(small));
        long largeBytes = await LeastAllocatedAsync(() => VerifyAsync(large));

        Assert.True(largeBytes - smallBytes < 512 * 1024, $"verifying 400k rows allocated {largeBytes} bytes, 200k rows {smallBytes} bytes");
    }

    // Each run returns the bytes allocated inside its measured part; the least of three is kept.
    private static async Task<long> LeastAllocatedAsync(Func<Task<long>> run)
    {
        long least = long.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            least = Math.Min(least, await run());
        }

        return least;
    }

    private static async Task<long> ReadAsync(int rows, IRowConsumer[] consumers)
    {
        using Stream input = SyntheticCsv.Create(rows);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        await ResultReader.ReadAsync(input, Schema, consumers, [], CancellationToken.None, 64 * 1024);
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static async Task<long> WriteAsync(string folder, int rows, bool complete)
    {
        RunEvidenceWriter run = RunEvidenceWriter.Create(folder, EvidenceSamples.Context());
        await using IItemEvidenceWriter writer = run.BeginItem(EvidenceSamples.Item(), Schema);
        using Stream input = SyntheticCsv.Create(rows);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        await ResultReader.ReadAsync(input, Schema, [writer.RowConsumer], [writer.RawConsumer], CancellationToken.None, 64 * 1024);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        if (complete)
        {
            await writer.CompleteAsync(EvidenceSamples.Evidence(EvidenceSamples.Item()), CancellationToken.None);
        }

        return allocated;
    }

    private static async Task<string> PackageAsync(string folder, int rows)
    {
        await WriteAsync(folder, rows, complete: true);
        return Directory.GetFiles(Directory.GetDirectories(folder).Single(), "*.zip").Single();
    }

    private static async Task<long> VerifyAsync(string package)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        PackageVerification result = await PackageVerifier.VerifyAsync(package);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(result.Ok);
        return allocated;
    }
}
