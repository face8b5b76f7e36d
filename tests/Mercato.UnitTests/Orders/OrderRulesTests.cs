using Mercato.Kernel.Addresses;
using Mercato.Orders;
using Mercato.Orders.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.UnitTests.Orders;

/// <summary>The aggregate's rules without a database: refund shares, fulfilment limits, the derived fulfilment status.</summary>
public class OrderRulesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    private Order NewOrder(bool authorized = true)
    {
        var address = new Address("Ada", "Lovelace", null, "1 Main St", null, "Springfield", null, "12345", "US", null);
        var lines = new[]
        {
            new OrderLineDraft("var_a", "prod_a", "SKU-A", "Shirt", "S", new Dictionary<string, string> { ["Size"] = "S" }, null, 3, 1000, 3000, 0, 1000, 300, 3300, true, false),
            new OrderLineDraft("var_b", "prod_b", "SKU-B", "Hat", null, new Dictionary<string, string>(), null, 1, 500, 500, 0, 0, 0, 500, false, false),
        };
        var draft = new OrderDraft("cart_1", "sc_1", "reg_1", "USD", false, " Ada@Example.com ", null, address, null, null, lines,
            new OrderTotalsDraft(3500, 0, 0, 300, 3800), "pay_1", "test", authorized);
        return Order.Place(draft, 1001, "hash", _time);
    }

    [Fact]
    public void A_placed_order_is_pending_with_a_normalized_email_and_a_first_timeline_entry()
    {
        var order = NewOrder();

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(OrderPaymentStatus.Authorized, order.PaymentStatus);
        Assert.Equal(OrderFulfillmentStatus.NotFulfilled, order.FulfillmentStatus);
        Assert.Equal("ada@example.com", order.Email);
        Assert.Equal("placed", Assert.Single(order.Timeline).Kind);
        Assert.Equal(OrderPaymentStatus.Awaiting, NewOrder(authorized: false).PaymentStatus);
    }

    [Fact]
    public void A_line_share_includes_tax_and_all_units_give_exactly_the_line_total()
    {
        var line = NewOrder().Lines[0];

        Assert.Equal(1100, line.ShareOf(1));
        Assert.Equal(3300, line.ShareOf(3));
    }

    [Fact]
    public void Capture_needs_an_authorized_payment_and_at_most_the_total()
    {
        var order = NewOrder();
        Assert.Equal(3800, order.PlanCapture(null).Value);
        Assert.Equal("capture_exceeds_authorized", order.PlanCapture(3801).Error?.Code);
        Assert.Equal("payment_not_capturable", NewOrder(authorized: false).PlanCapture(null).Error?.Code);
    }

    [Fact]
    public void A_refund_never_exceeds_what_was_captured_and_not_refunded()
    {
        var order = NewOrder();
        Assert.Equal("nothing_to_refund", order.PlanRefund(100, []).Error?.Code);
        order.RecordCapture(2000, "key_1", "k", _time);

        Assert.Equal(2000, order.PlanRefund(null, []).Value);
        Assert.Equal("refund_exceeds_captured", order.PlanRefund(2001, []).Error?.Code);
        Assert.Equal(1100, order.PlanRefund(null, [(order.Lines[0].Id, 1)]).Value);
        Assert.Equal("refund_exceeds_captured", order.PlanRefund(null, [(order.Lines[0].Id, 2)]).Error?.Code);
        order.RecordRefund(1500, 1500, null, [], null, "key_1", "k2", _time);
        Assert.Equal(OrderPaymentStatus.PartiallyRefunded, order.PaymentStatus);
        Assert.Equal("refund_exceeds_captured", order.PlanRefund(501, []).Error?.Code);
        order.RecordRefund(500, 2000, null, [], null, "key_1", "k3", _time);
        Assert.Equal(OrderPaymentStatus.Refunded, order.PaymentStatus);
        Assert.Equal("nothing_to_refund", order.PlanRefund(1, []).Error?.Code);
    }

    [Fact]
    public void Fulfilment_never_exceeds_what_is_left_and_the_status_follows_the_quantities()
    {
        var order = NewOrder();
        var shirt = order.Lines[0].Id;
        var hat = order.Lines[1].Id;

        Assert.Equal("fulfillment_exceeds_ordered", order.Fulfill([(shirt, 4)], null, null, null, "a", _time).Error?.Code);
        var first = order.Fulfill([(shirt, 2)], null, null, null, "a", _time).Value!;
        Assert.Equal(OrderFulfillmentStatus.PartiallyFulfilled, order.FulfillmentStatus);
        Assert.Equal("fulfillment_exceeds_ordered", order.Fulfill([(shirt, 1), (shirt, 1)], null, null, null, "a", _time).Error?.Code);
        var second = order.Fulfill([(shirt, 1), (hat, 1)], null, null, null, "a", _time).Value!;
        Assert.Equal(OrderFulfillmentStatus.Fulfilled, order.FulfillmentStatus);

        Assert.Equal("fulfillment_not_shipped", order.Deliver(first.Id, "a", _time)?.Code);
        Assert.Null(order.Ship(first.Id, "UPS", "1Z", "a", _time));
        Assert.Equal("fulfillment_already_shipped", order.Ship(first.Id, null, null, "a", _time)?.Code);
        Assert.Equal(OrderFulfillmentStatus.Fulfilled, order.FulfillmentStatus);
        Assert.Null(order.Ship(second.Id, null, null, "a", _time));
        Assert.Equal(OrderFulfillmentStatus.Shipped, order.FulfillmentStatus);
        Assert.Null(order.Deliver(first.Id, "a", _time));
        Assert.Null(order.Deliver(second.Id, "a", _time));
        Assert.Equal(OrderFulfillmentStatus.Delivered, order.FulfillmentStatus);
        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Equal("order_fulfilled", NewOrderFulfilled().CheckCancel()?.Code);
    }

    [Fact]
    public void Returns_are_limited_to_shipped_units_and_a_full_return_marks_the_order_returned()
    {
        var order = NewOrder();
        var shirt = order.Lines[0].Id;
        var hat = order.Lines[1].Id;
        var fulfillment = order.Fulfill([(shirt, 3), (hat, 1)], null, null, null, "a", _time).Value!;
        Assert.Equal("return_exceeds_shipped", order.RequestReturn([(shirt, 1)], null, "a", _time).Error?.Code);
        order.Ship(fulfillment.Id, null, null, "a", _time);

        var request = order.RequestReturn([(shirt, 3), (hat, 1)], "too big", "a", _time).Value!;
        Assert.Equal("return_exceeds_shipped", order.RequestReturn([(hat, 1)], null, "a", _time).Error?.Code);
        Assert.Null(order.ReceiveReturn(order.CheckReceive(request.Id).Value!, true, null, "a", _time));

        Assert.Equal(OrderFulfillmentStatus.Returned, order.FulfillmentStatus);
        Assert.Equal("return_already_received", order.CheckReceive(request.Id).Error?.Code);
    }

    [Fact]
    public void Only_completed_or_canceled_orders_are_archived()
    {
        var order = NewOrder();
        Assert.Equal("order_not_archivable", order.Archive("a", _time)?.Code);
        order.RecordCancel(OrderPaymentStatus.Canceled, 0, null, "a", _time);

        Assert.Null(order.Archive("a", _time));
        Assert.Equal(OrderStatus.Archived, order.Status);
        Assert.Equal(["placed", "canceled", "archived"], order.Timeline.Select(t => t.Kind));
        Assert.Equal("order_not_open", order.Fulfill([(order.Lines[0].Id, 1)], null, null, null, "a", _time).Error?.Code);
    }

    private Order NewOrderFulfilled()
    {
        var order = NewOrder();
        order.Fulfill([(order.Lines[0].Id, 1)], null, null, null, "a", _time);
        return order;
    }
}
