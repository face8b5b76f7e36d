namespace Mercato.Api.Tests.Store;

/// <summary>Helpers for the Store API tests: tagged product sets (so each test sees only its own rows) and list walking.</summary>
public static class StoreTestData
{
    /// <summary>A published product carrying <paramref name="tag"/>, with a chosen title and USD/EUR price of its first variant.</summary>
    public static async Task<JsonNode> TaggedProductAsync(this MercatoApp app, string tag, string? title = null, long usd = 1999,
        long eur = 1899, Action<Dictionary<string, object?>>? change = null)
    {
        var body = Given.ProductBody(usd: usd, eur: eur);
        if (title is not null) body["title"] = title;
        body["tags"] = new[] { tag };
        change?.Invoke(body);
        return await app.Given.ProductAsync(body);
    }

    /// <summary>A variant body in the shape POST /admin/products takes.</summary>
    public static object Variant(string sku, string size, params (string Currency, long Amount)[] prices) => new
    {
        sku, title = size, options = new Dictionary<string, string> { ["Size"] = size }, manageInventory = true,
        prices = prices.Select(p => new { amount = p.Amount, currency = p.Currency }).ToArray(),
    };

    /// <summary>Defines an attribute under a unique key and returns that key.</summary>
    public static async Task<string> AttributeAsync(this MercatoApp app, string type, string[]? values = null)
    {
        var key = "attr" + Guid.NewGuid().ToString("N")[..10];
        await app.Admin.PostJsonAsync("/admin/attributes", new { key, name = "Attribute " + key, type, values = values ?? [] });
        return key;
    }

    public static List<string> Handles(this JsonNode page) => [.. page.Arr("items").Select(i => i.Str("handle"))];

    public static string? NextCursor(this JsonNode page) => page["nextCursor"]?.GetValue<string>();

    /// <summary>Handles on the first page of <c>/store/products?{query}</c> (limit 100), in the order the API gives them.</summary>
    public static async Task<List<string>> ListHandlesAsync(this HttpClient store, string query) =>
        (await store.GetJsonAsync($"/store/products?limit=100&{query}")).Handles();

    /// <summary>Follows nextCursor from the first page to the last and returns each page's handles.</summary>
    public static async Task<List<List<string>>> WalkAsync(this HttpClient store, string query, int limit, int maxPages = 50)
    {
        var pages = new List<List<string>>();
        string? cursor = null;
        do
        {
            var url = $"/store/products?{query}&limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await store.GetJsonAsync(url);
            pages.Add(page.Handles());
            cursor = page.NextCursor();
            Assert.True(pages.Count <= maxPages, "The walk did not end: nextCursor never became null.");
        }
        while (cursor is not null);
        return pages;
    }

    /// <summary>True when some object in the JSON tree has a property named <paramref name="name"/> (any case).</summary>
    public static bool HasPropertyAnywhere(JsonNode? node, string name) => node switch
    {
        JsonObject o => o.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase) || HasPropertyAnywhere(p.Value, name)),
        JsonArray a => a.Any(x => HasPropertyAnywhere(x, name)),
        _ => false,
    };
}
