using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mercato.Api.Tests.Admin.Orders;
using Mercato.Api.Tests.Store.Checkout;

namespace Mercato.Api.Tests.Store.GiftCards;

/// <summary>Gift cards: issued in the back office, applied to carts, spent at completion, credited back by refunds.</summary>
public abstract partial class GiftCardTests(MercatoApp app)
{
    [GeneratedRegex("^GC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex CodeShape();

    private async Task<(string Id, string Code)> IssueAsync(long amount, string currency = "USD", DateTimeOffset? expiresAt = null)
    {
        var card = await (await app.Admin.PostAsJsonAsync("/admin/gift-cards", new { amount, currency, expiresAt, note = "test" }))
            .ShouldSucceedAsync();
        return (card.Str("id"), card.Str("code"));
    }

    private Task<HttpResponseMessage> ApplyAsync(string cartId, string code) =>
        app.Store.PostAsJsonAsync($"/store/carts/{cartId}/gift-cards", new { code });

    private async Task<JsonNode> CardAsync(string id) => await app.Admin.GetJsonAsync($"/admin/gift-cards/{id}");

    private static void LedgerAddsUp(JsonNode card) =>
        Assert.Equal(card.Money("balance"), card.Arr("transactions").Sum(t => t.Money("amount")));

    [Fact]
    public async Task Issuing_shows_the_code_once_and_the_ledger_adds_up_to_the_balance()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/gift-cards", new { amount = 5000, currency = "usd", note = "goodwill" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.ShouldSucceedAsync();
        var code = issued.Str("code");
        Assert.Matches(CodeShape(), code);
        Assert.Equal(code[^4..], issued.Str("last4"));
        Assert.Equal("USD", issued.Str("currency"));
        Assert.Equal("active", issued.Str("status"));

        var card = await CardAsync(issued.Str("id"));
        Assert.Null(card["code"]);
        Assert.Equal(5000, card.Money("balance"));
        Assert.Equal("issued", Assert.Single(card.Arr("transactions"))!.Str("kind"));
        LedgerAddsUp(card);

        var found = await app.Admin.GetJsonAsync($"/admin/gift-cards?last4={code[^4..].ToLowerInvariant()}");
        var item = Assert.Single(found.Arr("items"), i => i!.Str("id") == issued.Str("id"))!;
        Assert.Null(item["code"]);
        Assert.DoesNotContain(code, found.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adjustments_and_disabling_use_if_match_and_never_take_the_balance_below_zero()
    {
        var (id, _) = await IssueAsync(1000);
        var card = await CardAsync(id);
        var version = card.Int("version");

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/admin/gift-cards/{id}/adjustments") { Content = JsonContent.Create(new { amount = 5, reason = "x" }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version + 7}\""));
        await (await app.Admin.SendAsync(stale)).ShouldBeProblemAsync(412, "version_conflict");

        await (await app.Admin.PostAsJsonAsync($"/admin/gift-cards/{id}/adjustments", new { amount = -1001, reason = "too much" }))
            .ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Admin.PostAsJsonAsync($"/admin/gift-cards/{id}/adjustments", new { amount = 250 }))
            .ShouldBeProblemAsync(400, "validation_failed");
        var adjusted = await (await app.Admin.PostAsJsonAsync($"/admin/gift-cards/{id}/adjustments", new { amount = -400, reason = "partial use in store" }))
            .ShouldSucceedAsync();
        Assert.Equal(600, adjusted.Money("balance"));
        Assert.Equal("adjusted", adjusted.Arr("transactions")[^1]!.Str("kind"));
        LedgerAddsUp(adjusted);

        var disabled = await (await app.Admin.PostAsync($"/admin/gift-cards/{id}/disable", null)).ShouldSucceedAsync();
        Assert.Equal("disabled", disabled.Str("status"));
        var list = await app.Admin.GetJsonAsync("/admin/gift-cards?status=disabled&limit=100");
        Assert.Contains(list.Arr("items"), i => i!.Str("id") == id);
        Assert.DoesNotContain((await app.Admin.GetJsonAsync("/admin/gift-cards?status=active&limit=100")).Arr("items"), i => i!.Str("id") == id);
    }

    [Fact]
    public async Task Every_card_that_cannot_pay_gets_the_same_problem_and_leaves_the_cart_as_it_was()
    {
        var variant = await app.StockedVariantAsync(100, usd: 2000);
        var cartId = await app.ReadyCartAsync(app.Store, (variant.VariantId, 1));
        var before = await app.Store.GetJsonAsync($"/store/carts/{cartId}");

        var (disabledId, disabled) = await IssueAsync(1000);
        await (await app.Admin.PostAsync($"/admin/gift-cards/{disabledId}/disable", null)).ShouldSucceedAsync();
        var (_, euro) = await IssueAsync(1000, "EUR");
        var (emptyId, empty) = await IssueAsync(1000);
        await (await app.Admin.PostAsJsonAsync($"/admin/gift-cards/{emptyId}/adjustments", new { amount = -1000, reason = "used" })).ShouldSucceedAsync();
        var (_, expired) = await IssueAsync(1000, expiresAt: app.Clock.GetUtcNow().AddMinutes(1));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        string[] codes = ["GC-0000-0000-0000-0000", "not a code", disabled, euro, empty, expired];
        var details = new HashSet<string>();
        foreach (var code in codes)
            details.Add((await (await ApplyAsync(cartId, code)).ShouldBeProblemAsync(400, "gift_card_invalid")).Str("detail"));
        Assert.Single(details);

        var after = await app.Store.GetJsonAsync($"/store/carts/{cartId}");
        Assert.Equal(before.Int("version"), after.Int("version"));
        Assert.Empty(after.Arr("giftCards"));
        Assert.Equal(after["totals"].Amount("total"), after.Amount("amountDue"));
    }

    [Fact]
    public async Task A_partly_used_card_pays_after_tax_and_a_refund_goes_back_to_the_card_first()
    {
        var variant = await app.StockedVariantAsync(100, usd: 2500);
        var cartId = await app.ReadyCartAsync(app.Store, (variant.VariantId, 1));
        var (cardId, code) = await IssueAsync(1000);

        // Lower case and without dashes is still the code.
        var cart = await (await ApplyAsync(cartId, code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant())).ShouldSucceedAsync();
        var total = cart["totals"].Amount("total");
        Assert.True(total > 1000);
        var applied = Assert.Single(cart.Arr("giftCards"))!;
        Assert.Equal(cardId, applied.Str("id"));
        Assert.Equal(code[^4..], applied.Str("last4"));
        Assert.Equal(1000, applied.Amount("applied"));
        Assert.Equal(0, applied.Amount("balanceAfter"));
        Assert.Equal(total - 1000, cart.Amount("amountDue"));
        Assert.Equal(0, cart["totals"].Amount("discount"));
        CheckoutTestData.ShouldAddUp(cart["totals"]!);

        var payment = await (await app.Store.PayAsync(cartId)).ShouldSucceedAsync();
        Assert.Equal(total - 1000, payment.Amount("amount"));
        var placed = await (await app.Store.CompleteAsync(cartId)).ShouldSucceedAsync();
        var orderId = placed["order"].Str("id");
        Assert.Equal(1000, placed["order"]!["totals"].Amount("giftCards"));

        var card = await CardAsync(cardId);
        Assert.Equal(0, card.Money("balance"));
        var redeemed = card.Arr("transactions").Single(t => t!.Str("kind") == "redeemed")!;
        Assert.Equal(-1000, redeemed.Money("amount"));
        Assert.Equal(orderId, redeemed.Str("orderId"));
        LedgerAddsUp(card);

        var order = await (await app.PostOrderAsync(orderId, "capture", new { })).ShouldSucceedAsync();
        Assert.Equal(total, order["totals"].Money("captured"));
        Assert.Equal(total - 1000, (await app.PaymentAsync(payment.Str("id"))).Captured.Amount);

        // 1,500 back: 1,000 to the card (all it paid), 500 to the payment.
        order = await (await app.PostOrderAsync(orderId, "refunds", new { amount = 1500 })).ShouldSucceedAsync();
        Assert.Equal(1500, order["totals"].Money("refunded"));
        Assert.Equal("partially_refunded", order.Str("paymentStatus"));
        Assert.Equal(500, (await app.PaymentAsync(payment.Str("id"))).Refunded.Amount);
        card = await CardAsync(cardId);
        Assert.Equal(1000, card.Money("balance"));
        Assert.Equal(1000, card.Arr("transactions").Single(t => t!.Str("kind") == "refunded")!.Money("amount"));
        LedgerAddsUp(card);

        // The rest goes to the payment only: the card never gets more than it paid.
        order = await (await app.PostOrderAsync(orderId, "refunds", new { })).ShouldSucceedAsync();
        Assert.Equal(total, order["totals"].Money("refunded"));
        Assert.Equal("refunded", order.Str("paymentStatus"));
        Assert.Equal(total - 1000, (await app.PaymentAsync(payment.Str("id"))).Refunded.Amount);
        Assert.Equal(1000, (await CardAsync(cardId)).Money("balance"));
    }

    [Fact]
    public async Task Cards_covering_the_whole_total_place_a_captured_order_without_a_payment_provider()
    {
        var variant = await app.StockedVariantAsync(100, usd: 2000);
        var cartId = await app.ReadyCartAsync(app.Store, (variant.VariantId, 1));
        var (firstId, first) = await IssueAsync(1500);
        var (secondId, second) = await IssueAsync(100_000);
        await (await ApplyAsync(cartId, first)).ShouldSucceedAsync();
        var cart = await (await ApplyAsync(cartId, second)).ShouldSucceedAsync();
        var total = cart["totals"].Amount("total");

        // Applied in the order they were added: the first gives all it has, the second the rest.
        var cards = cart.Arr("giftCards");
        Assert.Equal([firstId, secondId], cards.Select(c => c!.Str("id")));
        Assert.Equal(1500, cards[0]!.Amount("applied"));
        Assert.Equal(total - 1500, cards[1]!.Amount("applied"));
        Assert.Equal(100_000 - (total - 1500), cards[1]!.Amount("balanceAfter"));
        Assert.Equal(0, cart.Amount("amountDue"));

        await (await app.Store.PayAsync(cartId)).ShouldBeProblemAsync(409, "payment_not_required");
        var response = await app.Store.CompleteAsync(cartId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await app.OrderAsync((await response.ShouldSucceedAsync())["order"].Str("id"));
        Assert.Equal("captured", order.Str("paymentStatus"));
        Assert.Equal(total, order["totals"].Money("captured"));
        Assert.Equal(total, order["totals"].Money("giftCards"));
        Assert.Equal(0, (await CardAsync(firstId)).Money("balance"));
        Assert.Equal(100_000 - (total - 1500), (await CardAsync(secondId)).Money("balance"));

        // Canceling gives each card back what it paid.
        order = await (await app.PostOrderAsync(order.Str("id"), "cancel")).ShouldSucceedAsync();
        Assert.Equal("refunded", order.Str("paymentStatus"));
        Assert.Equal(1500, (await CardAsync(firstId)).Money("balance"));
        var secondCard = await CardAsync(secondId);
        Assert.Equal(100_000, secondCard.Money("balance"));
        LedgerAddsUp(secondCard);
    }

    [Fact]
    public async Task Two_carts_racing_for_one_card_place_one_order_and_the_balance_never_goes_below_zero()
    {
        var variant = await app.StockedVariantAsync(100, usd: 2000);
        var carts = new[]
        {
            await app.ReadyCartAsync(app.Store, (variant.VariantId, 1)),
            await app.ReadyCartAsync(app.Store, (variant.VariantId, 1)),
        };
        var total = (await app.Store.GetJsonAsync($"/store/carts/{carts[0]}"))["totals"].Amount("total");
        var (cardId, code) = await IssueAsync(total);
        foreach (var cartId in carts) await (await ApplyAsync(cartId, code)).ShouldSucceedAsync();

        var responses = await Task.WhenAll(carts.Select(c => Task.Run(() => app.Store.CompleteAsync(c))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Created);
        await loser.ShouldBeProblemAsync(400, "gift_card_invalid");
        var card = await CardAsync(cardId);
        Assert.Equal(0, card.Money("balance"));
        Assert.Single(card.Arr("transactions"), t => t!.Str("kind") == "redeemed");
        LedgerAddsUp(card);
        // The losing cart stays open: nothing of its completion was kept.
        var losingCart = responses[0].StatusCode == HttpStatusCode.Created ? carts[1] : carts[0];
        Assert.Null((await app.Store.GetJsonAsync($"/store/carts/{losingCart}"))["completedAt"]);
    }

    [Fact]
    public async Task Removing_a_card_puts_its_share_back_on_the_amount_due()
    {
        var variant = await app.StockedVariantAsync(100, usd: 2000);
        var cartId = await app.ReadyCartAsync(app.Store, (variant.VariantId, 1));
        var (cardId, code) = await IssueAsync(700);
        var cart = await (await ApplyAsync(cartId, code)).ShouldSucceedAsync();
        Assert.Equal(cart["totals"].Amount("total") - 700, cart.Amount("amountDue"));

        var removed = await (await app.Store.DeleteAsync($"/store/carts/{cartId}/gift-cards/{cardId}")).ShouldSucceedAsync();
        Assert.Empty(removed.Arr("giftCards"));
        Assert.Equal(removed["totals"].Amount("total"), removed.Amount("amountDue"));
        Assert.Equal(700, (await CardAsync(cardId)).Money("balance"));
    }

    [Fact]
    public async Task The_expiry_job_writes_off_expired_balances_in_the_ledger()
    {
        var (cardId, _) = await IssueAsync(1200, expiresAt: app.Clock.GetUtcNow().AddHours(1));
        var (keptId, _) = await IssueAsync(1200, expiresAt: app.Clock.GetUtcNow().AddDays(400));
        await app.RunJobsAsync();
        Assert.Equal(1200, (await CardAsync(cardId)).Money("balance"));
        app.Clock.Advance(TimeSpan.FromHours(2));

        await app.RunJobsAsync();

        var card = await CardAsync(cardId);
        Assert.Equal(0, card.Money("balance"));
        Assert.Equal(-1200, card.Arr("transactions").Single(t => t!.Str("kind") == "expired")!.Money("amount"));
        LedgerAddsUp(card);
        Assert.Equal(1200, (await CardAsync(keptId)).Money("balance"));
    }
}

public sealed class GiftCardOnSqlite(SqliteApp app) : GiftCardTests(app), IClassFixture<SqliteApp>;

public sealed class GiftCardOnPostgres(PostgresApp app) : GiftCardTests(app), IClassFixture<PostgresApp>;
