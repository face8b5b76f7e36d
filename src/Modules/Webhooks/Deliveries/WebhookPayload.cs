using System.Globalization;
using System.Text;
using System.Text.Json;
using Mercato.Kernel.Events;

namespace Mercato.Webhooks.Deliveries;

/// <summary>
/// The Standard Webhooks body: <c>{ "type", "timestamp", "data" }</c>, where data is the event (id, type, resource type
/// and id, sequence, occurredAt) with the resource's state as of the change.
/// </summary>
internal static class WebhookPayload
{
    public const string TestEventType = "webhook.test";

    public static string Build(DomainEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", e.Type);
            json.WriteString("timestamp", Timestamp(e.OccurredAt));
            json.WriteStartObject("data");
            json.WriteString("id", e.Id);
            json.WriteString("type", e.Type);
            json.WriteString("resourceType", e.ResourceType);
            json.WriteString("resourceId", e.ResourceId);
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("occurredAt", Timestamp(e.OccurredAt));
            json.WritePropertyName("state");
            e.Data.WriteTo(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>ISO 8601 in UTC with milliseconds, as the API writes timestamps.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
