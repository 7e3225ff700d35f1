using System.Text.Json;

namespace SoxAuto.Core.Evidence.Json;

/// <summary>
/// <c>run.json</c>: the run's id, cutoff, catalog hash, tool version, times and AWS context, and per item (sorted by
/// id, so concurrency never reorders it) its status, package file, package SHA-256, rows, dataset hash, check counts
/// and, for ERROR items, why.
/// </summary>
internal static class RunDocument
{
    public const string Format = "soxauto-run/1";

    public static byte[] Create(RunContext run, IReadOnlyList<ItemOutcome> outcomes, DateTimeOffset finishedAt) => EvidenceJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("run_id", run.RunId);
        json.WriteString("cutoff", EvidenceJson.Date(run.Cutoff));
        json.WriteString("catalog_sha256", run.CatalogSha256);
        json.WriteString("tool_version", run.ToolVersion);
        json.WriteString("started_at", EvidenceJson.Time(run.StartedAt));
        json.WriteString("finished_at", EvidenceJson.Time(finishedAt));
        json.StringOrNull("region", run.Region);
        json.StringOrNull("workgroup", run.WorkGroup);
        json.StringOrNull("caller_arn", run.CallerIdentityArn);
        json.WriteString("status", EvidenceJson.Status(Overall(outcomes)));
        json.WriteStartArray("items");
        foreach (ItemOutcome outcome in outcomes.OrderBy(o => o.ItemId, StringComparer.Ordinal))
        {
            WriteItem(json, outcome);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>ERROR if any item is, else FAIL if any item is, else PASS (an empty run is a PASS of nothing).</summary>
    public static ItemStatus Overall(IReadOnlyList<ItemOutcome> outcomes) =>
        outcomes.Any(o => o.Status == ItemStatus.Error) ? ItemStatus.Error
        : outcomes.Any(o => o.Status == ItemStatus.Fail) ? ItemStatus.Fail
        : ItemStatus.Pass;

    private static void WriteItem(Utf8JsonWriter json, ItemOutcome outcome)
    {
        json.WriteStartObject();
        json.WriteString("item_id", outcome.ItemId);
        json.WriteString("status", EvidenceJson.Status(outcome.Status));
        json.StringOrNull("package", outcome.Package?.FileName);
        json.StringOrNull("package_sha256", outcome.Package?.Sha256);
        json.NumberOrNull("rows", outcome.Package?.Rows);
        json.StringOrNull("dataset_sha256", outcome.Package?.DatasetSha256);
        json.WriteStartObject("checks");
        json.WriteNumber("pass", outcome.ChecksPassed);
        json.WriteNumber("fail", outcome.ChecksFailed);
        json.WriteNumber("error", outcome.ChecksErrored);
        json.WriteNumber("skipped", outcome.ChecksSkipped);
        json.WriteEndObject();
        json.StringOrNull("error", outcome.Error);
        json.WriteEndObject();
    }
}
