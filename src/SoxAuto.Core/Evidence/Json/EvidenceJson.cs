using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SoxAuto.Core.Evidence.Json;

/// <summary>
/// How every JSON entry of the evidence is written: UTF-8 without BOM, two-space indentation, LF line ends and a final
/// LF, keys in the order the writer emits them (fixed per document, snake_case), non-ASCII text unescaped. Exact
/// numbers (decimals, sums) are strings, never JSON floats; counts are integers; times are UTC ISO 8601.
/// </summary>
internal static class EvidenceJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter json = new(buffer, Options))
        {
            write(json);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>2026-11-22T10:15:00.000Z</c>: UTC, milliseconds, whatever the offset given.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void StringOrNull(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    public static void NumberOrNull(this Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void TimeOrNull(this Utf8JsonWriter json, string name, DateTimeOffset? value) =>
        json.StringOrNull(name, value is { } time ? Time(time) : null);

    public static void StringArray(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    public static string Status(Validation.CheckStatus status) => status.ToString().ToUpperInvariant();

    public static string Status(ItemStatus status) => status.ToString().ToUpperInvariant();
}
