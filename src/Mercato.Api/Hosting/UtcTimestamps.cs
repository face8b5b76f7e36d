using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mercato.Api.Hosting;

/// <summary>Writes timestamps in UTC with a "Z" (2026-11-25T16:00:00Z), as the API promises, rather than "+00:00".</summary>
internal sealed class UtcTimestamps : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
