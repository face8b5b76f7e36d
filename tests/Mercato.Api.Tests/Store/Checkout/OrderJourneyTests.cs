using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Mercato.Api.Tests.Store.Checkout;

/// <summary>The whole life of an order: browse, cart, pay, complete, read, then capture, fulfil, ship, deliver, refund and return.</summary>
public abstract class OrderJourneyTests(MercatoApp app)
{
    private async Task<JsonNode> AdminPostAsync(string url, object body) =>
        await (await app.Admin.PostAsJsonAsync(url, body)).ShouldSucceedAsync();

    [Fact]
    public async Task A_guest_buys_and_the_merchant_captures_fulfils_ships_delivers_refunds_and_takes_a_return()
    {
        var v = await app.StockedVariantAsync(onHand: 10, usd: 3000);
        var product = await app.Store.GetJsonAsync($"/store/products/{v.Handle}?region={app.UsRegionId}");
        Assert.Equal(v.VariantId, product.Arr("variants")[0].Str("id"));

        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 3));
        var options = await app.Store.GetJsonAsync($"/store/carts/{cartId}/shipping-options");
        Assert.NotEmpty(options.Arr("items"));
        var completed = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        var orderId = completed["order"].Str("id");
        var token = completed.Str("orderToken");
        var total = completed["order"]!["totals"]!.Amount("total");

        var captured = await AdminPostAsync($"/admin/orders/{orderId}/capture", new { });
        Assert.Equal("captured", captured.Str("paymentStatus"));

        var lineId = captured.Arr("items")[0].Str("id");
        var fulfilled = await AdminPostAsync($"/admin/orders/{orderId}/fulfillments",
            new { items = new[] { new { lineId, quantity = 3 } }, locationId = v.LocationId });
        Assert.Equal("fulfilled", fulfilled.Str("fulfillmentStatus"));
        var level = await app.LevelAsync(v);
        Assert.Equal(7, level.Int("onHand"));
        Assert.Equal(0, level.Int("reserved"));

        var fulfillmentId = fulfilled.Arr("fulfillments")[0].Str("id");
        var shipped = await AdminPostAsync($"/admin/orders/{orderId}/fulfillments/{fulfillmentId}/ship",
            new { carrier = "UPS", trackingNumber = "1Z999" });
        Assert.Equal("shipped", shipped.Str("fulfillmentStatus"));
        var delivered = await AdminPostAsync($"/admin/orders/{orderId}/fulfillments/{fulfillmentId}/deliver", new { });
        Assert.Equal("delivered", delivered.Str("fulfillmentStatus"));

        var refunded = await AdminPostAsync($"/admin/orders/{orderId}/refunds", new { amount = 500, reason = "goodwill" });
        Assert.Equal("partially_refunded", refunded.Str("paymentStatus"));
        await (await app.Admin.PostAsJsonAsync($"/admin/orders/{orderId}/refunds", new { amount = total }))
            .ShouldBeProblemAsync(409, "refund_exceeds_captured");

        var requested = await AdminPostAsync($"/admin/orders/{orderId}/returns",
            new { items = new[] { new { lineId, quantity = 1 } }, reason = "too small" });
        var returnId = requested.Arr("returns")[0].Str("id");
        await AdminPostAsync($"/admin/orders/{orderId}/returns/{returnId}/receive", new { restock = true, refundAmount = 3000 });
        Assert.Equal(8, (await app.LevelAsync(v)).Int("onHand"));

        var shopperView = await (await app.Store.GetOrderAsync(orderId, token)).ShouldSucceedAsync();
        Assert.Equal(3500, shopperView["totals"]!.Amount("refunded"));
        Assert.Equal("UPS", shopperView.Arr("fulfillments")[0].Str("carrier"));

        var detail = await app.Admin.GetJsonAsync($"/admin/orders/{orderId}");
        Assert.True(detail.Arr("timeline").Count >= 7);
    }

    [Fact]
    public async Task Canceling_an_order_voids_its_payment_and_releases_its_stock()
    {
        var v = await app.StockedVariantAsync(onHand: 4);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 4));
        var orderId = (await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync())["order"].Str("id");
        Assert.Equal(0, (await app.LevelAsync(v)).Int("available"));

        var canceled = await AdminPostAsync($"/admin/orders/{orderId}/cancel", new { });

        Assert.Equal("canceled", canceled.Str("status"));
        Assert.Equal("canceled", canceled.Str("paymentStatus"));
        Assert.Equal(4, (await app.LevelAsync(v)).Int("available"));
    }

    [Fact]
    public async Task Later_catalog_changes_do_not_rewrite_a_placed_order()
    {
        var v = await app.StockedVariantAsync(onHand: 4, usd: 1500);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        var completed = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        var orderId = completed["order"].Str("id");

        await app.Admin.PatchJsonAsync($"/admin/products/{v.ProductId}", new { title = "Renamed" });
        await app.Admin.PatchJsonAsync($"/admin/products/{v.ProductId}/variants/{v.VariantId}",
            new { prices = new[] { new { amount = 9999, currency = "USD" } } });

        var order = await (await app.Store.GetOrderAsync(orderId, completed.Str("orderToken"))).ShouldSucceedAsync();
        Assert.Equal(1500, order.Arr("items")[0].Amount("unitPrice"));
        Assert.Equal(completed["order"]!.Arr("items")[0].Str("productTitle"), order.Arr("items")[0].Str("productTitle"));
    }

    [Fact]
    public async Task A_client_sent_price_is_refused_and_the_order_uses_the_catalog_price()
    {
        var v = await app.StockedVariantAsync(onHand: 4, usd: 4200);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.PostAsJsonAsync($"/store/carts/{cartId}/line-items",
            new { variantId = v.VariantId, quantity = 1, unitPrice = new { amount = 1, currency = "USD" } }))
            .ShouldBeProblemAsync(400, "unknown_field");

        var order = (await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync())["order"]!;
        Assert.Equal(4200, order.Arr("items")[0].Amount("unitPrice"));
        Assert.Equal(1, order.Arr("items")[0].Int("quantity"));
    }
}

public sealed class OrderJourneyOnSqlite(SqliteApp app) : OrderJourneyTests(app), IClassFixture<SqliteApp>;

public sealed class OrderJourneyOnPostgres(PostgresApp app) : OrderJourneyTests(app), IClassFixture<PostgresApp>;
