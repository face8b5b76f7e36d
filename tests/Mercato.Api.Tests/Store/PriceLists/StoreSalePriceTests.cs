using Mercato.Api.Tests.Store.Checkout;
using Mercato.Api.Tests.Store.Customers;

namespace Mercato.Api.Tests.Store.PriceLists;

/// <summary>
/// The store's catalog reads show sale prices with the original (ADR 8): public answers use only lists without customer
/// groups, and a scheduled sale is never hidden by a cached answer past its start or end.
/// </summary>
public abstract class StoreSalePriceTests(MercatoApp app)
{
    private async Task<JsonNode> ProductAsync(string tag)
    {
        var body = Given.ProductBody(usd: 1000, sizes: ["S", "M"]);
        body["tags"] = new[] { tag };
        return await app.Given.ProductAsync(body);
    }

    private async Task<string> SaleAsync(string variantId, long amount, object? conditions = null, DateTimeOffset? startsAt = null,
        DateTimeOffset? endsAt = null, int minQuantity = 1) =>
        (await app.Admin.PostJsonAsync("/admin/price-lists", new
        {
            name = Given.Unique("sale"), status = "active", startsAt, endsAt, conditions,
            prices = new[] { new { variantId, currency = "USD", amount, minQuantity } },
        })).Str("id");

    private Task<JsonNode> PageAsync(JsonNode product, HttpClient? store = null) =>
        (store ?? app.Store).GetJsonAsync($"/store/products/{product.Str("handle")}?region={app.UsRegionId}");

    [Fact]
    public async Task A_product_and_its_list_row_show_the_sale_price_and_the_original_once_a_list_is_created()
    {
        var tag = Given.Unique("sale");
        var product = await ProductAsync(tag);
        var small = product.Arr("variants")[0].Str("id");
        var before = await PageAsync(product);
        Assert.Null(before["originalPrice"]);
        Assert.Null(before.Arr("variants")[0]!["originalPrice"]);

        var list = await SaleAsync(small, 700);

        var response = await app.Store.GetAsync($"/store/products/{product.Str("handle")}?region={app.UsRegionId}");
        var page = await response.ShouldSucceedAsync();
        var variant = page.Arr("variants").Single(v => v.Str("id") == small)!;
        Assert.Equal(700, variant.Amount("price"));
        Assert.Equal(1000, variant.Amount("originalPrice"));
        Assert.Null(page.Arr("variants").Single(v => v.Str("id") != small)!["originalPrice"]);
        Assert.Equal(700, page["price"].Amount("min"));
        Assert.Equal(1100, page["price"].Amount("max"));
        Assert.Equal(1000, page["originalPrice"].Amount("min"));
        Assert.Contains(list, response.Headers.GetValues("Cache-Tag").Single().Split(','));

        var row = Assert.Single((await app.Store.GetJsonAsync($"/store/products?tag={tag}&region={app.UsRegionId}")).Arr("items"))!;
        Assert.Equal(700, row["price"].Amount("min"));
        Assert.Equal(1100, row["price"].Amount("max"));
        Assert.Equal(1000, row["originalPrice"].Amount("min"));

        await app.Admin.PatchJsonAsync($"/admin/price-lists/{list}", new { status = "draft" });
        Assert.Null((await PageAsync(product))["originalPrice"]);
        Assert.Null(Assert.Single((await app.Store.GetJsonAsync($"/store/products?tag={tag}&region={app.UsRegionId}")).Arr("items"))!["originalPrice"]);
    }

    [Fact]
    public async Task Group_prices_and_tiers_never_reach_the_public_catalog_even_for_a_signed_in_member()
    {
        var product = await ProductAsync(Given.Unique("group"));
        var small = product.Arr("variants")[0].Str("id");
        var group = (await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "VIP", handle = Given.Unique("vip") })).Str("id");
        var member = await app.RegisteredCustomerAsync();
        await (await app.Admin.PostAsJsonAsync($"/admin/customer-groups/{group}/customers/{member.Id}", new { })).ShouldSucceedAsync();
        await SaleAsync(small, 500, conditions: new { customerGroupIds = new[] { group } });
        await SaleAsync(small, 400, minQuantity: 5);

        foreach (var store in new[] { app.Store, member.Client })
        {
            var response = await store.GetAsync($"/store/products/{product.Str("handle")}?region={app.UsRegionId}");
            var page = await response.ShouldSucceedAsync();
            Assert.Equal(1000, page.Arr("variants").Single(v => v.Str("id") == small)!.Amount("price"));
            Assert.Null(page["originalPrice"]);
            Assert.True(response.Headers.CacheControl!.Public);
        }
    }

    [Fact]
    public async Task A_scheduled_sale_is_not_hidden_by_a_cached_answer_past_its_start_or_end()
    {
        var tag = Given.Unique("soon");
        var product = await ProductAsync(tag);
        var small = product.Arr("variants")[0].Str("id");
        var now = app.Clock.GetUtcNow();
        await SaleAsync(small, 600, startsAt: now.AddSeconds(20), endsAt: now.AddSeconds(50));
        var url = $"/store/products/{product.Str("handle")}?region={app.UsRegionId}";

        var before = await app.Store.GetAsync(url);
        Assert.Null((await before.ShouldSucceedAsync())["originalPrice"]);
        Assert.True(before.Headers.CacheControl!.MaxAge <= TimeSpan.FromSeconds(20), $"{before.Headers.CacheControl}");
        var list = await app.Store.GetAsync($"/store/products?tag={tag}&region={app.UsRegionId}");
        Assert.True(list.Headers.CacheControl!.MaxAge <= TimeSpan.FromSeconds(20), $"{list.Headers.CacheControl}");

        app.Clock.Advance(TimeSpan.FromSeconds(20));
        var inside = await app.Store.GetAsync(url);
        Assert.Equal(600, (await inside.ShouldSucceedAsync())["price"].Amount("min"));
        Assert.True(inside.Headers.CacheControl!.MaxAge <= TimeSpan.FromSeconds(30), $"{inside.Headers.CacheControl}");
        var row = Assert.Single((await app.Store.GetJsonAsync($"/store/products?tag={tag}&region={app.UsRegionId}")).Arr("items"))!;
        Assert.Equal(600, row["price"].Amount("min"));

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var after = await (await app.Store.GetAsync(url)).ShouldSucceedAsync();
        Assert.Equal(1000, after["price"].Amount("min"));
        Assert.Null(after["originalPrice"]);
    }
}

public sealed class StoreSalePriceOnSqlite(SqliteApp app) : StoreSalePriceTests(app), IClassFixture<SqliteApp>;

public sealed class StoreSalePriceOnPostgres(PostgresApp app) : StoreSalePriceTests(app), IClassFixture<PostgresApp>;
