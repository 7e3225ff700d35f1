using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SoxAuto.Aws.Sso;

/// <summary>
/// The JSON of a token cache file as the AWS CLI v2 writes it (botocore <c>SSOTokenFetcher</c>): <c>startUrl</c>,
/// <c>region</c>, <c>accessToken</c>, <c>expiresAt</c>, <c>clientId</c>, <c>clientSecret</c>,
/// <c>registrationExpiresAt</c> and, when issued, <c>refreshToken</c>; times as <c>YYYY-MM-DDTHH:MM:SSZ</c> (UTC).
/// Reading also accepts the fractional-second times AWSSDK.Core writes, so either tool's file works.
/// </summary>
internal static class SsoTokenFile
{
    private const string TimeFormat = "yyyy-MM-ddTHH:mm:ssZ";

    public static string Format(CachedSsoToken token)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("startUrl", token.StartUrl);
            writer.WriteString("region", token.Region);
            writer.WriteString("accessToken", token.AccessToken);
            writer.WriteString("expiresAt", FormatTime(token.ExpiresAt));
            WriteIfPresent(writer, "clientId", token.ClientId);
            WriteIfPresent(writer, "clientSecret", token.ClientSecret);
            WriteIfPresent(writer, "registrationExpiresAt", token.RegistrationExpiresAt is { } registration ? FormatTime(registration) : null);
            WriteIfPresent(writer, "refreshToken", token.RefreshToken);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The token, or null when the file is not a usable token (the CLI requires accessToken and expiresAt too).</summary>
    public static CachedSsoToken? Parse(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? accessToken = Text(root, "accessToken");
            DateTimeOffset? expiresAt = Time(root, "expiresAt");
            if (accessToken is null || expiresAt is null)
            {
                return null;
            }

            return new CachedSsoToken
            {
                StartUrl = Text(root, "startUrl") ?? string.Empty,
                Region = Text(root, "region") ?? string.Empty,
                AccessToken = accessToken,
                ExpiresAt = expiresAt.Value,
                ClientId = Text(root, "clientId"),
                ClientSecret = Text(root, "clientSecret"),
                RegistrationExpiresAt = Time(root, "registrationExpiresAt"),
                RefreshToken = Text(root, "refreshToken"),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        Text(root, name) is { } text &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time)
            ? time
            : null;
}
