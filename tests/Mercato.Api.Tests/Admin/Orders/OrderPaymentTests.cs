namespace Mercato.Api.Tests.Admin.Orders;

/// <summary>Capture, refunds and cancel against the real <c>test</c> payment provider and Inventory's reservations.</summary>
public abstract class OrderPaymentTests(MercatoApp app)
{
    [Fact]
    public async Task Capture_takes_the_whole_authorized_total_and_records_it_on_the_timeline()
    {
        var paid = await app.PlacePaidAsync();

        var response = await app.PostOrderAsync(paid.Id, "capture", new { });

        var order = await response.ShouldSucceedAsync();
        Assert.Equal("captured", order.Str("paymentStatus"));
        Assert.Equal(paid.Total, order["totals"].Money("captured"));
        Assert.Equal($"\"{order.Int("version")}\"", response.Headers.ETag?.Tag);
        Assert.Equal(["placed", "payment_captured"], order.TimelineKinds());
        Assert.StartsWith("key_", order.Arr("timeline")[1].Str("actor"));
        Assert.Equal(paid.Total, (await app.PaymentAsync(paid.PaymentId)).Captured.Amount);
    }

    [Fact]
    public async Task A_partial_capture_takes_only_the_amount()
    {
        var paid = await app.PlacePaidAsync();

        var order = await (await app.PostOrderAsync(paid.Id, "capture", new { amount = 1000 })).ShouldSucceedAsync();

        Assert.Equal(1000, order["totals"].Money("captured"));
        Assert.Equal(1000, (await app.PaymentAsync(paid.PaymentId)).Captured.Amount);
    }

    [Fact]
    public async Task Capturing_twice_or_more_than_the_total_is_409()
    {
        var paid = await app.PlacePaidAsync();

        await (await app.PostOrderAsync(paid.Id, "capture", new { amount = paid.Total + 1 })).ShouldBeProblemAsync(409, "capture_exceeds_authorized");
        await (await app.PostOrderAsync(paid.Id, "capture", new { })).ShouldSucceedAsync();
        await (await app.PostOrderAsync(paid.Id, "capture", new { })).ShouldBeProblemAsync(409, "payment_not_capturable");
        await (await app.PostOrderAsync(paid.Id, "capture", new { amount = 0 })).ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        var paid = await app.PlacePaidAsync();
        var before = await app.OrderAsync(paid.Id);

        await (await app.PostOrderAsync(paid.Id, "capture", new { }, ifMatch: "\"99\"")).ShouldBeProblemAsync(412, "version_conflict");

        await app.Admin.ShouldBeUnchangedAsync($"/admin/orders/{paid.Id}", before);
        Assert.Equal(0, (await app.PaymentAsync(paid.PaymentId)).Captured.Amount);
    }

    [Fact]
    public async Task Partial_then_full_refunds_never_exceed_what_was_captured()
    {
        var paid = await app.PlacePaidAsync();
        await (await app.PostOrderAsync(paid.Id, "capture", new { amount = 1500 })).ShouldSucceedAsync();

        await (await app.PostOrderAsync(paid.Id, "refunds", new { amount = 1501 })).ShouldBeProblemAsync(409, "refund_exceeds_captured");
        var partial = await (await app.PostOrderAsync(paid.Id, "refunds", new { amount = 500, reason = "scratched" })).ShouldSucceedAsync();
        Assert.Equal("partially_refunded", partial.Str("paymentStatus"));
        Assert.Equal(500, partial["totals"].Money("refunded"));
        Assert.Equal("scratched", partial.Arr("refunds")[0].Str("reason"));
        await (await app.PostOrderAsync(paid.Id, "refunds", new { amount = 1001 })).ShouldBeProblemAsync(409, "refund_exceeds_captured");

        var full = await (await app.PostOrderAsync(paid.Id, "refunds", new { })).ShouldSucceedAsync();

        Assert.Equal("refunded", full.Str("paymentStatus"));
        Assert.Equal(1500, full["totals"].Money("refunded"));
        Assert.Equal(2, full.Arr("refunds").Count);
        Assert.Equal(1500, (await app.PaymentAsync(paid.PaymentId)).Refunded.Amount);
        await (await app.PostOrderAsync(paid.Id, "refunds", new { amount = 1 })).ShouldBeProblemAsync(409, "nothing_to_refund");
    }

    [Fact]
    public async Task A_refund_by_line_is_that_lines_share_of_its_total_with_tax()
    {
        var paid = await app.PlacePaidAsync(quantity: 2, unitPrice: 1000);
        await (await app.PostOrderAsync(paid.Id, "capture", new { })).ShouldSucceedAsync();

        var order = await (await app.PostOrderAsync(paid.Id, "refunds", new { items = new[] { new { lineId = paid.LineId, quantity = 1 } } }))
            .ShouldSucceedAsync();

        Assert.Equal(1100, order["totals"].Money("refunded"));
        Assert.Equal(1, order.Arr("items")[0].Int("refundedQuantity"));
        await (await app.PostOrderAsync(paid.Id, "refunds", new { items = new[] { new { lineId = paid.LineId, quantity = 2 } } }))
            .ShouldBeProblemAsync(409, "refund_exceeds_line");
        var unknown = await (await app.PostOrderAsync(paid.Id, "refunds", new { items = new[] { new { lineId = "oline_nope", quantity = 1 } } }))
            .ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(unknown["errors"]?["items[0].lineId"]);
    }

    [Fact]
    public async Task Refunding_an_uncaptured_order_is_409_nothing_to_refund()
    {
        var paid = await app.PlacePaidAsync();

        await (await app.PostOrderAsync(paid.Id, "refunds", new { amount = 100 })).ShouldBeProblemAsync(409, "nothing_to_refund");
    }

    [Fact]
    public async Task Cancel_voids_the_authorization_and_releases_the_reserved_stock()
    {
        var paid = await app.PlacePaidAsync(quantity: 3, onHand: 10);
        Assert.Equal(7, await app.AvailableAsync(paid.Sku));

        var order = await (await app.PostOrderAsync(paid.Id, "cancel")).ShouldSucceedAsync();

        Assert.Equal("canceled", order.Str("status"));
        Assert.Equal("canceled", order.Str("paymentStatus"));
        Assert.Contains("canceled", order.TimelineKinds());
        Assert.Equal(10, await app.AvailableAsync(paid.Sku));
        Assert.Equal(Mercato.Payments.Contracts.PaymentStatus.Canceled, (await app.PaymentAsync(paid.PaymentId)).Status);
        await (await app.PostOrderAsync(paid.Id, "cancel")).ShouldBeProblemAsync(409, "order_not_cancelable");
        await (await app.PostOrderAsync(paid.Id, "capture", new { })).ShouldBeProblemAsync(409, "order_not_open");
    }

    [Fact]
    public async Task Cancel_after_capture_refunds_what_was_captured()
    {
        var paid = await app.PlacePaidAsync();
        await (await app.PostOrderAsync(paid.Id, "capture", new { })).ShouldSucceedAsync();

        var order = await (await app.PostOrderAsync(paid.Id, "cancel")).ShouldSucceedAsync();

        Assert.Equal("refunded", order.Str("paymentStatus"));
        Assert.Equal(paid.Total, order["totals"].Money("refunded"));
        Assert.Equal(paid.Total, (await app.PaymentAsync(paid.PaymentId)).Refunded.Amount);
    }

    [Fact]
    public async Task Cancel_is_refused_once_items_are_fulfilled()
    {
        var paid = await app.PlacePaidAsync(quantity: 2);
        await (await app.PostOrderAsync(paid.Id, "fulfillments", new { items = new[] { new { lineId = paid.LineId, quantity = 1 } } })).ShouldSucceedAsync();

        await (await app.PostOrderAsync(paid.Id, "cancel")).ShouldBeProblemAsync(409, "order_fulfilled");
    }

    [Fact]
    public async Task A_capture_retried_with_the_same_idempotency_key_moves_money_once()
    {
        var paid = await app.PlacePaidAsync();

        var first = await app.PostOrderAsync(paid.Id, "capture", new { amount = 700 }, idempotencyKey: "cap-1");
        var again = await app.PostOrderAsync(paid.Id, "capture", new { amount = 700 }, idempotencyKey: "cap-1");

        Assert.Equal((await first.ShouldSucceedAsync()).ToJsonString(), (await again.ShouldSucceedAsync()).ToJsonString());
        Assert.Equal(700, (await app.PaymentAsync(paid.PaymentId)).Captured.Amount);
    }

    [Fact]
    public async Task Archiving_a_canceled_order_is_allowed_and_a_pending_one_is_409()
    {
        var paid = await app.PlacePaidAsync();
        await (await app.PostOrderAsync(paid.Id, "archive")).ShouldBeProblemAsync(409, "order_not_archivable");
        await (await app.PostOrderAsync(paid.Id, "cancel")).ShouldSucceedAsync();

        var order = await (await app.PostOrderAsync(paid.Id, "archive")).ShouldSucceedAsync();

        Assert.Equal("archived", order.Str("status"));
        Assert.Equal(["placed", "canceled", "archived"], order.TimelineKinds());
    }
}

public sealed class OrderPaymentOnSqlite(SqliteApp app) : OrderPaymentTests(app), IClassFixture<SqliteApp>;

public sealed class OrderPaymentOnPostgres(PostgresApp app) : OrderPaymentTests(app), IClassFixture<PostgresApp>;
