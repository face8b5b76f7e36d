using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mercato.Api.Tests.Admin.Orders;
using Mercato.Api.Tests.Store.Checkout;

namespace Mercato.Api.Tests.Store.GiftCards;

/// <summary>Gift cards sold as products (ADR 9): bought like any item, never discounted, issued and emailed at fulfilment.</summary>
public abstract partial class GiftCardProductTests(MercatoApp app)
{
    [GeneratedRegex("GC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex Code();

    /// <summary>A published gift-card product with 25.00 and 50.00 variants (no stock tracking); answers (handle, 25.00 variant id).</summary>
    private async Task<(string Handle, string Variant25, JsonNode Product)> GiftCardProductAsync()
    {
        var handle = Given.Unique("gift-card");
        var product = await app.Given.ProductAsync(new Dictionary<string, object?>
        {
            ["title"] = "Gift card", ["handle"] = handle, ["status"] = "published", ["giftCard"] = true,
            ["options"] = new[] { new { name = "Amount", values = new[] { "25", "50" } } },
            ["variants"] = new[] { 2500, 5000 }.Select(amount => new
            {
                sku = $"{handle}-{amount}".ToUpperInvariant(), title = $"{amount / 100}.00",
                options = new Dictionary<string, string> { ["Amount"] = $"{amount / 100}" }, manageInventory = false,
                prices = new[] { new { amount, currency = "USD" } },
            }).ToArray(),
        });
        return (handle, product.Arr("variants").Single(v => v.Str("sku").EndsWith("-2500", StringComparison.Ordinal))!.Str("id"), product);
    }

    private async Task<(string OrderId, string LineId, string Email)> PlaceAsync(string variantId, int quantity)
    {
        var cartId = await app.ReadyCartAsync(app.Store, (variantId, quantity));
        var email = (await app.Store.GetJsonAsync($"/store/carts/{cartId}")).Str("email");
        var placed = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        var order = placed["order"]!;
        return (order.Str("id"), order.Arr("items").Single(i => i!.Str("variantId") == variantId)!.Str("id"), email);
    }

    private Task<HttpResponseMessage> FulfilAsync(string orderId, string lineId, int quantity, string? key = null) =>
        app.PostOrderAsync(orderId, "fulfillments", new { items = new[] { new { lineId, quantity } } }, idempotencyKey: key);

    private static JsonNode LineOf(JsonNode order, string lineId) => order.Arr("items").Single(i => i!.Str("id") == lineId)!;

    private async Task<IReadOnlyList<string>> IssuedEmailsAsync(string email) =>
        [.. (await app.EmailsToAsync(email)).Where(e => e.Kind == "gift_card.issued").Select(e => e.Body)];

    [Fact]
    public async Task A_gift_card_bought_with_a_code_is_not_discounted_and_fulfilment_emails_one_card_per_unit_once()
    {
        var (handle, giftCard, product) = await GiftCardProductAsync();
        Assert.True(product["giftCard"]!.GetValue<bool>());
        var page = await app.Store.GetJsonAsync($"/store/products/{handle}?region={app.UsRegionId}");
        Assert.True(page["giftCard"]!.GetValue<bool>());
        var shirt = await app.StockedVariantAsync(100, usd: 2000);
        Assert.False((await app.Store.GetJsonAsync($"/store/products/{shirt.Handle}?region={app.UsRegionId}"))["giftCard"]!.GetValue<bool>());

        var promotion = (await app.Admin.PostJsonAsync("/admin/promotions", new
        {
            name = "Ten percent", requiresCode = true, action = new { type = "order_percentage", percentBasisPoints = 1000 },
        })).Str("id");
        var code = Given.Unique("GIFT").ToUpperInvariant();
        await app.Admin.PostJsonAsync($"/admin/promotions/{promotion}/codes", new { code });
        var cartId = await app.ReadyCartAsync(app.Store, (giftCard, 2), (shirt.VariantId, 1));
        var cart = await (await app.Store.PostAsJsonAsync($"/store/carts/{cartId}/promotion-codes", new { code })).ShouldSucceedAsync();
        var giftLine = cart.Arr("items").Single(i => i!.Str("variantId") == giftCard)!;
        Assert.True(giftLine["giftCard"]!.GetValue<bool>());
        Assert.Equal(0, giftLine.Amount("discount"));
        Assert.Equal(5000, giftLine.Amount("total"));
        Assert.Equal(200, cart.Arr("items").Single(i => i!.Str("variantId") == shirt.VariantId)!.Amount("discount"));
        Assert.Equal(200, cart["totals"].Amount("discount"));
        CheckoutTestData.ShouldAddUp(cart["totals"]!);

        var email = cart.Str("email");
        var placed = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        var orderId = placed["order"].Str("id");
        var lineId = placed["order"]!.Arr("items").Single(i => i!.Str("variantId") == giftCard)!.Str("id");
        Assert.True(LineOf(placed["order"]!, lineId)["giftCard"]!.GetValue<bool>());
        Assert.Empty(await IssuedEmailsAsync(email));

        var fulfilled = await FulfilAsync(orderId, lineId, 2, key: "fulfil-gift-cards");
        var order = await fulfilled.ShouldSucceedAsync();
        var line = LineOf(order, lineId);
        Assert.True(line["giftCard"]!.GetValue<bool>());
        var cards = line.Arr("giftCards");
        Assert.Equal(2, cards.Count);
        Assert.Contains("gift_cards_issued", order.TimelineKinds());

        // One email listing both codes; each code ends with its card's last 4; the codes appear nowhere else.
        var body = Assert.Single(await IssuedEmailsAsync(email));
        var codes = Code().Matches(body).Select(m => m.Value).ToList();
        Assert.Equal(2, codes.Distinct().Count());
        Assert.Equal(cards.Select(c => c!.Str("last4")).Order(), codes.Select(c => c[^4..]).Order());
        foreach (var card in cards)
        {
            var issued = await app.Admin.GetJsonAsync($"/admin/gift-cards/{card!.Str("id")}");
            Assert.Equal(2500, issued.Money("initialAmount"));
            Assert.Equal(2500, issued.Money("balance"));
            Assert.Equal("USD", issued.Str("currency"));
            var entry = Assert.Single(issued.Arr("transactions"))!;
            Assert.Equal("issued", entry.Str("kind"));
            Assert.Equal(orderId, entry.Str("orderId"));
        }
        var adminView = (await app.OrderAsync(orderId)).ToJsonString();
        var events = (await app.Admin.GetJsonAsync($"/admin/events?resourceId={orderId}&limit=100")).ToJsonString();
        Assert.Contains("order.fulfilled", events, StringComparison.Ordinal);
        Assert.All(codes, c => Assert.DoesNotContain(c, adminView, StringComparison.Ordinal));
        Assert.All(codes, c => Assert.DoesNotContain(c, events, StringComparison.Ordinal));

        // The same request again answers the same; a second fulfilment of the line is refused: nothing more is issued.
        var repeated = await FulfilAsync(orderId, lineId, 2, key: "fulfil-gift-cards");
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        await (await FulfilAsync(orderId, lineId, 1)).ShouldBeProblemAsync(409, "fulfillment_exceeds_ordered");
        Assert.Single(await IssuedEmailsAsync(email));
        Assert.Equal(2, LineOf(await app.OrderAsync(orderId), lineId).Arr("giftCards").Count);

        // A code pays part of another cart.
        var other = await app.ReadyCartAsync(app.Store, (shirt.VariantId, 2));
        var paying = await (await app.Store.PostAsJsonAsync($"/store/carts/{other}/gift-cards", new { code = codes[0] })).ShouldSucceedAsync();
        Assert.Equal(2500, Assert.Single(paying.Arr("giftCards"))!.Amount("applied"));
        Assert.Equal(paying["totals"].Amount("total") - 2500, paying.Amount("amountDue"));
        var second = await (await app.Store.CheckoutAsync(other)).ShouldSucceedAsync();
        Assert.Equal(2500, second["order"]!["totals"].Amount("giftCards"));

        // A cart buying a gift card cannot be paid with one, whichever came first.
        var buying = await app.ReadyCartAsync(app.Store, (giftCard, 1));
        await (await app.Store.PostAsJsonAsync($"/store/carts/{buying}/gift-cards", new { code = codes[1] }))
            .ShouldBeProblemAsync(409, "gift_card_not_allowed");
        var mixed = await app.ReadyCartAsync(app.Store, (shirt.VariantId, 1));
        await (await app.Store.PostAsJsonAsync($"/store/carts/{mixed}/gift-cards", new { code = codes[1] })).ShouldSucceedAsync();
        await app.Store.PostJsonAsync($"/store/carts/{mixed}/line-items", new { variantId = giftCard, quantity = 1 });
        await (await app.Store.PayAsync(mixed)).ShouldBeProblemAsync(409, "gift_card_not_allowed");
        await (await app.Store.CompleteAsync(mixed)).ShouldBeProblemAsync(409, "gift_card_not_allowed");
    }

    [Fact]
    public async Task Refunding_gift_card_units_takes_unfulfilled_ones_first_then_revokes_only_unspent_cards()
    {
        var (_, giftCard, _) = await GiftCardProductAsync();
        var (orderId, lineId, email) = await PlaceAsync(giftCard, 3);
        await (await app.PostOrderAsync(orderId, "capture", new { })).ShouldSucceedAsync();

        // Partial fulfilment: only the 2 units fulfilled get cards.
        var order = await (await FulfilAsync(orderId, lineId, 2)).ShouldSucceedAsync();
        var cards = LineOf(order, lineId).Arr("giftCards").Select(c => c!.Str("id")).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Single(await IssuedEmailsAsync(email));
        await (await app.PostOrderAsync(orderId, "returns", new { items = new[] { new { lineId, quantity = 1 } } }))
            .ShouldBeProblemAsync(409, "gift_card_not_returnable");

        // The first card is partly spent; refunding 2 units takes the unfulfilled one, then revokes the unspent second card.
        await (await app.Admin.PostAsJsonAsync($"/admin/gift-cards/{cards[0]}/adjustments", new { amount = -500, reason = "spent in store" }))
            .ShouldSucceedAsync();
        order = await (await app.PostOrderAsync(orderId, "refunds", new { items = new[] { new { lineId, quantity = 2 } } })).ShouldSucceedAsync();
        Assert.Equal(5000, order["totals"].Money("refunded"));
        var line = LineOf(order, lineId);
        Assert.Equal(2, line.Int("refundedQuantity"));
        Assert.Equal([false, true], line.Arr("giftCards").Select(c => c!["revoked"]!.GetValue<bool>()));
        var revoked = await app.Admin.GetJsonAsync($"/admin/gift-cards/{cards[1]}");
        Assert.Equal("disabled", revoked.Str("status"));
        Assert.Equal(0, revoked.Money("balance"));
        Assert.Equal(-2500, revoked.Arr("transactions").Single(t => t!.Str("kind") == "revoked")!.Money("amount"));

        // The refunded unfulfilled unit is never issued; the spent card cannot be revoked: refund an amount instead.
        await (await FulfilAsync(orderId, lineId, 1)).ShouldBeProblemAsync(409, "fulfillment_exceeds_ordered");
        var before = await app.OrderAsync(orderId);
        await (await app.PostOrderAsync(orderId, "refunds", new { items = new[] { new { lineId, quantity = 1 } } }))
            .ShouldBeProblemAsync(409, "gift_card_spent");
        Assert.Equal(before["totals"].Money("refunded"), (await app.OrderAsync(orderId))["totals"].Money("refunded"));
        order = await (await app.PostOrderAsync(orderId, "refunds", new { amount = 2000 })).ShouldSucceedAsync();
        Assert.Equal(7000, order["totals"].Money("refunded"));
        Assert.Equal("active", (await app.Admin.GetJsonAsync($"/admin/gift-cards/{cards[0]}")).Str("status"));
        Assert.Single(await IssuedEmailsAsync(email));
    }

    [Fact]
    public async Task Canceling_before_fulfilment_issues_nothing()
    {
        var (_, giftCard, _) = await GiftCardProductAsync();
        var (orderId, lineId, email) = await PlaceAsync(giftCard, 1);

        var order = await (await app.PostOrderAsync(orderId, "cancel")).ShouldSucceedAsync();

        Assert.Equal("canceled", order.Str("status"));
        Assert.Empty(LineOf(order, lineId).Arr("giftCards"));
        Assert.Empty(await IssuedEmailsAsync(email));
        await (await FulfilAsync(orderId, lineId, 1)).ShouldBeProblemAsync(409, "order_not_open");
    }
}

public sealed class GiftCardProductOnSqlite(SqliteApp app) : GiftCardProductTests(app), IClassFixture<SqliteApp>;

public sealed class GiftCardProductOnPostgres(PostgresApp app) : GiftCardProductTests(app), IClassFixture<PostgresApp>;
