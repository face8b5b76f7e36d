using Mercato.Inventory.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Inventory;

/// <summary>Inventory's contracts called as other modules call them: each call in a scope of its own, like a request.</summary>
public static class InventoryTestData
{
    public static async Task<T> WithReservationsAsync<T>(this MercatoApp app, Func<IStockReservations, Task<T>> call)
    {
        await using var scope = app.Scope();
        return await call(scope.ServiceProvider.GetRequiredService<IStockReservations>());
    }

    public static async Task<SkuAvailability> AvailabilityAsync(this MercatoApp app, string sku)
    {
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<IStockAvailability>().ForSkusAsync([sku], CancellationToken.None);
        return result[sku];
    }

    /// <summary>Holds <paramref name="quantity"/> of one SKU for 15 minutes (by the app's clock) and returns the shortages.</summary>
    public static Task<IReadOnlyList<StockShortage>> HoldAsync(this MercatoApp app, string holderId, string sku, int quantity,
        bool allowBackorder = false, TimeSpan? expiresIn = null) =>
        app.WithReservationsAsync(r => r.HoldAsync(holderId, [new StockDemand(sku, quantity, allowBackorder)],
            app.Clock.GetUtcNow() + (expiresIn ?? TimeSpan.FromMinutes(15)), CancellationToken.None));

    public static async Task<string> StockLocationAsync(this MercatoApp app, bool isDefault = false) =>
        (await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = Given.Unique("Warehouse"), isDefault })).Str("id");

    public static async Task<JsonNode> SetStockAsync(this MercatoApp app, string sku, string locationId, int onHand)
    {
        var response = await app.Admin.PutAsJsonAsync($"/admin/inventory/{sku}/levels/{locationId}", new { onHand });
        return await response.ShouldSucceedAsync();
    }

    public static async Task<JsonNode> LevelsAsync(this MercatoApp app, string sku) => await app.Admin.GetJsonAsync($"/admin/inventory/{sku}/levels");
}
