using System.Net.Http.Headers;

namespace Mercato.Api.Tests.Admin;

/// <summary>Requests and data the Admin catalog tests share: If-Match on any verb, snapshots for "nothing changed", attributes.</summary>
public static class AdminTestData
{
    /// <summary>Sends JSON (or no body) with an optional If-Match header (<c>"3"</c>, <c>W/"3"</c> or <c>*</c>).</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body = null,
        string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch == "*" ? EntityTagHeaderValue.Any
                : ifMatch.StartsWith("W/", StringComparison.Ordinal) ? new EntityTagHeaderValue(ifMatch[2..], isWeak: true)
                : new EntityTagHeaderValue(ifMatch));
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string url, string ifMatch) =>
        client.SendJsonAsync(HttpMethod.Delete, url, ifMatch: ifMatch);

    public static string? ETag(this HttpResponseMessage response) => response.Headers.ETag?.Tag;

    public static string[] Strings(this JsonNode? node, string property) =>
        [.. node.Arr(property).Select(x => x!.GetValue<string>())];

    public static string[] Ids(this JsonNode? page) => [.. page.Arr("items").Select(x => x.Str("id"))];

    /// <summary>The field paths of a validation problem's <c>errors</c>.</summary>
    public static string[] ErrorFields(this JsonNode problem) => [.. problem["errors"]!.AsObject().Select(e => e.Key)];

    /// <summary>Asserts the resource at <paramref name="url"/> still reads exactly as <paramref name="before"/> (same version, same fields).</summary>
    public static async Task ShouldBeUnchangedAsync(this HttpClient client, string url, JsonNode before)
    {
        var after = await client.GetJsonAsync(url);
        Assert.True(JsonNode.DeepEquals(before, after), $"{url} changed.\nBefore: {before.ToJsonString()}\nAfter:  {after.ToJsonString()}");
    }

    /// <summary>Every item of a list, following <c>nextCursor</c> to the end.</summary>
    public static async Task<List<JsonNode>> ListAllAsync(this HttpClient client, string url, int limit = 100)
    {
        var all = new List<JsonNode>();
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync($"{url}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
            all.AddRange(page.Arr("items")!);
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>Asserts that no product matches <paramref name="handle"/> in the admin list.</summary>
    public static async Task ShouldHaveNoProductAsync(this HttpClient client, string handle)
    {
        var page = await client.GetJsonAsync($"/admin/products?q={Uri.EscapeDataString(handle)}");
        Assert.Empty(page.Arr("items"));
    }

    /// <summary>A product body with a single option value and so a single variant, which is quicker to create in bulk.</summary>
    public static Dictionary<string, object?> OneVariantBody(string? handle = null, string status = "published") =>
        Given.ProductBody(handle, status, sizes: ["S"]);

    /// <summary>The body's variants as a plain array (stored back into the body), so a test can swap in variants of another shape.</summary>
    public static object[] Variants(Dictionary<string, object?> body)
    {
        var variants = ((Array)body["variants"]!).Cast<object>().ToArray();
        body["variants"] = variants;
        return variants;
    }

    /// <summary>A variant body for <c>POST /admin/products/{id}/variants</c> on products made by <see cref="Given.ProductBody"/>.</summary>
    public static Dictionary<string, object?> VariantBody(string size, string? sku = null, long usd = 2999) => new()
    {
        ["sku"] = sku ?? Given.Unique("SKU-" + size).ToUpperInvariant(),
        ["title"] = size,
        ["options"] = new Dictionary<string, string> { ["Size"] = size },
        ["prices"] = new[] { new { amount = usd, currency = "USD" } },
    };

    /// <summary>Defines an attribute with a unique key (letters only, as keys allow no hyphens).</summary>
    public static async Task<JsonNode> AttributeAsync(this MercatoApp app, string type, string[]? values = null)
    {
        var key = "a" + Guid.NewGuid().ToString("N")[..12];
        return await app.Admin.PostJsonAsync("/admin/attributes", new { key, name = $"Attribute {key}", type, values });
    }
}
