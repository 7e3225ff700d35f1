using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence;
using SoxAuto.Core.Evidence.Hashing;
using SoxAuto.Core.Evidence.Statistics;
using SoxAuto.Core.Evidence.Verification;
using SoxAuto.Core.Tests.Data;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>CDH-1, the statistics, the package writer and the verifier allocate nothing per row: memory stays flat however large the extract.</summary>
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
        long small = await AllocatedAsync(20_000, () => [new Cdh1Hasher(), new ColumnStatistics()]);
        long large = await AllocatedAsync(200_000, () => [new Cdh1Hasher(), new ColumnStatistics()]);

        Assert.True(large - small < 256 * 1024, $"200k rows allocated {large} bytes, 20k rows {small} bytes");
    }

    [Fact]
    public async Task PackageWriter_AllocatesNothingPerRow()
    {
        using TempDirectory temp = new();
        long small = await AllocatedWritingAsync(temp.Combine("small"), 20_000);
        long large = await AllocatedWritingAsync(temp.Combine("large"), 200_000);

        Assert.True(large - small < 512 * 1024, $"200k rows allocated {large} bytes, 20k rows {small} bytes");
    }

    [Fact]
    public async Task Verifier_AllocatesNothingPerRow()
    {
        using TempDirectory temp = new();
        string small = await WritePackageAsync(temp.Combine("small"), 20_000);
        string large = await WritePackageAsync(temp.Combine("large"), 200_000);
        await PackageVerifier.VerifyAsync(small); // warm-up: JIT, pools

        long before = GC.GetTotalAllocatedBytes(precise: true);
        Assert.True((await PackageVerifier.VerifyAsync(small)).Ok);
        long smallBytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        before = GC.GetTotalAllocatedBytes(precise: true);
        Assert.True((await PackageVerifier.VerifyAsync(large)).Ok);
        long largeBytes = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.True(largeBytes - smallBytes < 512 * 1024, $"verifying 200k rows allocated {largeBytes} bytes, 20k rows {smallBytes} bytes");
    }

    private static async Task<string> WritePackageAsync(string folder, int rows)
    {
        RunEvidenceWriter run = RunEvidenceWriter.Create(folder, EvidenceSamples.Context());
        await using IItemEvidenceWriter writer = run.BeginItem(EvidenceSamples.Item(), Schema);
        using Stream input = SyntheticCsv.Create(rows);
        await ResultReader.ReadAsync(input, Schema, [writer.RowConsumer], [writer.RawConsumer], CancellationToken.None, 64 * 1024);
        return (await writer.CompleteAsync(EvidenceSamples.Evidence(EvidenceSamples.Item()), CancellationToken.None)).Path;
    }

    private static async Task<long> AllocatedAsync(int rows, Func<IRowConsumer[]> consumers)
    {
        IRowConsumer[] sinks = consumers();
        using Stream input = SyntheticCsv.Create(rows);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        await ResultReader.ReadAsync(input, Schema, sinks, [], CancellationToken.None, 64 * 1024);
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    private static async Task<long> AllocatedWritingAsync(string folder, int rows)
    {
        RunEvidenceWriter run = RunEvidenceWriter.Create(folder, EvidenceSamples.Context());
        await using IItemEvidenceWriter writer = run.BeginItem(EvidenceSamples.Item(), Schema);
        using Stream input = SyntheticCsv.Create(rows);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        await ResultReader.ReadAsync(input, Schema, [writer.RowConsumer], [writer.RawConsumer], CancellationToken.None, 64 * 1024);
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}
