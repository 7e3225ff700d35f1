using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>
/// What an auditor does without soxauto, as real processes: <c>unzip</c>, <c>sha256sum -c --strict SHA256SUMS</c> and
/// <c>python3 scripts/cdh1.py</c> (written from the format documentation, not from this code) on packages this code wrote.
/// </summary>
public sealed class AuditorToolTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<string> Entries() =>
    [
        "01_executed_query.sql", "02_query_parameters.json", "03_data_snapshot.csv", "04_data_summary.json",
        "05_integrity_hash.json", "06_validation_results.json", "07_execution_log.json", "data.csv.gz",
    ];

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Sha256sumCheck_OnTheUnzippedPackage_Succeeds()
    {
        string folder = await UnzipAsync(await WriteAsync());

        (int exit, string output) = await ExternalProcess.RunAsync("sha256sum", ["-c", "--strict", "SHA256SUMS"], folder);

        Assert.True(exit == 0, output);
        Assert.Equal(8, output.Split('\n').Count(l => l.EndsWith(": OK", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Sha256sumCheck_FailsAfterOneByteOfAnyEntryChanges(string entry)
    {
        string folder = await UnzipAsync(await WriteAsync());
        FlipMiddleByte(Path.Combine(folder, entry));

        (int exit, string output) = await ExternalProcess.RunAsync("sha256sum", ["-c", "--strict", "SHA256SUMS"], folder);

        Assert.NotEqual(0, exit);
        Assert.Contains($"{entry}: FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PythonChecker_VerifiesTheZip_AndTheUnzippedFolder()
    {
        string package = await WriteAsync();
        string folder = await UnzipAsync(package);

        (int zipExit, string zipOutput) = await ExternalProcess.RunAsync("python3", [RepositoryPaths.Cdh1Script, package]);
        (int folderExit, string folderOutput) = await ExternalProcess.RunAsync("python3", [RepositoryPaths.Cdh1Script, folder]);

        Assert.True(zipExit == 0, zipOutput);
        Assert.True(folderExit == 0, folderOutput);
        Assert.Contains("OK    dataset_sha256 (CDH-1 over 230 rows)", zipOutput, StringComparison.Ordinal);
        Assert.Contains("VERIFIED", folderOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task PythonChecker_FailsAfterOneByteOfAnyEntryChanges(string entry)
    {
        string tampered = PackageFiles.FlipByteInEntry(await WriteAsync(), entry, _temp.Combine("tampered.zip"));
        string folder = await UnzipAsync(await WriteAsync());
        FlipMiddleByte(Path.Combine(folder, entry));

        (int zipExit, string zipOutput) = await ExternalProcess.RunAsync("python3", [RepositoryPaths.Cdh1Script, tampered]);
        (int folderExit, string folderOutput) = await ExternalProcess.RunAsync("python3", [RepositoryPaths.Cdh1Script, folder]);

        // In the zip, the zip's own CRC-32 already catches it; in the folder, the SHA256SUMS line does.
        Assert.Equal(1, zipExit);
        Assert.Contains("FAIL", zipOutput, StringComparison.Ordinal);
        Assert.Equal(1, folderExit);
        Assert.Contains($"FAIL  sha256 {entry}: SHA256SUMS says", folderOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PythonChecker_RecomputesCdh1_NotJustTheFileHashes()
    {
        string folder = await UnzipAsync(await WriteAsync());
        string dataFile = Path.Combine(folder, "data.csv.gz");
        byte[] changed = System.Text.Encoding.UTF8.GetBytes(EvidenceSamples.Csv(230).Replace("\"-2300.05\"", "\"-2300.06\"", StringComparison.Ordinal));
        await File.WriteAllBytesAsync(dataFile, PackageFiles.Gzip(changed));
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(dataFile)));
        string integrity = Path.Combine(folder, "05_integrity_hash.json");
        string document = await File.ReadAllTextAsync(integrity);
        await File.WriteAllTextAsync(integrity, System.Text.RegularExpressions.Regex.Replace(document, "\"data_file_sha256\": \"[0-9a-f]{64}\"", $"\"data_file_sha256\": \"{sha}\""));
        await RewriteSumsAsync(folder);

        (int exit, string output) = await ExternalProcess.RunAsync("python3", [RepositoryPaths.Cdh1Script, folder]);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL  dataset_sha256", output, StringComparison.Ordinal);
        Assert.Contains("OK    data_file_sha256", output, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync() =>
        (await EvidenceSamples.WritePackageAsync(_temp.Combine("out-" + Guid.NewGuid().ToString("N")), EvidenceSamples.Csv(230))).Package.Path;

    private async Task<string> UnzipAsync(string package)
    {
        string folder = _temp.Combine("x-" + Guid.NewGuid().ToString("N"));
        (int exit, string output) = await ExternalProcess.RunAsync("unzip", ["-q", package, "-d", folder]);
        Assert.True(exit == 0, output);
        return folder;
    }

    private static void FlipMiddleByte(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    private static async Task RewriteSumsAsync(string folder)
    {
        IEnumerable<string> lines = Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => n != "SHA256SUMS").Order(StringComparer.Ordinal)
            .Select(n => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, n!)))) + "  " + n + "\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "SHA256SUMS"), string.Concat(lines));
    }
}
