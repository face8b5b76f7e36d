namespace Mercato.Api.Tests.Admin.Orders;

/// <summary>Fulfilments consume reserved stock; shipping, delivery and returns (with or without restock) follow.</summary>
public abstract class FulfillmentAndReturnTests(MercatoApp app)
{
    [Fact]
    public async Task A_fulfilment_consumes_the_reserved_stock_at_its_location()
    {
        var paid = await app.PlacePaidAsync(quantity: 2, onHand: 10);

        var order = await (await app.PostOrderAsync(paid.Id, "fulfillments", new
        {
            items = new[] { new { lineId = paid.LineId, quantity = 2 } }, carrier = "UPS", trackingNumber = "1Z999",
        })).ShouldSucceedAsync();

        Assert.Equal("fulfilled", order.Str("fulfillmentStatus"));
        var fulfillment = order.Arr("fulfillments")[0]!;
        Assert.Equal(paid.LocationId, fulfillment.Str("locationId"));
        Assert.Equal("1Z999", fulfillment.Str("trackingNumber"));
        Assert.Equal(2, order.Arr("items")[0].Int("fulfilledQuantity"));
        Assert.Equal(8, await app.OnHandAsync(paid.Sku, paid.LocationId));
        Assert.Equal(8, await app.AvailableAsync(paid.Sku));
        Assert.Contains("fulfillment_created", order.TimelineKinds());
    }

    [Fact]
    public async Task Fulfilling_more_than_ordered_minus_fulfilled_is_409_and_takes_no_stock()
    {
        var paid = await app.PlacePaidAsync(quantity: 2, onHand: 10);
        await (await app.PostOrderAsync(paid.Id, "fulfillments", new { items = new[] { new { lineId = paid.LineId, quantity = 1 } } })).ShouldSucceedAsync();
        var before = await app.OrderAsync(paid.Id);
        Assert.Equal("partially_fulfilled", before.Str("fulfillmentStatus"));

        await (await app.PostOrderAsync(paid.Id, "fulfillments", new { items = new[] { new { lineId = paid.LineId, quantity = 2 } } }))
            .ShouldBeProblemAsync(409, "fulfillment_exceeds_ordered");

        await app.Admin.ShouldBeUnchangedAsync($"/admin/orders/{paid.Id}", before);
        Assert.Equal(9, await app.OnHandAsync(paid.Sku, paid.LocationId));
    }

    [Theory]
    [InlineData("""{"items":[]}""", "items")]
    [InlineData("""{"items":[{"lineId":"oline_x","quantity":0}]}""", "items[0].quantity")]
    [InlineData("""{"items":[{"quantity":1}]}""", "items[0].lineId")]
    public async Task A_bad_fulfilment_body_is_400_naming_the_field(string body, string field)
    {
        var paid = await app.PlacePaidAsync();

        var response = await app.Admin.SendRawAsync(HttpMethod.Post, $"/admin/orders/{paid.Id}/fulfillments", body);

        Assert.NotNull((await response.ShouldBeProblemAsync(400, "validation_failed"))["errors"]?[field]);
    }

    [Fact]
    public async Task Ship_then_deliver_completes_the_order_and_refused_steps_are_409()
    {
        var paid = await app.PlacePaidAsync(quantity: 1);
        var fulfilled = await (await app.PostOrderAsync(paid.Id, "fulfillments", new { items = new[] { new { lineId = paid.LineId, quantity = 1 } } }))
            .ShouldSucceedAsync();
        var fulfillmentId = fulfilled.Arr("fulfillments")[0].Str("id");

        await (await app.PostOrderAsync(paid.Id, $"fulfillments/{fulfillmentId}/deliver")).ShouldBeProblemAsync(409, "fulfillment_not_shipped");
        var shipped = await (await app.PostOrderAsync(paid.Id, $"fulfillments/{fulfillmentId}/ship", new { carrier = "DHL", trackingNumber = "JD01" }))
            .ShouldSucceedAsync();
        Assert.Equal("shipped", shipped.Str("fulfillmentStatus"));
        Assert.Equal("DHL", shipped.Arr("fulfillments")[0].Str("carrier"));
        await (await app.PostOrderAsync(paid.Id, $"fulfillments/{fulfillmentId}/ship", new { })).ShouldBeProblemAsync(409, "fulfillment_already_shipped");

        var delivered = await (await app.PostOrderAsync(paid.Id, $"fulfillments/{fulfillmentId}/deliver")).ShouldSucceedAsync();

        Assert.Equal("delivered", delivered.Str("fulfillmentStatus"));
        Assert.Equal("completed", delivered.Str("status"));
        Assert.Equal(["placed", "fulfillment_created", "fulfillment_shipped", "fulfillment_delivered", "completed"], delivered.TimelineKinds());
        await (await app.PostOrderAsync(paid.Id, $"fulfillments/{fulfillmentId}/deliver")).ShouldBeProblemAsync(409, "fulfillment_already_delivered");
        await (await app.PostOrderAsync(paid.Id, "cancel")).ShouldBeProblemAsync(409, "order_not_cancelable");
        await (await app.PostOrderAsync(paid.Id, "fulfillments/ful_00000000000000000000000000/ship", new { })).ShouldBeProblemAsync(404, "not_found");

        var store = await GuestRead(paid);
        Assert.Equal("JD01", store.Arr("fulfillments")[0].Str("trackingNumber"));
    }

    [Fact]
    public async Task A_return_received_with_restock_puts_stock_back_and_refunds()
    {
        var paid = await ShippedAsync(quantity: 2, onHand: 10);
        var requested = await (await app.PostOrderAsync(paid.Id, "returns", new { items = new[] { new { lineId = paid.LineId, quantity = 2 } }, reason = "too small" }))
            .ShouldSucceedAsync();
        var returnId = requested.Arr("returns")[0].Str("id");
        Assert.Equal("requested", requested.Arr("returns")[0].Str("status"));
        Assert.Equal(8, await app.OnHandAsync(paid.Sku, paid.LocationId));

        var received = await (await app.PostOrderAsync(paid.Id, $"returns/{returnId}/receive", new { restock = true, refundAmount = 2200 }))
            .ShouldSucceedAsync();

        Assert.Equal("received", received.Arr("returns")[0].Str("status"));
        Assert.Equal("returned", received.Str("fulfillmentStatus"));
        Assert.Equal(2200, received["totals"].Money("refunded"));
        Assert.Equal("partially_refunded", received.Str("paymentStatus"));
        Assert.Equal(10, await app.OnHandAsync(paid.Sku, paid.LocationId));
        Assert.Equal(2200, (await app.PaymentAsync(paid.PaymentId)).Refunded.Amount);
        Assert.Contains("return_received", received.TimelineKinds());
        await (await app.PostOrderAsync(paid.Id, $"returns/{returnId}/receive", new { restock = true })).ShouldBeProblemAsync(409, "return_already_received");
    }

    [Fact]
    public async Task A_return_received_without_restock_leaves_stock_as_it_is()
    {
        var paid = await ShippedAsync(quantity: 2, onHand: 10);
        var requested = await (await app.PostOrderAsync(paid.Id, "returns", new { items = new[] { new { lineId = paid.LineId, quantity = 1 } } }))
            .ShouldSucceedAsync();

        var received = await (await app.PostOrderAsync(paid.Id, $"returns/{requested.Arr("returns")[0].Str("id")}/receive", new { restock = false }))
            .ShouldSucceedAsync();

        Assert.Equal(8, await app.OnHandAsync(paid.Sku, paid.LocationId));
        Assert.False(received.Arr("returns")[0]!["restock"]!.GetValue<bool>());
        Assert.Equal("shipped", received.Str("fulfillmentStatus"));
        Assert.Equal(0, received["totals"].Money("refunded"));
    }

    [Fact]
    public async Task Returns_are_limited_to_shipped_items_and_refunds_to_the_captured_amount()
    {
        var paid = await app.PlacePaidAsync(quantity: 2);
        await (await app.PostOrderAsync(paid.Id, "returns", new { items = new[] { new { lineId = paid.LineId, quantity = 1 } } }))
            .ShouldBeProblemAsync(409, "return_exceeds_shipped");
        var shipped = await ShippedAsync(quantity: 1, onHand: 5);
        var requested = await (await app.PostOrderAsync(shipped.Id, "returns", new { items = new[] { new { lineId = shipped.LineId, quantity = 1 } } }))
            .ShouldSucceedAsync();

        await (await app.PostOrderAsync(shipped.Id, $"returns/{requested.Arr("returns")[0].Str("id")}/receive", new { restock = true, refundAmount = shipped.Total + 1 }))
            .ShouldBeProblemAsync(409, "refund_exceeds_captured");
        await (await app.PostOrderAsync(shipped.Id, "returns/oret_00000000000000000000000000/receive", new { restock = true })).ShouldBeProblemAsync(404, "not_found");
    }

    private async Task<PaidOrder> ShippedAsync(int quantity, int onHand)
    {
        var paid = await app.PlacePaidAsync(quantity: quantity, onHand: onHand);
        await (await app.PostOrderAsync(paid.Id, "capture", new { })).ShouldSucceedAsync();
        var fulfilled = await (await app.PostOrderAsync(paid.Id, "fulfillments", new { items = new[] { new { lineId = paid.LineId, quantity } } }))
            .ShouldSucceedAsync();
        await (await app.PostOrderAsync(paid.Id, $"fulfillments/{fulfilled.Arr("fulfillments")[0].Str("id")}/ship", new { })).ShouldSucceedAsync();
        return paid;
    }

    private async Task<JsonNode> GuestRead(PaidOrder paid)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/store/orders/{paid.Id}");
        request.Headers.Add("X-Order-Token", paid.Placed.OrderToken);
        return await (await app.Store.SendAsync(request)).ShouldSucceedAsync();
    }
}

public sealed class FulfillmentAndReturnOnSqlite(SqliteApp app) : FulfillmentAndReturnTests(app), IClassFixture<SqliteApp>;

public sealed class FulfillmentAndReturnOnPostgres(PostgresApp app) : FulfillmentAndReturnTests(app), IClassFixture<PostgresApp>;
