using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SoxAuto.Core.Evidence;
using SoxAuto.Testing;

namespace SoxAuto.Core.Tests.Evidence;

public sealed class ItemEvidenceWriterTests
{
    [Fact]
    public async Task CompleteAsync_WritesExactlyTheNineEntries_InNameOrder()
    {
        using TempDirectory temp = new();
        (RunEvidenceWriter run, PackageInfo package) = await EvidenceSamples.WritePackageAsync(temp.Path, EvidenceSamples.Csv(150));

        Assert.Equal("IPE_07.zip", package.FileName);
        Assert.Equal(Path.Combine(run.RunFolder, "IPE_07.zip"), package.Path);
        Assert.Equal(["IPE_07.zip"], Directory.GetFiles(run.RunFolder).Select(Path.GetFileName));
        Assert.Equal(
            ["01_executed_query.sql", "02_query_parameters.json", "03_data_snapshot.csv", "04_data_summary.json", "05_integrity_hash.json",
             "06_validation_results.json", "07_execution_log.json", "SHA256SUMS", "data.csv.gz"],
            PackageFiles.Entries(package.Path).Keys);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(package.Path))), package.Sha256);
        Assert.Equal(150, package.Rows);
    }

    [Fact]
    public async Task DataFile_IsTheCompleteResult_ByteForByte_AndSnapshotIsHeaderPlusFirst100Rows()
    {
        using TempDirectory temp = new();
        string csv = EvidenceSamples.Csv(250);
        (_, PackageInfo package) = await EvidenceSamples.WritePackageAsync(temp.Path, csv);
        Dictionary<string, byte[]> entries = PackageFiles.Entries(package.Path);

        Assert.Equal(csv, Encoding.UTF8.GetString(PackageFiles.Gunzip(entries["data.csv.gz"])));
        string snapshot = Encoding.UTF8.GetString(entries["03_data_snapshot.csv"]);
        Assert.StartsWith(EvidenceSamples.Header, snapshot, StringComparison.Ordinal);
        Assert.StartsWith(snapshot, csv, StringComparison.Ordinal);
        // Rows 100 and 101 of the sample: the snapshot ends exactly after row 100 (line breaks inside notes notwithstanding).
        Assert.EndsWith("\"JE-00050\",\"1\",\"400002\",\"-1000.05\",\"2025-09-11\",\"\"\n", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("\"JE-00050\",\"2\"", snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_OfAShortResult_IsTheWholeData_AndOfAnEmptyResult_IsTheHeader()
    {
        using TempDirectory temp = new();
        (_, PackageInfo three) = await EvidenceSamples.WritePackageAsync(temp.Combine("a"), EvidenceSamples.Csv(3));
        (_, PackageInfo none) = await EvidenceSamples.WritePackageAsync(temp.Combine("b"), EvidenceSamples.Header);

        Assert.Equal(EvidenceSamples.Csv(3), Encoding.UTF8.GetString(PackageFiles.Entries(three.Path)["03_data_snapshot.csv"]));
        Assert.Equal(EvidenceSamples.Header, Encoding.UTF8.GetString(PackageFiles.Entries(none.Path)["03_data_snapshot.csv"]));
        Assert.Equal(0, none.Rows);
    }

    [Fact]
    public async Task QueryAndParameters_AreWhatWasSent()
    {
        using TempDirectory temp = new();
        (_, PackageInfo package) = await EvidenceSamples.WritePackageAsync(temp.Path, EvidenceSamples.Csv(2));
        Dictionary<string, byte[]> entries = PackageFiles.Entries(package.Path);

        Assert.Equal(Encoding.UTF8.GetBytes(EvidenceSamples.QueryString), entries["01_executed_query.sql"]);
        Assert.Equal(
            """
            {
              "parameters": [
                {
                  "name": "cutoff_date",
                  "type": "date",
                  "value": "2025-09-30",
                  "origin": "run value cutoff_date",
                  "sql_literals": [
                    "DATE '2025-09-30'"
                  ]
                },
                {
                  "name": "companies",
                  "type": "array(varchar)",
                  "value": [
                    "1000",
                    "2000"
                  ],
                  "origin": "catalog",
                  "sql_literals": [
                    "'1000'",
                    "'2000'"
                  ]
                }
              ],
              "execution_parameters": [
                "DATE '2025-09-30'",
                "'1000'",
                "'2000'"
              ]
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal), Encoding.UTF8.GetString(entries["02_query_parameters.json"]));
    }

    [Fact]
    public async Task IntegrityDocument_HasTheContractShape_AndHashesMatchTheEntries()
    {
        using TempDirectory temp = new();
        (_, PackageInfo package) = await EvidenceSamples.WritePackageAsync(temp.Path, EvidenceSamples.Csv(12));
        Dictionary<string, byte[]> entries = PackageFiles.Entries(package.Path);
        JsonElement integrity = JsonDocument.Parse(entries["05_integrity_hash.json"]).RootElement;

        Assert.Equal(["algorithm", "dataset_sha256", "rows", "columns", "data_file", "data_file_sha256"], integrity.EnumerateObject().Select(p => p.Name));
        Assert.Equal("CDH-1", integrity.GetProperty("algorithm").GetString());
        Assert.Equal(package.DatasetSha256, integrity.GetProperty("dataset_sha256").GetString());
        Assert.Equal(12, integrity.GetProperty("rows").GetInt64());
        Assert.Equal(["journal_id:varchar", "line_no:integer", "account:varchar", "amount:decimal(38,2)", "posted:date", "note:varchar"],
            integrity.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString() + ":" + c.GetProperty("type").GetString()));
        Assert.Equal("data.csv.gz", integrity.GetProperty("data_file").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(entries["data.csv.gz"])), integrity.GetProperty("data_file_sha256").GetString());
        Assert.False(entries["05_integrity_hash.json"].AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.DoesNotContain((byte)'\r', entries["05_integrity_hash.json"]);
    }

    [Fact]
    public async Task Checksums_ListEveryOtherEntry_SortedByName_InGnuFormat()
    {
        using TempDirectory temp = new();
        (_, PackageInfo package) = await EvidenceSamples.WritePackageAsync(temp.Path, EvidenceSamples.Csv(5));
        Dictionary<string, byte[]> entries = PackageFiles.Entries(package.Path);

        string expected = string.Concat(entries.Keys.Where(n => n != "SHA256SUMS").Order(StringComparer.Ordinal)
            .Select(n => $"{Convert.ToHexStringLower(SHA256.HashData(entries[n]))}  {n}\n"));
        Assert.Equal(expected, Encoding.UTF8.GetString(entries["SHA256SUMS"]));
    }

    [Fact]
    public async Task Summary_HasExactStatisticsPerColumn()
    {
        using TempDirectory temp = new();
        const string csv = EvidenceSamples.Header +
            "\"JE-1\",\"1\",\"400000\",\"99999999999999999999999999999999999.99\",\"2025-09-30\",\"b\"\n" +
            "\"JE-1\",\"2\",\"400001\",\"99999999999999999999999999999999999.99\",\"2025-01-01\",\n" +
            "\"JE-2\",\"-7\",\"400000\",\"-0.01\",,\"\"\n";
        (_, PackageInfo package) = await EvidenceSamples.WritePackageAsync(temp.Path, csv);
        JsonElement summary = JsonDocument.Parse(PackageFiles.Entries(package.Path)["04_data_summary.json"]).RootElement;
        JsonElement[] columns = [.. summary.GetProperty("columns").EnumerateArray()];

        Assert.Equal(3, summary.GetProperty("rows").GetInt64());
        Assert.Equal(10_000, summary.GetProperty("distinct_count_limit").GetInt32());
        JsonElement amount = columns[3];
        Assert.Equal("decimal(38,2)", amount.GetProperty("type").GetString());
        Assert.Equal("-0.01", amount.GetProperty("min").GetString());
        Assert.Equal("99999999999999999999999999999999999.99", amount.GetProperty("max").GetString());
        Assert.Equal("199999999999999999999999999999999999.97", amount.GetProperty("sum").GetString()); // beyond 38 digits: exact, never wrapped
        Assert.Equal(2, amount.GetProperty("distinct_count").GetInt32());
        Assert.Equal("-7", columns[1].GetProperty("min").GetString());
        Assert.Equal("-4", columns[1].GetProperty("sum").GetString());
        JsonElement posted = columns[4];
        Assert.Equal(1, posted.GetProperty("null_count").GetInt64());
        Assert.Equal(2, posted.GetProperty("non_null_count").GetInt64());
        Assert.Equal("2025-01-01", posted.GetProperty("min").GetString());
        Assert.Equal("2025-09-30", posted.GetProperty("max").GetString());
        Assert.False(posted.TryGetProperty("sum", out _));
        JsonElement note = columns[5];
        Assert.Equal(1, note.GetProperty("null_count").GetInt64());
        Assert.Equal(string.Empty, note.GetProperty("min").GetString());
        Assert.Equal("b", note.GetProperty("max").GetString());
        Assert.False(note.GetProperty("distinct_count_capped").GetBoolean());
    }

    [Fact]
    public async Task ValidationResults_RecordEveryCheckAndTheOverallStatus()
    {
        using TempDirectory temp = new();
        (_, PackageInfo package) = await EvidenceSamples.WritePackageAsync(temp.Path, EvidenceSamples.Csv(2));
        JsonElement results = JsonDocument.Parse(PackageFiles.Entries(package.Path)["06_validation_results.json"]).RootElement;
        JsonElement[] checks = [.. results.GetProperty("checks").EnumerateArray()];

        Assert.Equal("FAIL", results.GetProperty("overall_status").GetString());
        Assert.Equal(1, results.GetProperty("counts").GetProperty("pass").GetInt32());
        Assert.Equal(1, results.GetProperty("counts").GetProperty("fail").GetInt32());
        Assert.Equal(["rows_vs_source", "amount_range"], checks.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("PASS", checks[0].GetProperty("status").GetString());
        Assert.Equal("10", checks[0].GetProperty("expected").GetString());
        Assert.Equal("0", checks[0].GetProperty("tolerance").GetString());
        Assert.Equal("66666666-7777-8888-9999-000000000000", checks[0].GetProperty("execution_id").GetString());
        Assert.StartsWith("SELECT count(*)", checks[0].GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, checks[1].GetProperty("failing_rows").GetInt64());
        JsonElement sample = checks[1].GetProperty("samples")[0];
        Assert.Equal(["journal_id", "amount", "note"], sample.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, sample.GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task ExecutionLog_RecordsProvenance()
    {
        using TempDirectory temp = new();
        (_, PackageInfo package) = await EvidenceSamples.WritePackageAsync(temp.Path, EvidenceSamples.Csv(2));
        JsonElement log = JsonDocument.Parse(PackageFiles.Entries(package.Path)["07_execution_log.json"]).RootElement;

        Assert.Equal("0.1.0+test", log.GetProperty("tool").GetProperty("version").GetString());
        Assert.Equal(EvidenceSamples.RunId, log.GetProperty("run_id").GetString());
        Assert.Equal("2025-09-30", log.GetProperty("cutoff").GetString());
        Assert.Equal("IPE_07", log.GetProperty("item_id").GetString());
        Assert.Equal("IPE_07.yaml", log.GetProperty("catalog").GetProperty("file").GetString());
        Assert.Equal(new string('a', 64), log.GetProperty("catalog").GetProperty("file_sha256").GetString());
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/Auditor/jane", log.GetProperty("caller_arn").GetString());
        Assert.Equal("eu-west-1", log.GetProperty("region").GetString());
        Assert.Equal("sox", log.GetProperty("workgroup").GetString());
        Assert.Equal("2026-11-22T10:15:01.000Z", log.GetProperty("started_at").GetString());
        Assert.Equal("s3://results/sox/11111111-2222-3333-4444-555555555555.csv", log.GetProperty("result").GetProperty("uri").GetString());
        Assert.Equal("\"etag-1\"", log.GetProperty("result").GetProperty("etag").GetString());
        Assert.Equal("s3", log.GetProperty("result").GetProperty("read_via").GetString());
        JsonElement main = log.GetProperty("executions")[0];
        Assert.Equal("Athena engine version 3", main.GetProperty("engine_version").GetString());
        Assert.Equal(123456, main.GetProperty("data_scanned_bytes").GetInt64());
        Assert.Equal(12, main.GetProperty("queue_time_ms").GetInt64());
        Assert.Equal(1, main.GetProperty("retries").GetInt32());
        Assert.Equal(2, log.GetProperty("executions").GetArrayLength());
        Assert.Equal("the workgroup overrides the output location", log.GetProperty("warnings")[0].GetString());
        Assert.Equal(["region", "workgroup"], log.GetProperty("setting_origins").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, log.GetProperty("data_file").GetProperty("deflate_level").GetInt32());
    }

    [Fact]
    public async Task SameEntries_GiveTheSameZipBytes()
    {
        using TempDirectory temp = new();
        string csv = EvidenceSamples.Csv(500);

        (_, PackageInfo first) = await EvidenceSamples.WritePackageAsync(temp.Combine("one"), csv);
        (_, PackageInfo second) = await EvidenceSamples.WritePackageAsync(temp.Combine("two"), csv);

        Assert.NotEqual(first.Path, second.Path);
        Assert.Equal(File.ReadAllBytes(first.Path), File.ReadAllBytes(second.Path));
        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public async Task DifferentData_GivesDifferentDatasetHashes()
    {
        using TempDirectory temp = new();
        (_, PackageInfo first) = await EvidenceSamples.WritePackageAsync(temp.Combine("one"), EvidenceSamples.Csv(20));
        (_, PackageInfo second) = await EvidenceSamples.WritePackageAsync(temp.Combine("two"), EvidenceSamples.Csv(20).Replace("\"plain\"", "\"plain \"", StringComparison.Ordinal));

        Assert.NotEqual(first.DatasetSha256, second.DatasetSha256);
    }
}
