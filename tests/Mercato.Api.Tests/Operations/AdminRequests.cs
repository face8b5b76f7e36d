using System.Net.Http.Headers;

namespace Mercato.Api.Tests.Operations;

/// <summary>Requests the CRUD tests share: conditional deletes and reading a whole cursor-paged list.</summary>
public static class AdminRequests
{
    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string url, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return client.SendAsync(request);
    }

    /// <summary>Every item of a list, following <c>nextCursor</c> page by page.</summary>
    public static async Task<List<JsonNode>> ListAllAsync(this HttpClient client, string url, int limit = 100)
    {
        var items = new List<JsonNode>();
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        string? cursor = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 1000, $"{url} never ends.");
            var page = await client.GetJsonAsync($"{url}{separator}limit={limit}"
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            items.AddRange(page.Arr("items").Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
            if (cursor is null) return items;
        }
    }
}
