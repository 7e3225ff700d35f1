using System.Text.Json;
using System.Text.Json.Serialization;

namespace SoxAuto.Aws.Athena;

/// <summary>
/// JSON as Athena's JSON-1.1 protocol speaks it: PascalCase members exactly as the model names them, absent rather than
/// null in requests, unknown members ignored in responses.
/// </summary>
internal static class AthenaJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsConverter() },
    };
}
