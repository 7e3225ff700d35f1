using System.Security.Cryptography;
using System.Text;
using SoxAuto.Core.Evidence;
using SoxAuto.Core.Evidence.Verification;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Evidence;

public sealed class PackageVerifierTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<string> EntryNames() =>
    [
        "01_executed_query.sql", "02_query_parameters.json", "03_data_snapshot.csv", "04_data_summary.json",
        "05_integrity_hash.json", "06_validation_results.json", "07_execution_log.json", "SHA256SUMS", "data.csv.gz",
    ];

    // Row 150 of 150 (beyond the snapshot's 100): one cent more.
    private static readonly string ChangedLastRow = EvidenceSamples.Csv(150).Replace("\"-1500.05\"", "\"-1500.06\"", StringComparison.Ordinal);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WrittenPackage_Verifies_WithEveryCheckNamed()
    {
        string package = await WriteAsync(250);

        PackageVerification result = await PackageVerifier.VerifyAsync(package);

        Assert.True(result.Ok, Describe(result));
        Assert.Equal(
            ["zip_structure", "zip_entry_names", "zip_layout", "zip_crc", "sha256sums_format", "sha256sums_complete",
             "sha256 01_executed_query.sql", "sha256 02_query_parameters.json", "sha256 03_data_snapshot.csv", "sha256 04_data_summary.json",
             "sha256 05_integrity_hash.json", "sha256 06_validation_results.json", "sha256 07_execution_log.json", "sha256 data.csv.gz",
             "integrity_document", "data_file_sha256", "dataset_sha256", "row_count", "snapshot"],
            result.Checks.Select(c => c.Name));
    }

    [Fact]
    public async Task EmptyResult_Verifies()
    {
        PackageVerification result = await PackageVerifier.VerifyAsync(await WriteAsync(0));

        Assert.True(result.Ok, Describe(result));
    }

    [Theory]
    [MemberData(nameof(EntryNames))]
    public async Task OneFlippedByteInAnyEntry_IsDetected(string entry)
    {
        string package = PackageFiles.FlipByteInEntry(await WriteAsync(40), entry, _temp.Combine("tampered.zip"));

        PackageVerification result = await PackageVerifier.VerifyAsync(package);

        Assert.False(result.Ok);
        Assert.Contains(result.Checks, c => c.Name == "zip_crc" && !c.Ok && c.Detail.Contains(entry, StringComparison.Ordinal));
        if (entry != "SHA256SUMS")
        {
            Assert.Contains(result.Checks, c => c.Name == "sha256 " + entry && !c.Ok);
        }
    }

    [Fact]
    public async Task ChangedDataWithMatchingChecksums_IsCaughtByDataFileSha256()
    {
        Dictionary<string, byte[]> entries = PackageFiles.Entries(await WriteAsync(150));
        entries["data.csv.gz"] = PackageFiles.Gzip(Encoding.UTF8.GetBytes(ChangedLastRow));
        entries["SHA256SUMS"] = Sums(entries);

        PackageVerification result = await VerifyRepackedAsync(entries);

        Assert.Equal(["data_file_sha256", "dataset_sha256"], result.Checks.Where(c => !c.Ok).Select(c => c.Name));
        Assert.Contains("05_integrity_hash.json says", result.Checks.Single(c => c.Name == "dataset_sha256").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedDataWithMatchingFileHashes_IsCaughtByTheRecomputedDatasetHash()
    {
        Dictionary<string, byte[]> entries = PackageFiles.Entries(await WriteAsync(150));
        entries["data.csv.gz"] = PackageFiles.Gzip(Encoding.UTF8.GetBytes(ChangedLastRow));
        entries["05_integrity_hash.json"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(entries["05_integrity_hash.json"])
            .Replace(Json(entries, "data_file_sha256"), Sha(entries["data.csv.gz"]), StringComparison.Ordinal));
        entries["SHA256SUMS"] = Sums(entries);

        PackageVerification result = await VerifyRepackedAsync(entries);

        Assert.Equal(["dataset_sha256"], result.Checks.Where(c => !c.Ok).Select(c => c.Name));
    }

    [Fact]
    public async Task RowDroppedAndHashesForged_IsCaughtByRowCount()
    {
        Dictionary<string, byte[]> entries = PackageFiles.Entries(await WriteAsync(150));
        string fewer = EvidenceSamples.Csv(149);
        string forgedHash = await Cdh1Async(fewer);
        entries["data.csv.gz"] = PackageFiles.Gzip(Encoding.UTF8.GetBytes(fewer));
        entries["05_integrity_hash.json"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(entries["05_integrity_hash.json"])
            .Replace(Json(entries, "data_file_sha256"), Sha(entries["data.csv.gz"]), StringComparison.Ordinal)
            .Replace(Json(entries, "dataset_sha256"), forgedHash, StringComparison.Ordinal));
        entries["SHA256SUMS"] = Sums(entries);

        PackageVerification result = await VerifyRepackedAsync(entries);

        VerificationCheck rows = result.Checks.Single(c => !c.Ok);
        Assert.Equal("row_count", rows.Name);
        Assert.Equal("the data has 149 row(s), but 05_integrity_hash.json says 150 and 04_data_summary.json says 150", rows.Detail);
    }

    [Fact]
    public async Task SnapshotThatIsNotTheDatasFirstRows_IsCaught()
    {
        Dictionary<string, byte[]> entries = PackageFiles.Entries(await WriteAsync(150));
        entries["03_data_snapshot.csv"] = Encoding.UTF8.GetBytes(EvidenceSamples.Csv(99));
        entries["SHA256SUMS"] = Sums(entries);

        PackageVerification result = await VerifyRepackedAsync(entries);

        VerificationCheck snapshot = result.Checks.Single(c => !c.Ok);
        Assert.Equal("snapshot", snapshot.Name);
        Assert.Contains("holds 99 complete row(s)", snapshot.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIntegrityDocumentDeclaringTooManyColumns_IsRefused_BeforeAnyIsRead()
    {
        // A hostile 05 declaring 100,000 columns would otherwise size the decoding blocks by it.
        Dictionary<string, byte[]> entries = PackageFiles.Entries(await WriteAsync(10));
        System.Text.Json.Nodes.JsonObject integrity = System.Text.Json.Nodes.JsonNode.Parse(entries["05_integrity_hash.json"])!.AsObject();
        integrity["columns"] = new System.Text.Json.Nodes.JsonArray(Enumerable.Range(0, 100_000)
            .Select(i => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["name"] = $"c{i}", ["type"] = "varchar" }).ToArray());
        entries["05_integrity_hash.json"] = Encoding.UTF8.GetBytes(integrity.ToJsonString());
        entries["SHA256SUMS"] = Sums(entries);

        PackageVerification result = await VerifyRepackedAsync(entries);

        Assert.False(result.Ok);
        Assert.Contains(result.Checks, c => !c.Ok && c.Detail.Contains("declares 100000 columns, more than the 4096 this verifier reads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingAndUnlistedEntries_AreNamed()
    {
        Dictionary<string, byte[]> entries = PackageFiles.Entries(await WriteAsync(5));
        entries.Remove("06_validation_results.json");
        entries["notes.txt"] = Encoding.UTF8.GetBytes("added later");

        PackageVerification result = await VerifyRepackedAsync(entries);

        VerificationCheck complete = result.Checks.Single(c => c.Name == "sha256sums_complete");
        Assert.False(complete.Ok);
        Assert.Equal("listed but not in the zip: 06_validation_results.json; in the zip but not listed: notes.txt", complete.Detail);
        Assert.False(result.Checks.Single(c => c.Name == "sha256 06_validation_results.json").Ok);
    }

    [Fact]
    public async Task RepackedWithOtherZipSettings_FailsTheLayoutCheckOnly()
    {
        string original = await WriteAsync(5);
        string repacked = _temp.Combine("repacked.zip");
        using (System.IO.Compression.ZipArchive source = System.IO.Compression.ZipFile.OpenRead(original))
        using (System.IO.Compression.ZipArchive target = System.IO.Compression.ZipFile.Open(repacked, System.IO.Compression.ZipArchiveMode.Create))
        {
            foreach (System.IO.Compression.ZipArchiveEntry entry in source.Entries.Reverse())
            {
                System.IO.Compression.ZipArchiveEntry copy = target.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.NoCompression);
                await using Stream from = entry.Open();
                await using Stream to = copy.Open();
                await from.CopyToAsync(to);
            }
        }

        PackageVerification result = await PackageVerifier.VerifyAsync(repacked);

        Assert.Equal(["zip_layout"], result.Checks.Where(c => !c.Ok).Select(c => c.Name));
    }

    [Fact]
    public async Task WrittenPackage_HasTheDataFileFirst_ThenTheOthersInNameOrder_AndADirectoryInNameOrder()
    {
        string package = await WriteAsync(5);

        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(package);
        SoxAuto.Core.Evidence.Zip.ZipDirectory directory =
            SoxAuto.Core.Evidence.Zip.ZipDirectoryReader.Read(handle, RandomAccess.GetLength(handle), 64, 1 << 20);

        string[] names =
        [
            "01_executed_query.sql", "02_query_parameters.json", "03_data_snapshot.csv", "04_data_summary.json",
            "05_integrity_hash.json", "06_validation_results.json", "07_execution_log.json", "SHA256SUMS", "data.csv.gz",
        ];
        Assert.Equal(names, directory.Entries.Select(e => e.Name));
        Assert.Equal(0, directory.Entries.Single(e => e.Name == "data.csv.gz").LocalHeaderOffset);
        Assert.Equal(["data.csv.gz", .. names.Where(n => n != "data.csv.gz")],
            directory.Entries.OrderBy(e => e.LocalHeaderOffset).Select(e => e.Name));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task SameEntriesAndSettings_PassTheLayoutCheck_OnlyWithTheDataFileFirst(bool dataFirst, bool expectOk)
    {
        string original = await WriteAsync(5);
        string rebuilt = _temp.Combine(Guid.NewGuid().ToString("N") + ".zip");
        // An independent writer (Python's zipfile) with the package's settings: only the physical order differs.
        const string Script = """
            import sys, zipfile
            source, target, data_first = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
            with zipfile.ZipFile(source) as z:
                entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
            physical = sorted(entries, key=lambda e: (not (data_first and e[0] == "data.csv.gz"), e[0]))
            with open(target, "wb") as f:
                out = zipfile.ZipFile(f, "w")
                for name, data in physical:
                    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                    info.compress_type, info.create_system, info.create_version, info.extract_version = zipfile.ZIP_STORED, 0, 10, 10
                    out.writestr(info, data)
                    info.external_attr = 0  # writestr sets 0600 << 16; the central directory is written at close
                out.filelist.sort(key=lambda i: i.filename)  # the central directory in name order
                out.close()
            """;
        (int exit, string output) = await ExternalProcess.RunAsync("python3", ["-c", Script, original, rebuilt, dataFirst ? "1" : "0"]);
        Assert.True(exit == 0, output);

        PackageVerification result = await PackageVerifier.VerifyAsync(rebuilt);

        Assert.Equal(expectOk ? [] : ["zip_layout"], result.Checks.Where(c => !c.Ok).Select(c => c.Name));
        if (expectOk)
        {
            Assert.Equal(await File.ReadAllBytesAsync(original), await File.ReadAllBytesAsync(rebuilt));
        }
    }

    private async Task<string> WriteAsync(int rows)
    {
        (_, PackageInfo package) = await EvidenceSamples.WritePackageAsync(_temp.Combine("out-" + Guid.NewGuid().ToString("N")), rows == 0 ? EvidenceSamples.Header : EvidenceSamples.Csv(rows));
        return package.Path;
    }

    private Task<PackageVerification> VerifyRepackedAsync(Dictionary<string, byte[]> entries) =>
        PackageVerifier.VerifyAsync(PackageFiles.Repack(entries, _temp.Combine(Guid.NewGuid().ToString("N") + ".zip")));

    private static async Task<string> Cdh1Async(string csv)
    {
        using SoxAuto.Core.Evidence.Hashing.Cdh1Hasher hasher = new();
        using MemoryStream input = new(Encoding.UTF8.GetBytes(csv));
        await SoxAuto.Core.Data.ResultReader.ReadAsync(input, EvidenceSamples.Schema, [hasher], [], CancellationToken.None);
        return hasher.DatasetSha256;
    }

    private static byte[] Sums(Dictionary<string, byte[]> entries) => Encoding.UTF8.GetBytes(string.Concat(entries.Keys
        .Where(n => n != "SHA256SUMS").Order(StringComparer.Ordinal).Select(n => $"{Sha(entries[n])}  {n}\n")));

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Json(Dictionary<string, byte[]> entries, string property) =>
        System.Text.Json.JsonDocument.Parse(entries["05_integrity_hash.json"]).RootElement.GetProperty(property).GetString()!;

    internal static string Describe(PackageVerification result) =>
        string.Join("\n", result.Checks.Select(c => $"{(c.Ok ? "ok" : "FAIL")} {c.Name}: {c.Detail}"));
}
