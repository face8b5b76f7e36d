using Mercato.Api.Tests.Admin;
using Mercato.Api.Tests.Admin.Inventory;
using Microsoft.AspNetCore.Hosting;

namespace Mercato.Api.Tests.Store.Products;

/// <summary>What a storefront learns about stock: a state per variant, never a count unless the shop opts in.</summary>
public abstract class StoreAvailabilityTests(MercatoApp app)
{
    private async Task<(string Handle, string[] Skus)> ProductAsync()
    {
        var handle = Given.Unique("stocked");
        var body = Given.ProductBody(handle, sizes: ["S", "M", "L", "XL"]);
        var variants = AdminTestData.Variants(body);
        variants[2] = new Dictionary<string, object?>
        {
            ["sku"] = $"{handle}-L".ToUpperInvariant(), ["title"] = "L", ["options"] = new Dictionary<string, string> { ["Size"] = "L" },
            ["manageInventory"] = true, ["allowBackorder"] = true, ["prices"] = new[] { new { amount = 1999, currency = "USD" } },
        };
        variants[3] = new Dictionary<string, object?>
        {
            ["sku"] = $"{handle}-XL".ToUpperInvariant(), ["title"] = "XL", ["options"] = new Dictionary<string, string> { ["Size"] = "XL" },
            ["manageInventory"] = false, ["prices"] = new[] { new { amount = 1999, currency = "USD" } },
        };
        await app.Given.ProductAsync(body);
        var location = await app.StockLocationAsync(isDefault: true);
        var skus = new[] { "S", "M", "L", "XL" }.Select(s => $"{handle}-{s}".ToUpperInvariant()).ToArray();
        await app.SetStockAsync(skus[0], location, 10);
        await app.SetStockAsync(skus[1], location, 7);
        Assert.Empty(await app.HoldAsync(Given.Unique("cart"), skus[1], 2));
        return (handle, skus);
    }

    [Fact]
    public async Task Each_variant_says_in_stock_low_stock_or_out_of_stock_and_whether_it_backorders()
    {
        var (handle, _) = await ProductAsync();

        var product = await app.Store.GetJsonAsync($"/store/products/{handle}?region={app.UsRegionId}");

        var variants = product.Arr("variants").ToDictionary(v => v!["options"].Str("Size"));
        Assert.Equal("in_stock", variants["S"].Str("availability"));
        Assert.Equal("low_stock", variants["M"].Str("availability"));
        Assert.Equal("out_of_stock", variants["L"].Str("availability"));
        Assert.True(variants["L"]!["allowBackorder"]!.GetValue<bool>());
        Assert.False(variants["S"]!["allowBackorder"]!.GetValue<bool>());
        Assert.Equal("in_stock", variants["XL"].Str("availability"));
    }

    [Fact]
    public async Task No_exact_count_leaks_by_default()
    {
        var (handle, _) = await ProductAsync();

        var response = await app.Store.GetAsync($"/store/products/{handle}?region={app.UsRegionId}");
        var text = await response.Content.ReadAsStringAsync();
        var product = JsonNode.Parse(text);

        foreach (var name in new[] { "availableQuantity", "available", "onHand", "reserved", "quantity", "stock" })
            Assert.False(StoreTestData.HasPropertyAnywhere(product, name), $"The store product exposes '{name}'.");
    }

    [Fact]
    public async Task An_expired_hold_counts_as_available_again()
    {
        var (handle, skus) = await ProductAsync();
        Assert.Empty(await app.HoldAsync(Given.Unique("cart"), skus[0], 10, expiresIn: TimeSpan.FromMinutes(5)));
        var held = await app.Store.GetJsonAsync($"/store/products/{handle}?region={app.UsRegionId}");
        Assert.Equal("out_of_stock", held.Arr("variants")[0].Str("availability"));

        app.Clock.Advance(TimeSpan.FromMinutes(6));

        var released = await app.Store.GetJsonAsync($"/store/products/{handle}?region={app.UsRegionId}");
        Assert.Equal("in_stock", released.Arr("variants")[0].Str("availability"));
    }

    [Fact]
    public async Task A_shop_that_exposes_quantities_sends_the_available_count_of_tracked_variants()
    {
        var (handle, _) = await ProductAsync();
        await using var exposing = app.WithWebHostBuilder(b => b.UseSetting("Mercato:Inventory:ExposeQuantities", "true"));
        var store = exposing.CreateClient();
        store.DefaultRequestHeaders.Add("X-Publishable-Key", app.PublishableKey);

        var product = await store.GetJsonAsync($"/store/products/{handle}?region={app.UsRegionId}");

        var variants = product.Arr("variants").ToDictionary(v => v!["options"].Str("Size"));
        Assert.Equal(10, variants["S"].Int("availableQuantity"));
        Assert.Equal(5, variants["M"].Int("availableQuantity"));
        Assert.Equal(0, variants["L"].Int("availableQuantity"));
        Assert.Null(variants["XL"]!["availableQuantity"]);
    }

    [Fact]
    public async Task One_availability_query_serves_every_variant()
    {
        var (handle, _) = await ProductAsync();
        var url = $"/store/products/{handle}?region={app.UsRegionId}";

        IReadOnlyList<string> commands;
        using (app.Queries.Record(out commands)) await app.Store.GetJsonAsync(url);

        Assert.Single(commands, c => c.Contains("inventory_level", StringComparison.Ordinal));
    }
}

public sealed class StoreAvailabilityOnSqlite(SqliteApp app) : StoreAvailabilityTests(app), IClassFixture<SqliteApp>;

public sealed class StoreAvailabilityOnPostgres(PostgresApp app) : StoreAvailabilityTests(app), IClassFixture<PostgresApp>;
