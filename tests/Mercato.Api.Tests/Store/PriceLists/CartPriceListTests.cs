using Mercato.Api.Tests.Store.Checkout;
using Mercato.Api.Tests.Store.Customers;

namespace Mercato.Api.Tests.Store.PriceLists;

/// <summary>Carts price each line at the best price for its quantity, region, channel and customer (ADR 8).</summary>
public abstract class CartPriceListTests(MercatoApp app)
{
    private async Task<string> PriceListAsync(string variantId, long amount, int minQuantity = 1, string currency = "USD",
        object? conditions = null, DateTimeOffset? startsAt = null, DateTimeOffset? endsAt = null) =>
        (await app.Admin.PostJsonAsync("/admin/price-lists", new
        {
            name = Given.Unique("list"), status = "active", startsAt, endsAt, conditions,
            prices = new[] { new { variantId, currency, amount, minQuantity } },
        })).Str("id");

    private static JsonNode Line(JsonNode cart, string variantId) => cart.Arr("items").Single(i => i.Str("variantId") == variantId)!;

    private static async Task<JsonNode> AddAsync(HttpClient store, string cartId, string variantId, int quantity) =>
        await store.PostJsonAsync($"/store/carts/{cartId}/line-items", new { variantId, quantity });

    private async Task<string> CartAsync(HttpClient store, string? regionId = null) =>
        (await store.PostJsonAsync("/store/carts", new { regionId = regionId ?? app.UsRegionId })).Str("id");

    [Fact]
    public async Task A_quantity_tier_sets_the_unit_price_from_ten_units_and_the_line_shows_the_original()
    {
        var variant = await app.StockedVariantAsync(100, usd: 1000);
        await PriceListAsync(variant.VariantId, 800, minQuantity: 10);
        var cartId = await CartAsync(app.Store);

        var line = Line(await AddAsync(app.Store, cartId, variant.VariantId, 9), variant.VariantId);
        Assert.Equal(1000, line.Amount("unitPrice"));
        Assert.Null(line["originalUnitPrice"]);

        var cart = await app.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{line.Str("id")}", new { quantity = 10 });
        line = Line(cart, variant.VariantId);
        Assert.Equal(800, line.Amount("unitPrice"));
        Assert.Equal(1000, line.Amount("originalUnitPrice"));
        Assert.Equal(8000, line.Amount("subtotal"));
        Assert.Equal(8000, cart["totals"].Amount("subtotal"));

        cart = await app.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{line.Str("id")}", new { quantity = 9 });
        Assert.Equal(1000, Line(cart, variant.VariantId).Amount("unitPrice"));
        Assert.Null(Line(cart, variant.VariantId)["originalUnitPrice"]);
    }

    [Fact]
    public async Task A_group_price_applies_to_a_signed_in_member_and_not_to_a_guest()
    {
        var variant = await app.StockedVariantAsync(100, usd: 1000);
        var group = (await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "Wholesale", handle = Given.Unique("wholesale") })).Str("id");
        var member = await app.RegisteredCustomerAsync();
        await (await app.Admin.PostAsJsonAsync($"/admin/customer-groups/{group}/customers/{member.Id}", new { })).ShouldSucceedAsync();
        var outsider = await app.RegisteredCustomerAsync();
        await PriceListAsync(variant.VariantId, 700, conditions: new { customerGroupIds = new[] { group } });

        var guest = await AddAsync(app.Store, await CartAsync(app.Store), variant.VariantId, 1);
        Assert.Equal(1000, Line(guest, variant.VariantId).Amount("unitPrice"));
        var other = await AddAsync(outsider.Client, await CartAsync(outsider.Client), variant.VariantId, 1);
        Assert.Equal(1000, Line(other, variant.VariantId).Amount("unitPrice"));
        var wholesale = await AddAsync(member.Client, await CartAsync(member.Client), variant.VariantId, 1);
        Assert.Equal(700, Line(wholesale, variant.VariantId).Amount("unitPrice"));
        Assert.Equal(1000, Line(wholesale, variant.VariantId).Amount("originalUnitPrice"));
    }

    [Fact]
    public async Task A_region_only_list_prices_carts_of_that_region_only()
    {
        var variant = await app.StockedVariantAsync(100, usd: 1000, eur: 900);
        await PriceListAsync(variant.VariantId, 600, currency: "EUR", conditions: new { regionIds = new[] { app.EuRegionId } });
        await PriceListAsync(variant.VariantId, 500, currency: "USD", conditions: new { regionIds = new[] { app.EuRegionId, app.UsRegionId }, salesChannelIds = new[] { "sc_elsewhere" } });

        var us = await AddAsync(app.Store, await CartAsync(app.Store), variant.VariantId, 1);
        Assert.Equal(1000, Line(us, variant.VariantId).Amount("unitPrice"));
        var eu = await AddAsync(app.Store, await CartAsync(app.Store, app.EuRegionId), variant.VariantId, 1);
        Assert.Equal(600, Line(eu, variant.VariantId).Amount("unitPrice"));
        Assert.Equal(900, Line(eu, variant.VariantId).Amount("originalUnitPrice"));
        Assert.Equal("EUR", Line(eu, variant.VariantId)["unitPrice"].Str("currency"));
    }

    [Fact]
    public async Task A_scheduled_sale_prices_lines_only_inside_its_window()
    {
        var variant = await app.StockedVariantAsync(100, usd: 1000);
        var now = app.Clock.GetUtcNow();
        await PriceListAsync(variant.VariantId, 750, startsAt: now.AddHours(1), endsAt: now.AddHours(2));
        var cartId = await CartAsync(app.Store);
        var line = Line(await AddAsync(app.Store, cartId, variant.VariantId, 1), variant.VariantId);
        Assert.Equal(1000, line.Amount("unitPrice"));
        async Task<long> UnitPriceAfterChangeAsync(int quantity) =>
            Line(await app.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{line.Str("id")}", new { quantity }), variant.VariantId).Amount("unitPrice");

        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(750, await UnitPriceAfterChangeAsync(2));
        app.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.Equal(750, await UnitPriceAfterChangeAsync(3));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1000, await UnitPriceAfterChangeAsync(2));
    }

    [Fact]
    public async Task An_order_is_placed_at_the_price_list_price()
    {
        var variant = await app.StockedVariantAsync(100, usd: 1000);
        await PriceListAsync(variant.VariantId, 800, minQuantity: 2);
        var cartId = await app.ReadyCartAsync(app.Store, (variant.VariantId, 2));
        var completed = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        var item = Assert.Single(completed["order"]!.Arr("items"))!;
        Assert.Equal(800, item.Amount("unitPrice"));
    }
}

public sealed class CartPriceListOnSqlite(SqliteApp app) : CartPriceListTests(app), IClassFixture<SqliteApp>;

public sealed class CartPriceListOnPostgres(PostgresApp app) : CartPriceListTests(app), IClassFixture<PostgresApp>;
