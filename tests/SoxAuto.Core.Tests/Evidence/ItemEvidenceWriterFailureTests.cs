using System.Text;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>A crash, an exception or a cancellation at any point leaves no file named *.zip and no temporary file.</summary>
public sealed class ItemEvidenceWriterFailureTests
{
    [Fact]
    public async Task ValueOfTheWrongTypeMidStream_ThenDispose_LeavesNothing()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        string csv = EvidenceSamples.Csv(5000) + "\"JE-X\",\"1\",\"400000\",\"1.234\",\"2025-09-30\",\"bad scale\"\n";

        await using (IItemEvidenceWriter writer = run.BeginItem(EvidenceSamples.Item(), EvidenceSamples.Schema))
        {
            await Assert.ThrowsAsync<DataValueException>(() => EvidenceSamples.ReadAsync(writer, csv));
            Assert.NotEmpty(Directory.GetFiles(run.RunFolder)); // the temporary data file was being written
        }

        Assert.Empty(Directory.GetFiles(run.RunFolder));
    }

    [Fact]
    public async Task ExceptionFromAnotherConsumer_ThenDispose_LeavesNothing()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        await using (IItemEvidenceWriter writer = run.BeginItem(EvidenceSamples.Item(), EvidenceSamples.Schema))
        {
            using MemoryStream input = new(Encoding.UTF8.GetBytes(EvidenceSamples.Csv(3000)));
            await Assert.ThrowsAsync<InvalidOperationException>(() => ResultReader.ReadAsync(input, EvidenceSamples.Schema,
                [writer.RowConsumer, new AtRow(2500, () => throw new InvalidOperationException("a check crashed"))], [writer.RawConsumer], CancellationToken.None, 4096));
        }

        Assert.Empty(Directory.GetFiles(run.RunFolder));
    }

    [Fact]
    public async Task CancelledWhileReading_LeavesNothing()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        using CancellationTokenSource cancel = new();
        await using (IItemEvidenceWriter writer = run.BeginItem(EvidenceSamples.Item(), EvidenceSamples.Schema))
        {
            using MemoryStream input = new(Encoding.UTF8.GetBytes(EvidenceSamples.Csv(3000)));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ResultReader.ReadAsync(input, EvidenceSamples.Schema,
                [writer.RowConsumer, new AtRow(1000, cancel.Cancel)], [writer.RawConsumer], cancel.Token, 4096));
        }

        Assert.Empty(Directory.GetFiles(run.RunFolder));
    }

    [Fact]
    public async Task CancelledDuringCompletion_LeavesNothing()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        CatalogItem item = EvidenceSamples.Item();
        await using (IItemEvidenceWriter writer = run.BeginItem(item, EvidenceSamples.Schema))
        {
            await EvidenceSamples.ReadAsync(writer, EvidenceSamples.Csv(2000));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.CompleteAsync(EvidenceSamples.Evidence(item), new CancellationToken(canceled: true)));
        }

        Assert.Empty(Directory.GetFiles(run.RunFolder));
    }

    [Fact]
    public async Task DisposedWithoutCompleting_LeavesNothing()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        await using (IItemEvidenceWriter writer = run.BeginItem(EvidenceSamples.Item(), EvidenceSamples.Schema))
        {
            await EvidenceSamples.ReadAsync(writer, EvidenceSamples.Csv(100));
        }

        Assert.Empty(Directory.GetFiles(run.RunFolder));
    }

    [Fact]
    public async Task CompletingBeforeTheResultWasReadToTheEnd_IsRefused()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        CatalogItem item = EvidenceSamples.Item();
        await using (IItemEvidenceWriter writer = run.BeginItem(item, EvidenceSamples.Schema))
        {
            writer.RowConsumer.Start(EvidenceSamples.Schema);
            writer.RawConsumer.Consume(Encoding.UTF8.GetBytes(EvidenceSamples.Header), 0);

            await Assert.ThrowsAsync<InvalidOperationException>(() => writer.CompleteAsync(EvidenceSamples.Evidence(item), CancellationToken.None));
        }

        Assert.Empty(Directory.GetFiles(run.RunFolder));
    }

    [Fact]
    public async Task PackageNameAlreadyTaken_IsNeverOverwritten_AndTheAttemptLeavesNoTemporaryFile()
    {
        using TempDirectory temp = new();
        RunEvidenceWriter run = RunEvidenceWriter.Create(temp.Path, EvidenceSamples.Context());
        string existing = Path.Combine(run.RunFolder, "IPE_07.zip");
        await File.WriteAllTextAsync(existing, "someone else's file");
        CatalogItem item = EvidenceSamples.Item();

        await using (IItemEvidenceWriter writer = run.BeginItem(item, EvidenceSamples.Schema))
        {
            await EvidenceSamples.ReadAsync(writer, EvidenceSamples.Csv(10));
            IOException error = await Assert.ThrowsAsync<IOException>(() => writer.CompleteAsync(EvidenceSamples.Evidence(item), CancellationToken.None));
            Assert.Contains("refusing to overwrite", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("someone else's file", await File.ReadAllTextAsync(existing));
        Assert.Equal([existing], Directory.GetFiles(run.RunFolder));
    }

    /// <summary>Another consumer of the same read (a check) that does something at one row: throw, or cancel the read.</summary>
    private sealed class AtRow(long row, Action action) : IRowConsumer
    {
        public void Start(ResultSchema schema)
        {
        }

        public void Consume(TypedRow current)
        {
            if (current.Number == row)
            {
                action();
            }
        }

        public void Finish(long rowCount)
        {
        }
    }
}
