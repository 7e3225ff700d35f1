using System.Text.Json;
using SoxAuto.Core.Validation;

namespace SoxAuto.Core.Evidence.Json;

/// <summary>
/// <c>06_validation_results.json</c>: the item's overall status, counts by status, and every check with what was
/// expected and found, the tolerance, the source query and its execution id (when one produced the expected value),
/// the message, details and capped failing-row samples.
/// </summary>
internal static class ValidationDocument
{
    public static byte[] Create(string itemId, ItemStatus overall, IReadOnlyList<CheckResult> checks) => EvidenceJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("item_id", itemId);
        json.WriteString("overall_status", EvidenceJson.Status(overall));
        json.WriteStartObject("counts");
        foreach (CheckStatus status in Enum.GetValues<CheckStatus>())
        {
            json.WriteNumber(EvidenceJson.Status(status).ToLowerInvariant(), checks.Count(c => c.Status == status));
        }

        json.WriteEndObject();
        json.WriteStartArray("checks");
        foreach (CheckResult check in checks)
        {
            WriteCheck(json, check);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteCheck(Utf8JsonWriter json, CheckResult check)
    {
        json.WriteStartObject();
        json.WriteString("id", check.Id);
        json.WriteString("kind", check.Kind);
        json.WriteString("status", EvidenceJson.Status(check.Status));
        json.StringOrNull("description", check.Description);
        json.StringOrNull("expected", check.Expected);
        json.StringOrNull("actual", check.Actual);
        json.StringOrNull("tolerance", check.Tolerance);
        json.StringOrNull("query", check.Query);
        if (check.QueryParameters is { } parameters)
        {
            json.StringArray("query_parameters", parameters);
        }
        else
        {
            json.WriteNull("query_parameters");
        }

        json.StringOrNull("execution_id", check.ExecutionId);
        json.WriteString("message", check.Message);
        json.NumberOrNull("failing_rows", check.FailingRows);
        WriteRecords(json, "details", check.Details);
        WriteRecords(json, "samples", check.Samples);
        json.WriteEndObject();
    }

    // Keys in the order the check gave them (a sample's columns in result order).
    private static void WriteRecords(Utf8JsonWriter json, string name, IReadOnlyList<IReadOnlyDictionary<string, string?>> records)
    {
        json.WriteStartArray(name);
        foreach (IReadOnlyDictionary<string, string?> record in records)
        {
            json.WriteStartObject();
            foreach ((string key, string? value) in record)
            {
                json.StringOrNull(key, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
