using System.Net;
using System.Net.Http.Json;
using Mercato.Api.Tests.Admin.Orders;
using Mercato.Api.Tests.Store.Checkout;
using Mercato.Promotions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Api.Tests.Store.Promotions;

/// <summary>Usage counted at placement (exact under races), given back on cancel, shown on orders and in the usage report.</summary>
public abstract class PromotionUsageTests(MercatoApp app)
{
    private async Task<string> PromotionAsync(object body) => (await app.Admin.PostJsonAsync("/admin/promotions", body)).Str("id");

    /// <summary>A code-only 10% off the order, limited to <paramref name="productId"/>'s lines so other tests' carts are untouched.</summary>
    private Task<string> TenPercentAsync(string productId, int? usageLimit = null, int? perCustomerLimit = null) => PromotionAsync(new
    {
        name = "Ten off", requiresCode = true, action = new { type = "order_percentage", percentBasisPoints = 1000 },
        conditions = new { productIds = new[] { productId } }, usageLimit, perCustomerLimit,
    });

    private async Task<string> CodeAsync(string promotionId, int? usageLimit = null)
    {
        var code = Given.Unique("USE").ToUpperInvariant();
        await app.Admin.PostJsonAsync($"/admin/promotions/{promotionId}/codes", new { code, usageLimit });
        return code;
    }

    /// <summary>A ready cart with the code applied and its payment started (stock held): only completion is left.</summary>
    private async Task<string> PaidCartAsync(StockedVariant v, string code, string? email = null)
    {
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        if (email is not null) await app.Store.PatchJsonAsync($"/store/carts/{cartId}", new { email });
        await (await app.Store.PostAsJsonAsync($"/store/carts/{cartId}/promotion-codes", new { code })).ShouldSucceedAsync();
        await (await app.Store.PayAsync(cartId)).ShouldSucceedAsync();
        return cartId;
    }

    private async Task<int> CodeUsedCountAsync(string promotionId, string code) =>
        (await app.Admin.GetJsonAsync($"/admin/promotions/{promotionId}/codes?limit=100")).Arr("items").Single(c => c.Str("code") == code).Int("usedCount");

    private async Task<int> UsedCountAsync(string promotionId) => (await app.Admin.GetJsonAsync($"/admin/promotions/{promotionId}")).Int("usedCount");

    /// <summary>Runs the completions in parallel; returns how many placed an order, after checking every other one is promotion_code_invalid.</summary>
    private static async Task<int> RaceAsync(IEnumerable<string> carts, MercatoApp app)
    {
        var responses = await Task.WhenAll(carts.Select(c => Task.Run(() => app.Store.CompleteAsync(c))));
        var placed = 0;
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Created) placed++;
            else await response.ShouldBeProblemAsync(400, "promotion_code_invalid");
        }
        return placed;
    }

    private async Task ReleaseLapsedHoldsAsync()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<Mercato.Inventory.Contracts.IStockReservations>()
            .ReleaseExpiredHoldsAsync(app.Clock.GetUtcNow(), CancellationToken.None);
    }

    [Fact]
    public async Task A_placed_order_counts_one_use_shows_its_promotion_and_a_retry_counts_nothing_more()
    {
        var v = await app.StockedVariantAsync(10, usd: 2000);
        var promotion = await TenPercentAsync(v.ProductId);
        var code = await CodeAsync(promotion);
        var cartId = await PaidCartAsync(v, code.ToLowerInvariant());

        var first = await (await app.Store.CompleteAsync(cartId, "usage-retry-key")).ShouldSucceedAsync();
        var again = await app.Store.CompleteAsync(cartId, "usage-retry-key");
        var newKey = await app.Store.CompleteAsync(cartId);

        Assert.Equal(first["order"].Str("id"), (await again.ShouldSucceedAsync())["order"].Str("id"));
        Assert.Equal(HttpStatusCode.OK, newKey.StatusCode);
        Assert.Equal(1, await UsedCountAsync(promotion));
        Assert.Equal(1, await CodeUsedCountAsync(promotion, code));

        var storePromotion = Assert.Single(first["order"].Arr("promotions"))!;
        Assert.Equal(promotion, storePromotion.Str("promotionId"));
        Assert.Equal(code, storePromotion.Str("code"));
        Assert.Equal(200, storePromotion.Amount("amount"));
        Assert.Equal(200, first["order"]!["totals"].Amount("discount"));
        var orderId = first["order"].Str("id");
        var admin = await app.OrderAsync(orderId);
        Assert.Equal(code, Assert.Single(admin.Arr("promotions"))!.Str("code"));
        // The later completion re-issued the guest's order token.
        var store = await (await app.Store.GetOrderAsync(orderId, (await newKey.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>()).Str("orderToken")))
            .ShouldSucceedAsync();
        Assert.Equal(200, Assert.Single(store.Arr("promotions")).Amount("amount"));

        var usage = await app.Admin.GetJsonAsync($"/admin/promotions/{promotion}/usage");
        Assert.Equal(1, usage.Int("usedCount"));
        var usd = Assert.Single(usage.Arr("currencies"))!;
        Assert.Equal("USD", usd.Str("currency"));
        Assert.Equal(1, usd.Int("orders"));
        Assert.Equal(200, usd.Amount("discount"));
        Assert.Equal(first["order"]!["totals"].Amount("total"), usd.Amount("revenue"));
    }

    [Fact]
    public async Task A_single_use_code_raced_by_eight_carts_places_exactly_one_order()
    {
        var v = await app.StockedVariantAsync(20, usd: 2000);
        var promotion = await TenPercentAsync(v.ProductId);
        var code = await CodeAsync(promotion, usageLimit: 1);
        var carts = new List<string>();
        for (var i = 0; i < 8; i++) carts.Add(await PaidCartAsync(v, code));

        Assert.Equal(1, await RaceAsync(carts, app));

        Assert.Equal(1, await CodeUsedCountAsync(promotion, code));
        Assert.Equal(1, await UsedCountAsync(promotion));
        // No loser left an order or a reservation behind: once their holds lapse, only the one order's unit is out of stock.
        await ReleaseLapsedHoldsAsync();
        Assert.Equal(19, (await app.LevelAsync(v)).Int("available"));
        var orders = await app.Admin.GetJsonAsync($"/admin/promotions/{promotion}/usage");
        Assert.Equal(1, Assert.Single(orders.Arr("currencies"))!.Int("orders"));
    }

    [Fact]
    public async Task A_promotion_total_limit_holds_when_eight_carts_race_with_eight_codes()
    {
        var v = await app.StockedVariantAsync(20, usd: 2000);
        var promotion = await TenPercentAsync(v.ProductId, usageLimit: 2);
        var batch = await app.Admin.PostJsonAsync($"/admin/promotions/{promotion}/code-batches", new { count = 8 });
        var carts = new List<string>();
        foreach (var code in batch.Arr("codes")) carts.Add(await PaidCartAsync(v, code!.GetValue<string>()));

        Assert.Equal(2, await RaceAsync(carts, app));

        Assert.Equal(2, await UsedCountAsync(promotion));
        await ReleaseLapsedHoldsAsync();
        Assert.Equal(18, (await app.LevelAsync(v)).Int("available"));
    }

    [Fact]
    public async Task A_per_customer_limit_holds_when_one_guest_email_races_six_carts()
    {
        var v = await app.StockedVariantAsync(20, usd: 2000);
        var promotion = await TenPercentAsync(v.ProductId, perCustomerLimit: 1);
        var code = await CodeAsync(promotion);
        var email = $"{Given.Unique("same")}@example.com";
        var carts = new List<string>();
        for (var i = 0; i < 6; i++) carts.Add(await PaidCartAsync(v, code, i % 2 == 0 ? email : email.ToUpperInvariant()));

        Assert.Equal(1, await RaceAsync(carts, app));

        Assert.Equal(1, await UsedCountAsync(promotion));
        var other = await PaidCartAsync(v, code, $"{Given.Unique("other")}@example.com");
        Assert.Equal(HttpStatusCode.Created, (await app.Store.CompleteAsync(other)).StatusCode);
        Assert.Equal(2, await UsedCountAsync(promotion));
    }

    [Fact]
    public async Task A_used_up_per_customer_limit_refuses_the_code_when_it_is_applied_not_only_at_checkout()
    {
        var v = await app.StockedVariantAsync(20, usd: 2000);
        var promotion = await TenPercentAsync(v.ProductId, perCustomerLimit: 1);
        var code = await CodeAsync(promotion);
        var email = $"{Given.Unique("once")}@example.com";
        await (await app.Store.CompleteAsync(await PaidCartAsync(v, code, email))).ShouldSucceedAsync();

        // Same shopper by email (any case): the code is refused at once.
        var again = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await app.Store.PatchJsonAsync($"/store/carts/{again}", new { email = email.ToUpperInvariant() });
        await (await app.Store.PostAsJsonAsync($"/store/carts/{again}/promotion-codes", new { code }))
            .ShouldBeProblemAsync(400, "promotion_code_invalid");

        // Applied under another email: the discount goes as soon as the cart names the shopper who used it up.
        var early = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        var applied = await (await app.Store.PostAsJsonAsync($"/store/carts/{early}/promotion-codes", new { code })).ShouldSucceedAsync();
        Assert.Equal(200, applied["totals"].Amount("discount"));
        var known = await app.Store.PatchJsonAsync($"/store/carts/{early}", new { email });
        Assert.Equal(0, known["totals"].Amount("discount"));
        Assert.Empty(known.Arr("promotions"));

        // Another shopper still gets it.
        var other = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await app.Store.PatchJsonAsync($"/store/carts/{other}", new { email = $"{Given.Unique("new")}@example.com" });
        var theirs = await (await app.Store.PostAsJsonAsync($"/store/carts/{other}/promotion-codes", new { code })).ShouldSucceedAsync();
        Assert.Equal(200, theirs["totals"].Amount("discount"));
    }

    [Fact]
    public async Task Canceling_an_order_gives_its_usage_back_and_the_code_can_be_used_again()
    {
        var v = await app.StockedVariantAsync(10, usd: 2000);
        var promotion = await TenPercentAsync(v.ProductId, perCustomerLimit: 1);
        var code = await CodeAsync(promotion, usageLimit: 1);
        var email = $"{Given.Unique("again")}@example.com";
        var placed = await (await app.Store.CompleteAsync(await PaidCartAsync(v, code, email))).ShouldSucceedAsync();

        await (await app.PostOrderAsync(placed["order"].Str("id"), "cancel")).ShouldSucceedAsync();

        Assert.Equal(0, await UsedCountAsync(promotion));
        Assert.Equal(0, await CodeUsedCountAsync(promotion, code));
        Assert.Empty((await app.Admin.GetJsonAsync($"/admin/promotions/{promotion}/usage")).Arr("currencies"));
        var second = await app.Store.CompleteAsync(await PaidCartAsync(v, code, email));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(1, await CodeUsedCountAsync(promotion, code));
    }

    [Fact]
    public async Task With_KeepUsageOnCancel_a_canceled_order_keeps_its_usage()
    {
        var v = await app.StockedVariantAsync(10, usd: 2000);
        var promotion = await TenPercentAsync(v.ProductId);
        var code = await CodeAsync(promotion, usageLimit: 1);
        var placed = await (await app.Store.CompleteAsync(await PaidCartAsync(v, code))).ShouldSucceedAsync();
        var options = app.Services.GetRequiredService<IOptions<PromotionOptions>>().Value;
        options.KeepUsageOnCancel = true;
        try
        {
            await (await app.PostOrderAsync(placed["order"].Str("id"), "cancel")).ShouldSucceedAsync();
        }
        finally
        {
            options.KeepUsageOnCancel = false;
        }

        Assert.Equal(1, await UsedCountAsync(promotion));
        Assert.Equal(1, await CodeUsedCountAsync(promotion, code));
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.PostAsJsonAsync($"/store/carts/{cartId}/promotion-codes", new { code })).ShouldBeProblemAsync(400, "promotion_code_invalid");
    }

    [Fact]
    public async Task Refunding_one_unit_of_a_discounted_line_refunds_what_was_paid_for_it()
    {
        var v = await app.StockedVariantAsync(10, usd: 1000);
        await PromotionAsync(new
        {
            name = "Quarter off", action = new { type = "items_percentage", percentBasisPoints = 2500 },
            conditions = new { productIds = new[] { v.ProductId } },
        });
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 2));
        var placed = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        var orderId = placed["order"].Str("id");
        var line = placed["order"].Arr("items").Single()!;
        Assert.Equal(500, line.Amount("discount"));
        await (await app.PostOrderAsync(orderId, "capture", new { })).ShouldSucceedAsync();

        var refunded = await (await app.PostOrderAsync(orderId, "refunds", new { items = new[] { new { lineId = line.Str("id"), quantity = 1 } } }))
            .ShouldSucceedAsync();

        // Half the line's total: after its 25% discount and with its tax, never the 1000 list price.
        Assert.Equal(line.Amount("total") / 2, refunded["totals"].Money("refunded"));
        Assert.True(refunded["totals"].Money("refunded") < 1000);
    }
}

public sealed class PromotionUsageOnSqlite(SqliteApp app) : PromotionUsageTests(app), IClassFixture<SqliteApp>;

public sealed class PromotionUsageOnPostgres(PostgresApp app) : PromotionUsageTests(app), IClassFixture<PostgresApp>;
