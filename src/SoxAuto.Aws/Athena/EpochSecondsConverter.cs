using System.Text.Json;
using System.Text.Json.Serialization;

namespace SoxAuto.Aws.Athena;

/// <summary>Athena's timestamps are epoch seconds as a JSON number with a fraction (<c>1565649050.175</c>).</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => DateTimeOffset.FromUnixTimeMilliseconds(checked((long)Math.Round(reader.GetDouble() * 1000))),
            _ => throw new JsonException("expected a timestamp in epoch seconds"),
        };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteNumberValue(value.Value.ToUnixTimeMilliseconds() / 1000.0);
        }
    }
}
