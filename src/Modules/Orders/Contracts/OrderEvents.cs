namespace Mercato.Orders.Contracts;

/// <summary>Event types the Orders module raises (see <c>GET /admin/events</c>); the state is the Admin API's order.</summary>
public static class OrderEvents
{
    /// <summary>Checkout placed the order.</summary>
    public const string Placed = "order.placed";

    /// <summary>The order's payment was secured (authorized or captured) for the first time; with an authorized checkout, right after <see cref="Placed"/>.</summary>
    public const string Paid = "order.paid";

    /// <summary>All or part of the payment was captured.</summary>
    public const string Captured = "order.captured";

    /// <summary>The order was canceled (its payment voided or refunded, its stock released).</summary>
    public const string Canceled = "order.canceled";

    /// <summary>A fulfilment was created (see the state's fulfillmentStatus for partial or whole).</summary>
    public const string Fulfilled = "order.fulfilled";

    /// <summary>A fulfilment was shipped.</summary>
    public const string Shipped = "order.shipped";

    /// <summary>A fulfilment was delivered.</summary>
    public const string Delivered = "order.delivered";

    /// <summary>Money was refunded (a refund, or the refund of a received return).</summary>
    public const string Refunded = "order.refunded";

    /// <summary>A return was received.</summary>
    public const string ReturnReceived = "order.return_received";
}
