using SoxAuto.Cli.Tests.TestSupport;
using SoxAuto.Testing;

namespace SoxAuto.Cli.Tests.Commands;

/// <summary>extract cancelled once its run folder exists (STS on moto; cancelled before any item starts).</summary>
public sealed class ExtractCancellationTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private readonly TestCatalog _catalog = new();
    private readonly TempDirectory _out = new("soxauto-extract-cancel");

    public void Dispose()
    {
        _catalog.Dispose();
        _out.Dispose();
    }

    [Fact]
    public async Task Cancelled_BeforeAnyPackageCompleted_Exits130AndLeavesNoRunFolder()
    {
        using CancellationTokenSource cancel = new();
        using StringWriter output = new();
        // ExtractAction announces the run (with its id) right after creating the run folder.
        using CancelOnLineWriter error = new("soxauto extract: cutoff", cancel);
        CliEnvironment environment = new(output, error, new FixedTimeProvider(new DateTimeOffset(2025, 10, 3, 9, 0, 0, TimeSpan.Zero)),
            name => moto.Environment.GetValueOrDefault(name), IsTerminal: false);

        int exitCode = await SoxAutoCli.RunAsync(["extract", "--cutoff", "2025-09-30", "--catalog", _catalog.Path, "--out", _out.Path], environment, cancel.Token);

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.Contains("run 2025-09-30_", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_out.Path));
    }
}
