using System.Runtime.InteropServices;
using System.Text.Json;
using SoxAuto.Core.Evidence.Packaging;
using SoxAuto.Core.Execution;

namespace SoxAuto.Core.Evidence.Json;

/// <summary>
/// <c>07_execution_log.json</c>, the provenance of one package: tool and runtime, run, catalog file and its SHA-256,
/// caller, region, workgroup, times, where the result was read from, every Athena execution for the item, warnings,
/// and where each setting came from. The runtime is recorded because the deflate bytes of data.csv.gz depend on it.
/// </summary>
internal static class ExecutionLogDocument
{
    public const string Format = "soxauto-evidence/1";

    public static byte[] Create(RunContext run, ItemEvidence evidence) => EvidenceJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteStartObject("tool");
        json.WriteString("name", "soxauto");
        json.WriteString("version", run.ToolVersion);
        json.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        json.WriteString("platform", RuntimeInformation.RuntimeIdentifier);
        json.WriteEndObject();
        json.WriteString("run_id", run.RunId);
        json.WriteString("cutoff", EvidenceJson.Date(run.Cutoff));
        json.WriteString("item_id", evidence.Item.Id);
        json.WriteString("item_title", evidence.Item.Title);
        json.WriteString("control", evidence.Item.Control);
        json.WriteStartObject("catalog");
        json.WriteString("file", evidence.Item.FileName);
        json.WriteString("file_sha256", evidence.Item.FileSha256);
        json.WriteString("catalog_sha256", run.CatalogSha256);
        json.WriteEndObject();
        json.StringOrNull("caller_arn", run.CallerIdentityArn);
        json.StringOrNull("region", run.Region);
        json.StringOrNull("workgroup", run.WorkGroup);
        json.WriteString("run_started_at", EvidenceJson.Time(run.StartedAt));
        json.WriteString("started_at", EvidenceJson.Time(evidence.StartedAt));
        json.WriteString("finished_at", EvidenceJson.Time(evidence.FinishedAt));
        json.WriteString("status", EvidenceJson.Status(evidence.Status));
        WriteResult(json, evidence.Result);
        json.WriteStartObject("data_file");
        json.WriteString("name", PackageEntries.DataFile);
        json.WriteString("compression", "gzip");
        json.WriteNumber("deflate_level", ParallelGzipWriter.Level);
        json.WriteNumber("member_bytes", ParallelGzipWriter.BlockSize);
        json.WriteEndObject();
        json.WriteStartArray("executions");
        foreach (QueryExecutionInfo execution in evidence.Executions)
        {
            WriteExecution(json, execution);
        }

        json.WriteEndArray();
        json.StringArray("warnings", evidence.Warnings);
        json.WriteStartObject("setting_origins");
        foreach ((string setting, string origin) in run.SettingOrigins.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(setting, origin);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WriteResult(Utf8JsonWriter json, ResultLocation result)
    {
        json.WriteStartObject("result");
        json.WriteString("uri", result.Uri);
        json.NumberOrNull("size", result.Size);
        json.StringOrNull("etag", result.ETag);
        json.WriteString("read_via", result.ReadVia);
        json.WriteEndObject();
    }

    private static void WriteExecution(Utf8JsonWriter json, QueryExecutionInfo execution)
    {
        json.WriteStartObject();
        json.WriteString("purpose", execution.Purpose);
        json.WriteString("execution_id", execution.ExecutionId);
        json.WriteString("state", execution.State);
        json.StringOrNull("state_change_reason", execution.StateChangeReason);
        json.StringOrNull("workgroup", execution.WorkGroup);
        json.StringOrNull("engine_version", execution.EngineVersion);
        json.StringOrNull("statement_type", execution.StatementType);
        json.NumberOrNull("data_scanned_bytes", execution.DataScannedBytes);
        json.NumberOrNull("queue_time_ms", execution.QueueTimeMillis);
        json.NumberOrNull("engine_time_ms", execution.EngineTimeMillis);
        json.NumberOrNull("total_time_ms", execution.TotalTimeMillis);
        json.TimeOrNull("submitted_at", execution.SubmittedAt);
        json.TimeOrNull("completed_at", execution.CompletedAt);
        json.StringOrNull("output_location", execution.OutputLocation);
        json.WriteBoolean("result_readable_from_storage", execution.ResultReadableFromStorage);
        json.WriteBoolean("reused_previous_result", execution.ReusedPreviousResult);
        json.WriteNumber("retries", execution.Retries);
        json.StringArray("superseded_execution_ids", execution.SupersededExecutionIds);
        json.WriteEndObject();
    }
}
