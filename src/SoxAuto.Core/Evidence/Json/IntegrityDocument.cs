using System.Text.Json;
using SoxAuto.Core.Data;
using SoxAuto.Core.Evidence.Hashing;

namespace SoxAuto.Core.Evidence.Json;

/// <summary>
/// <c>05_integrity_hash.json</c>, exactly the shape the contract gives:
/// <c>{"algorithm":"CDH-1","dataset_sha256","rows","columns":[{"name","type"}],"data_file":"data.csv.gz","data_file_sha256"}</c>.
/// Written by the package writer and read back, strictly, by the verifier.
/// </summary>
internal sealed record IntegrityDocument(string Algorithm, string DatasetSha256, long Rows, IReadOnlyList<(string Name, string Type)> Columns,
    string DataFile, string DataFileSha256)
{
    public static IntegrityDocument For(ResultSchema schema, string datasetSha256, long rows, string dataFileSha256) =>
        new(PackageEntries.Cdh1Algorithm, datasetSha256, rows, schema.Columns.Select(c => (c.Name, c.Type.Text)).ToArray(),
            PackageEntries.DataFile, dataFileSha256);

    public byte[] ToJson() => EvidenceJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("algorithm", Algorithm);
        json.WriteString("dataset_sha256", DatasetSha256);
        json.WriteNumber("rows", Rows);
        json.WriteStartArray("columns");
        foreach ((string name, string type) in Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("type", type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("data_file", DataFile);
        json.WriteString("data_file_sha256", DataFileSha256);
        json.WriteEndObject();
    });

    /// <summary>Reads the document, requiring every field with its type; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out IntegrityDocument? document, out string? error)
    {
        document = null;
        try
        {
            Utf8JsonReader reader = new(utf8);
            using JsonDocument parsed = JsonDocument.ParseValue(ref reader);
            JsonElement root = parsed.RootElement;
            string algorithm = RequiredString(root, "algorithm");
            string datasetSha256 = RequiredString(root, "dataset_sha256");
            string dataFile = RequiredString(root, "data_file");
            string dataFileSha256 = RequiredString(root, "data_file_sha256");
            if (!root.TryGetProperty("rows", out JsonElement rowsElement) || !rowsElement.TryGetInt64(out long rows) || rows < 0)
            {
                throw new FormatException("\"rows\" is not a non-negative integer");
            }

            if (!root.TryGetProperty("columns", out JsonElement columnsElement) || columnsElement.ValueKind != JsonValueKind.Array ||
                columnsElement.GetArrayLength() == 0)
            {
                throw new FormatException("\"columns\" is not a non-empty array");
            }

            List<(string, string)> columns = [];
            foreach (JsonElement column in columnsElement.EnumerateArray())
            {
                columns.Add((RequiredString(column, "name"), RequiredString(column, "type")));
            }

            if (!Sha256Hex.IsValid(datasetSha256) || !Sha256Hex.IsValid(dataFileSha256))
            {
                throw new FormatException("a SHA-256 is not 64 lowercase hex digits");
            }

            document = new IntegrityDocument(algorithm, datasetSha256, rows, columns, dataFile, dataFileSha256);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            error = ex.Message;
            return false;
        }
    }

    private static string RequiredString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"\"{name}\" is missing or not a string");
}
