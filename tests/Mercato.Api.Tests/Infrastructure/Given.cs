namespace Mercato.Api.Tests.Infrastructure;

/// <summary>
/// Test data made through the Admin API, with unique handles and SKUs, so no test depends on another or on seed counts.
/// </summary>
public sealed class Given(MercatoApp app)
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>A published product body with one variant per size, priced in USD and EUR; tweak the dictionary before posting.</summary>
    public static Dictionary<string, object?> ProductBody(string? handle = null, string status = "published", long usd = 1999,
        long eur = 1899, string[]? sizes = null)
    {
        handle ??= Unique("product");
        sizes ??= ["S", "M"];
        return new Dictionary<string, object?>
        {
            ["title"] = $"Product {handle}",
            ["handle"] = handle,
            ["status"] = status,
            ["description"] = "A **fine** product.",
            ["options"] = new[] { new { name = "Size", values = sizes } },
            ["variants"] = sizes.Select((size, i) => new
            {
                sku = $"{handle}-{size}".ToUpperInvariant(),
                title = size,
                options = new Dictionary<string, string> { ["Size"] = size },
                manageInventory = true,
                prices = new[] { new { amount = usd + (i * 100), currency = "USD" }, new { amount = eur + (i * 100), currency = "EUR" } },
            }).ToArray(),
            ["tags"] = new[] { "test" },
        };
    }

    public async Task<JsonNode> ProductAsync(Dictionary<string, object?>? body = null) =>
        await app.Admin.PostJsonAsync("/admin/products", body ?? ProductBody());

    public async Task<JsonNode> ProductAsync(Action<Dictionary<string, object?>> change)
    {
        var body = ProductBody();
        change(body);
        return await ProductAsync(body);
    }

    public async Task<JsonNode> CategoryAsync(string? parentId = null, string? handle = null) =>
        await app.Admin.PostJsonAsync("/admin/categories", new { name = "Category", handle = handle ?? Unique("cat"), parentId });

    public async Task<JsonNode> CollectionAsync(string? handle = null) =>
        await app.Admin.PostJsonAsync("/admin/collections", new { title = "Collection", handle = handle ?? Unique("col") });

    /// <summary>A non-default sales channel and a store client bound to it.</summary>
    public async Task<(string Id, HttpClient Store)> ChannelAsync(string name = "Other channel")
    {
        var channel = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name });
        return (channel.Str("id"), app.StoreClient(channel["publishableKeys"]![0].Str("token")));
    }
}
