using System.Security.Cryptography;
using System.Text;

namespace Mercato.Api.Tests.Admin.Events;

public static class EventsTestData
{
    /// <summary>Every event about <paramref name="resourceId"/>, oldest first, read through the feed page by page.</summary>
    public static async Task<List<JsonNode>> EventsOfAsync(this MercatoApp app, string resourceId, string? type = null)
    {
        var events = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var url = $"/admin/events?limit=100&resourceId={Uri.EscapeDataString(resourceId)}"
                + (type is null ? "" : $"&type={type}") + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await app.Admin.GetJsonAsync(url);
            events.AddRange(page.Arr("items").Select(e => e!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return events;
    }

    /// <summary>The types of the events, in order, with their sequences checked to count 1, 2, 3... from the first.</summary>
    public static List<string> TypesInSequence(IReadOnlyList<JsonNode> events)
    {
        for (var i = 0; i < events.Count; i++) Assert.Equal(i + 1, events[i].Long("sequence"));
        return [.. events.Select(e => e.Str("type"))];
    }

    /// <summary>How cart events name a cart (its id is a secret): cref_ + the first 32 hex digits of its SHA-256.</summary>
    public static string CartReference(string cartId) =>
        "cref_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cartId)))[..32];

    public static Task<HttpResponseMessage> SendWithIfMatchAsync(this HttpClient client, HttpMethod method, string url, object? body,
        string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(ifMatch));
        return client.SendAsync(request);
    }
}
