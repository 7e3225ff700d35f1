using System.Text;
using SoxAuto.Core.Catalog;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence;
using SoxAuto.Core.Execution;
using SoxAuto.Core.Sql;
using SoxAuto.Core.Validation;

namespace SoxAuto.Core.Tests.Evidence;

/// <summary>A small GL item, its run context (fixed clock and id) and evidence, and a way to write its package from Athena-CSV text.</summary>
internal static class EvidenceSamples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 15, 0, TimeSpan.Zero);
    public static readonly DateOnly Cutoff = new(2025, 9, 30);
    public const string RunId = "2025-09-30_20261122T101500Z_3f9a1c2e";
    public const string QueryString = "SELECT journal_id, line_no, account, amount, posted, note\nFROM gl.journal_lines\nWHERE posted <= ?\n  AND company IN (?, ?)\nORDER BY journal_id, line_no";

    public static ResultSchema Schema { get; } = new([
        new ColumnSchema("journal_id", AthenaType.Parse("varchar")),
        new ColumnSchema("line_no", AthenaType.Parse("integer")),
        new ColumnSchema("account", AthenaType.Parse("varchar")),
        new ColumnSchema("amount", AthenaType.Parse("decimal(38,2)")),
        new ColumnSchema("posted", AthenaType.Parse("date")),
        new ColumnSchema("note", AthenaType.Parse("varchar")),
    ]);

    public const string Header = "\"journal_id\",\"line_no\",\"account\",\"amount\",\"posted\",\"note\"\n";

    /// <summary>Header plus <paramref name="rows"/> rows; notes exercise NULL, "", quotes, commas, line breaks and non-ASCII.</summary>
    public static string Csv(int rows)
    {
        StringBuilder csv = new(Header);
        string[] notes = ["", "say \"hi\", ok", "two\nlines", "Zoë – 東京", "plain"];
        for (int i = 1; i <= rows; i++)
        {
            string note = i % 6 == 0 ? string.Empty : "\"" + notes[i % notes.Length].Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            string amount = ((i % 2 == 0 ? -1 : 1) * (i * 1000 + 5) / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"\"JE-{i / 2:D5}\",\"{i % 2 + 1}\",\"{400000 + (i % 7)}\",\"{amount}\",\"2025-09-{1 + (i % 30):D2}\",{note}\n");
        }

        return csv.ToString();
    }

    public static CatalogItem Item(string id = "IPE_07") => new()
    {
        Id = id,
        Title = "Journal lines up to the cutoff",
        Control = "C-PG-1",
        Description = "GL journal lines.",
        SourceSystem = "GL",
        Databases = ["gl"],
        Parameters = [],
        Query = new QueryText("SELECT ...", SourceLocation.InFile(id + ".yaml")),
        Columns = [.. Schema.Columns.Select(c => new ColumnDefinition(c.Name, c.Type, c.Name == "journal_id", false, true, null, SourceLocation.InFile(id + ".yaml")))],
        Checks = [],
        FileName = id + ".yaml",
        FileSha256 = new string('a', 64),
    };

    public static RunContext Context(string runId = RunId) => new()
    {
        RunId = runId,
        Cutoff = Cutoff,
        StartedAt = Start,
        ToolVersion = "0.1.0+test",
        CatalogSha256 = new string('c', 64),
        Region = "eu-west-1",
        WorkGroup = "sox",
        CallerIdentityArn = "arn:aws:sts::123456789012:assumed-role/Auditor/jane",
        SettingOrigins = new Dictionary<string, string> { ["workgroup"] = "flag", ["region"] = "settings.yaml" },
    };

    public static ItemEvidence Evidence(CatalogItem item) => new()
    {
        Item = item,
        Query = new RenderedQuery(QueryString, ["DATE '2025-09-30'", "'1000'", "'2000'"],
        [
            new BoundParameter("cutoff_date", new DateParameterValue(Cutoff), "run value cutoff_date"),
            new BoundParameter("companies", new VarcharArrayParameterValue(["1000", "2000"]), "catalog"),
        ]),
        Executions =
        [
            new QueryExecutionInfo
            {
                Purpose = "main", ExecutionId = "11111111-2222-3333-4444-555555555555", State = "SUCCEEDED", WorkGroup = "sox",
                EngineVersion = "Athena engine version 3", DataScannedBytes = 123456, QueueTimeMillis = 12, EngineTimeMillis = 3400,
                TotalTimeMillis = 3500, SubmittedAt = Start.AddSeconds(1), CompletedAt = Start.AddSeconds(5),
                OutputLocation = "s3://results/sox/11111111-2222-3333-4444-555555555555.csv", Retries = 1,
            },
            new QueryExecutionInfo { Purpose = "check rows_vs_source", ExecutionId = "66666666-7777-8888-9999-000000000000", State = "SUCCEEDED" },
        ],
        Result = new ResultLocation("s3://results/sox/11111111-2222-3333-4444-555555555555.csv", 2048, "\"etag-1\"", ResultLocation.ViaStorage),
        Checks =
        [
            new CheckResult
            {
                Id = "rows_vs_source", Kind = "row_count", Status = CheckStatus.Pass, Expected = "10", Actual = "10", Tolerance = "0",
                Query = "SELECT count(*) FROM gl.journal_lines WHERE posted <= ?", QueryParameters = ["DATE '2025-09-30'"],
                ExecutionId = "66666666-7777-8888-9999-000000000000", Message = "10 rows extracted, 10 in the source",
            },
            new CheckResult
            {
                Id = "amount_range", Kind = "range", Status = CheckStatus.Fail, Expected = "amount >= 0", Actual = "5 rows below",
                Message = "5 rows have a negative amount", FailingRows = 5,
                Samples = [new Dictionary<string, string?> { ["journal_id"] = "JE-00001", ["amount"] = "-20.05", ["note"] = null }],
            },
        ],
        Status = ItemStatus.Fail,
        StartedAt = Start.AddSeconds(1),
        FinishedAt = Start.AddSeconds(9),
        Warnings = ["the workgroup overrides the output location"],
    };

    /// <summary>Writes one package into <paramref name="outDirectory"/> from <paramref name="csv"/> (read once, as extract does).</summary>
    public static async Task<(RunEvidenceWriter Run, PackageInfo Package)> WritePackageAsync(string outDirectory, string csv,
        RunContext? context = null, CancellationToken cancellationToken = default)
    {
        RunEvidenceWriter run = RunEvidenceWriter.Create(outDirectory, context ?? Context());
        CatalogItem item = Item();
        await using IItemEvidenceWriter writer = run.BeginItem(item, Schema);
        await ReadAsync(writer, csv, cancellationToken);
        PackageInfo package = await writer.CompleteAsync(Evidence(item), cancellationToken);
        return (run, package);
    }

    public static async Task ReadAsync(IItemEvidenceWriter writer, string csv, CancellationToken cancellationToken = default)
    {
        using MemoryStream input = new(Encoding.UTF8.GetBytes(csv));
        await ResultReader.ReadAsync(input, Schema, [writer.RowConsumer], [writer.RawConsumer], cancellationToken, bufferSize: 4096);
    }
}
