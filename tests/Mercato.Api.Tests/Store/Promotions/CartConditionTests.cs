using System.Net.Http.Json;
using Mercato.Api.Tests.Store.Checkout;

namespace Mercato.Api.Tests.Store.Promotions;

/// <summary>Category, collection and first-order conditions evaluated on real carts.</summary>
public abstract class CartConditionTests(MercatoApp app)
{
    private async Task<string> PromotionAsync(object body) => (await app.Admin.PostJsonAsync("/admin/promotions", body)).Str("id");

    private static long DiscountOf(System.Text.Json.Nodes.JsonNode cart, string variantId) =>
        cart.Arr("items").Single(i => i!.Str("variantId") == variantId)!.Amount("discount");

    [Fact]
    public async Task A_category_condition_matches_products_of_its_subcategories_and_a_collection_condition_its_products()
    {
        var parent = await app.Given.CategoryAsync();
        var child = await app.Given.CategoryAsync(parentId: parent.Str("id"));
        var collection = await app.Given.CollectionAsync();
        var inChild = await app.StockedVariantAsync(100, usd: 1000);
        var inCollection = await app.StockedVariantAsync(100, usd: 2000);
        var neither = await app.StockedVariantAsync(100, usd: 3000);
        await app.Admin.PatchJsonAsync($"/admin/products/{inChild.ProductId}", new { categoryIds = new[] { child.Str("id") } });
        await app.Admin.PatchJsonAsync($"/admin/products/{inCollection.ProductId}", new { collectionIds = new[] { collection.Str("id") } });
        await PromotionAsync(new
        {
            name = "Category fifth", action = new { type = "items_percentage", percentBasisPoints = 2000 },
            conditions = new { categoryIds = new[] { parent.Str("id") } },
        });
        await PromotionAsync(new
        {
            name = "Collection tenth", action = new { type = "items_percentage", percentBasisPoints = 1000 },
            conditions = new { collectionIds = new[] { collection.Str("id") } },
        });

        var cartId = await app.ReadyCartAsync(app.Store, (inChild.VariantId, 1), (inCollection.VariantId, 1), (neither.VariantId, 1));
        var cart = await app.Store.GetJsonAsync($"/store/carts/{cartId}");

        Assert.Equal(200, DiscountOf(cart, inChild.VariantId));
        Assert.Equal(200, DiscountOf(cart, inCollection.VariantId));
        Assert.Equal(0, DiscountOf(cart, neither.VariantId));
        Assert.Equal(2, cart.Arr("promotions").Count);
        CheckoutTestData.ShouldAddUp(cart["totals"]!);
    }

    [Fact]
    public async Task A_first_order_promotion_applies_until_the_shopper_has_placed_an_order()
    {
        var v = await app.StockedVariantAsync(100, usd: 2000);
        await PromotionAsync(new
        {
            name = "Welcome", action = new { type = "order_fixed", amount = 300 },
            conditions = new { productIds = new[] { v.ProductId }, currencyCodes = new[] { "USD" }, firstOrderOnly = true },
        });
        var email = $"{Given.Unique("first")}@example.com";
        var first = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await app.Store.PatchJsonAsync($"/store/carts/{first}", new { email });
        Assert.Equal(300, (await app.Store.GetJsonAsync($"/store/carts/{first}"))["totals"].Amount("discount"));
        var placed = await (await app.Store.CheckoutAsync(first)).ShouldSucceedAsync();
        Assert.Equal(300, placed["order"]!["totals"].Amount("discount"));

        var second = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        var cart = await app.Store.PatchJsonAsync($"/store/carts/{second}", new { email = email.ToUpperInvariant() });
        Assert.Equal(0, cart["totals"].Amount("discount"));
        Assert.Empty(cart.Arr("promotions"));

        var stranger = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        Assert.Equal(300, (await app.Store.GetJsonAsync($"/store/carts/{stranger}"))["totals"].Amount("discount"));
    }
}

public sealed class CartConditionsOnSqlite(SqliteApp app) : CartConditionTests(app), IClassFixture<SqliteApp>;

public sealed class CartConditionsOnPostgres(PostgresApp app) : CartConditionTests(app), IClassFixture<PostgresApp>;
