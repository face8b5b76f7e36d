using Mercato.Api.Tests.Admin.Inventory;

namespace Mercato.Api.Tests.Store.Carts;

/// <summary>Stock for the carts' tests, given through the Admin API as a merchant would: a default location and on-hand counts.</summary>
public static class CartTestData
{
    /// <summary>The shop's default stock location, created on first use.</summary>
    public static async Task<string> DefaultStockLocationAsync(this MercatoApp app)
    {
        var locations = await app.Admin.GetJsonAsync("/admin/stock-locations?limit=100");
        var existing = locations.Arr("items").FirstOrDefault(l => l!["isDefault"]!.GetValue<bool>());
        return existing is null ? await app.StockLocationAsync(isDefault: true) : existing.Str("id");
    }

    /// <summary>Sets <paramref name="onHand"/> at the default location for every variant of <paramref name="product"/>.</summary>
    public static async Task<JsonNode> StockAsync(this MercatoApp app, JsonNode product, int onHand)
    {
        var location = await app.DefaultStockLocationAsync();
        foreach (var variant in product.Arr("variants")) await app.SetStockAsync(variant.Str("sku"), location, onHand);
        return product;
    }

    /// <summary>A product from <see cref="Given.ProductBody"/> (changed by <paramref name="change"/>) with stock for every variant.</summary>
    public static async Task<JsonNode> StockedProductAsync(this MercatoApp app, Action<Dictionary<string, object?>>? change = null,
        int onHand = 100)
    {
        var body = Given.ProductBody();
        change?.Invoke(body);
        return await app.StockAsync(await app.Given.ProductAsync(body), onHand);
    }
}
