using Mercato.Api.Tests.Store.Checkout;

namespace Mercato.Api.Tests.Store.Promotions;

/// <summary>Promotions on carts: automatic ones re-evaluated on every change, codes applied and removed.</summary>
public abstract class CartPromotionTests(MercatoApp app)
{
    private async Task<string> PromotionAsync(object body) => (await app.Admin.PostJsonAsync("/admin/promotions", body)).Str("id");

    private async Task<string> CodeAsync(string promotionId)
    {
        var code = Given.Unique("CODE").ToUpperInvariant();
        await app.Admin.PostJsonAsync($"/admin/promotions/{promotionId}/codes", new { code });
        return code;
    }

    [Fact]
    public async Task An_automatic_promotion_discounts_its_products_and_follows_every_cart_change()
    {
        var target = await app.StockedVariantAsync(100, usd: 1000);
        var other = await app.StockedVariantAsync(100, usd: 3000);
        var promotion = await PromotionAsync(new
        {
            name = "Quarter off", action = new { type = "items_percentage", percentBasisPoints = 2500 },
            conditions = new { productIds = new[] { target.ProductId }, minQuantity = 2 },
        });
        var cartId = await app.ReadyCartAsync(app.Store, (target.VariantId, 1), (other.VariantId, 1));
        var cart = await app.Store.GetJsonAsync($"/store/carts/{cartId}");
        Assert.Equal(0, cart["totals"].Amount("discount"));

        var lineId = cart.Arr("items").Single(i => i!.Str("variantId") == target.VariantId)!.Str("id");
        cart = await app.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{lineId}", new { quantity = 3 });
        var line = cart.Arr("items").Single(i => i!.Str("id") == lineId)!;
        Assert.Equal(750, line.Amount("discount"));
        Assert.Equal(0, cart.Arr("items").Single(i => i!.Str("variantId") == other.VariantId)!.Amount("discount"));
        Assert.Equal(750, cart["totals"].Amount("discount"));
        CheckoutTestData.ShouldAddUp(cart["totals"]!);
        var applied = Assert.Single(cart.Arr("promotions"))!;
        Assert.Equal(promotion, applied.Str("promotionId"));
        Assert.Null(applied["code"]);

        await app.Admin.PatchJsonAsync($"/admin/promotions/{promotion}", new { enabled = false });
        cart = await app.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{lineId}", new { quantity = 2 });
        Assert.Equal(0, cart["totals"].Amount("discount"));
        Assert.Empty(cart.Arr("promotions"));
    }

    [Fact]
    public async Task A_code_is_applied_shown_and_removed()
    {
        var variant = await app.StockedVariantAsync(100, usd: 2000);
        var promotion = await PromotionAsync(new
        {
            name = "Five off", requiresCode = true, action = new { type = "order_fixed", amount = 500 },
            conditions = new { currencyCodes = new[] { "USD" }, variantIds = new[] { variant.VariantId } },
        });
        var code = await CodeAsync(promotion);
        var cartId = await app.ReadyCartAsync(app.Store, (variant.VariantId, 1));

        var cart = await (await app.Store.PostAsJsonAsync($"/store/carts/{cartId}/promotion-codes", new { code = code.ToLowerInvariant() }))
            .ShouldSucceedAsync();
        Assert.Equal([code], cart.Arr("promotionCodes").Select(c => c!.GetValue<string>()));
        Assert.Equal(500, cart["totals"].Amount("discount"));
        Assert.Equal(code, Assert.Single(cart.Arr("promotions"))!.Str("code"));
        CheckoutTestData.ShouldAddUp(cart["totals"]!);

        var unchanged = await (await app.Store.DeleteAsync($"/store/carts/{cartId}/promotion-codes/NOT-ON-CART")).ShouldSucceedAsync();
        Assert.Equal(500, unchanged["totals"].Amount("discount"));
        var removed = await (await app.Store.DeleteAsync($"/store/carts/{cartId}/promotion-codes/{code}")).ShouldSucceedAsync();
        Assert.Equal(0, removed["totals"].Amount("discount"));
        Assert.Empty(removed.Arr("promotionCodes"));
    }

    [Fact]
    public async Task Unknown_expired_disabled_and_not_applicable_codes_get_the_same_answer_and_change_nothing()
    {
        var variant = await app.StockedVariantAsync(100, usd: 2000);
        var expired = await PromotionAsync(new
        {
            name = "Old", requiresCode = true, action = new { type = "order_percentage", percentBasisPoints = 1000 },
            startsAt = app.Clock.GetUtcNow().AddDays(-10), endsAt = app.Clock.GetUtcNow().AddDays(-1),
        });
        var disabled = await PromotionAsync(new
        {
            name = "Off", enabled = false, requiresCode = true, action = new { type = "order_percentage", percentBasisPoints = 1000 },
        });
        var notApplicable = await PromotionAsync(new
        {
            name = "Big carts", requiresCode = true, action = new { type = "order_percentage", percentBasisPoints = 1000 },
            conditions = new { minQuantity = 50 },
        });
        var codes = new[] { Given.Unique("NOPE").ToUpperInvariant(), await CodeAsync(expired), await CodeAsync(disabled), await CodeAsync(notApplicable) };
        var cartId = await app.ReadyCartAsync(app.Store, (variant.VariantId, 1));
        var before = await app.Store.GetJsonAsync($"/store/carts/{cartId}");

        var bodies = new List<string>();
        foreach (var code in codes)
        {
            var response = await app.Store.PostAsJsonAsync($"/store/carts/{cartId}/promotion-codes", new { code });
            var problem = await response.ShouldBeProblemAsync(400, "promotion_code_invalid");
            bodies.Add(problem["detail"]!.GetValue<string>() + problem["errors"]!.ToJsonString());
        }
        Assert.Single(bodies.Distinct());
        var after = await app.Store.GetJsonAsync($"/store/carts/{cartId}");
        Assert.Equal(before.Int("version"), after.Int("version"));
        Assert.Empty(after.Arr("promotionCodes"));
    }

    [Fact]
    public async Task Free_shipping_takes_off_the_shipping_charge_and_no_more()
    {
        var variant = await app.StockedVariantAsync(100, usd: 2000);
        var promotion = await PromotionAsync(new { name = "Ship free", requiresCode = true, action = new { type = "free_shipping" } });
        var code = await CodeAsync(promotion);
        var cartId = await app.ReadyCartAsync(app.Store, (variant.VariantId, 1));
        var cart = await (await app.Store.PostAsJsonAsync($"/store/carts/{cartId}/promotion-codes", new { code })).ShouldSucceedAsync();
        var shipping = cart["shippingMethod"]!;
        Assert.True(shipping.Amount("price") > 0);
        Assert.Equal(shipping.Amount("price"), shipping.Amount("discount"));
        Assert.Equal(shipping.Amount("price"), cart["totals"].Amount("discount"));
        CheckoutTestData.ShouldAddUp(cart["totals"]!);
        Assert.Equal(cart["totals"].Amount("subtotal") + cart["totals"].Amount("tax"), cart["totals"].Amount("total"));
    }

    private static bool Reads(string query, string table) =>
        System.Text.RegularExpressions.Regex.IsMatch(query, $@"\b(FROM|JOIN)\s+""?{table}""?\s");

    [Fact]
    public async Task A_cart_change_takes_the_automatic_promotions_and_shipping_options_from_memory_unless_a_use_count_matters()
    {
        var variant = await app.StockedVariantAsync(100, usd: 2000);
        var cartId = await app.ReadyCartAsync(app.Store, (variant.VariantId, 1));
        var lineId = (await app.Store.GetJsonAsync($"/store/carts/{cartId}")).Arr("items").Single()!.Str("id");
        await app.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{lineId}", new { quantity = 2 });

        IReadOnlyList<string> remembered;
        using (app.Queries.Record(out remembered)) await app.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{lineId}", new { quantity = 3 });
        // A promotion with a usage limit: the count that orders move is read at every re-pricing while it is enabled.
        var limited = await PromotionAsync(new
        {
            name = "First hundred", usageLimit = 100, action = new { type = "items_percentage", percentBasisPoints = 1000 },
            conditions = new { variantIds = new[] { variant.VariantId } },
        });
        JsonNode cart;
        IReadOnlyList<string> counted;
        using (app.Queries.Record(out counted)) cart = await app.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{lineId}", new { quantity = 4 });
        await app.Admin.PatchJsonAsync($"/admin/promotions/{limited}", new { enabled = false });

        Assert.NotEmpty(remembered);
        Assert.DoesNotContain(remembered, q => Reads(q, "promotions_promotion"));
        Assert.DoesNotContain(remembered, q => Reads(q, "shipping_option"));
        Assert.Contains(counted, q => Reads(q, "promotions_promotion"));
        Assert.Equal(limited, Assert.Single(cart.Arr("promotions"))!.Str("promotionId"));
        Assert.Equal(800, cart["totals"].Amount("discount"));
    }
}

public sealed class CartPromotionOnSqlite(SqliteApp app) : CartPromotionTests(app), IClassFixture<SqliteApp>;

public sealed class CartPromotionOnPostgres(PostgresApp app) : CartPromotionTests(app), IClassFixture<PostgresApp>;
