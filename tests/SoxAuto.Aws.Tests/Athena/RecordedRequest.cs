using System.Text.Json;

namespace SoxAuto.Aws.Tests.Athena;

internal sealed record RecordedRequest(string Operation, JsonElement Body, string Method, Uri Uri, string? ContentType, string? Authorization)
{
    public string? String(string property) => Body.TryGetProperty(property, out JsonElement value) ? value.GetString() : null;
}
