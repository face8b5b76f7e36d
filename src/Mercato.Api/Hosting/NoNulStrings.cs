using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mercato.Api.Hosting;

/// <summary>
/// Rejects the NUL character in request strings (a 400 like any malformed JSON): PostgreSQL cannot store it, and SQLite
/// would, so both databases now answer alike.
/// </summary>
internal sealed class NoNulStrings : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // Dictionary keys (variant option names, attribute keys) are strings too.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string Checked(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) throw new JsonException("Expected a string.");
        var value = reader.GetString()!;
        return value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException("Text may not contain the NUL character.") : value;
    }
}
