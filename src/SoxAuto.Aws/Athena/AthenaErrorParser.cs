using System.Net;
using System.Text.Json;

namespace SoxAuto.Aws.Athena;

/// <summary>
/// Turns an error response into a typed exception, like botocore: the code is the body's <c>__type</c> (cut after
/// <c>:</c> and after the last <c>#</c>), else the HTTP status; the message is <c>Message</c> or <c>message</c>.
/// Bodies that are not JSON (a proxy's or moto's HTML 500) are tolerated and not echoed.
/// </summary>
internal static class AthenaErrorParser
{
    public static AthenaException Parse(HttpStatusCode status, string body, string? requestId)
    {
        string? type = null;
        string? message = null;
        string? athenaErrorCode = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                type = ReadString(document.RootElement, "__type");
                message = ReadString(document.RootElement, "Message") ?? ReadString(document.RootElement, "message");
                athenaErrorCode = ReadString(document.RootElement, "AthenaErrorCode");
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall back on the status code below.
        }

        int statusCode = (int)status;
        string code = Normalise(type) ?? $"HTTP{statusCode}";
        message ??= $"Athena answered HTTP {statusCode} {status}";
        return code switch
        {
            "InvalidRequestException" => new InvalidRequestException(message, athenaErrorCode, statusCode, requestId),
            "TooManyRequestsException" => new TooManyRequestsException(message, statusCode, requestId),
            "ThrottlingException" or "Throttling" or "RequestLimitExceeded" => new ThrottlingException(code, message, statusCode, requestId),
            "InternalServerException" => new InternalServerException(code, message, statusCode, requestId),
            _ when statusCode == 429 => new ThrottlingException(code, message, statusCode, requestId),
            _ when statusCode >= 500 => new InternalServerException(code, message, statusCode, requestId),
            _ => new AthenaException(code, message, statusCode, requestId),
        };
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Normalise(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        int colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            type = type[..colon];
        }

        int hash = type.LastIndexOf('#');
        return hash >= 0 ? type[(hash + 1)..] : type;
    }
}
