using Mercato.Kernel.Addresses;
using Mercato.Kernel.Money;

namespace Mercato.Orders.Contracts;

public enum OrderStatus
{
    Pending,
    Completed,
    Canceled,
    Archived,
}

public enum OrderPaymentStatus
{
    Awaiting,
    Authorized,
    Captured,
    PartiallyRefunded,
    Refunded,
    Canceled,
}

public enum OrderFulfillmentStatus
{
    NotFulfilled,
    PartiallyFulfilled,
    Fulfilled,
    Shipped,
    Delivered,
    Returned,
}

public sealed record StoreOrderLine(string Id, string VariantId, string ProductId, string Sku, string ProductTitle, string? VariantTitle,
    IReadOnlyDictionary<string, string> Options, string? Thumbnail, int Quantity, MoneyDto UnitPrice, MoneyDto Subtotal, MoneyDto Discount,
    MoneyDto Tax, MoneyDto Total)
{
    /// <summary>A gift card sold as a product (ADR 9): its codes are emailed when the line is fulfilled.</summary>
    public bool GiftCard { get; init; }
}

public sealed record StoreOrderTotals(MoneyDto Subtotal, MoneyDto Discount, MoneyDto Shipping, MoneyDto Tax, MoneyDto Total,
    MoneyDto Refunded, MoneyDto GiftCards);

public sealed record StoreOrderShipping(string Name, MoneyDto Price);

public sealed record StoreOrderShipment(string Id, IReadOnlyList<StoreOrderShipmentLine> Items, string? Carrier, string? TrackingNumber,
    DateTimeOffset? ShippedAt, DateTimeOffset? DeliveredAt);

public sealed record StoreOrderShipmentLine(string LineId, int Quantity);

/// <summary>A promotion applied to the order and the discount it gave (<c>amount</c> includes <c>shippingDiscount</c>).</summary>
public sealed record OrderPromotion(string PromotionId, string Name, string? Code, MoneyDto Amount, MoneyDto ShippingDiscount);

/// <summary>An order as its shopper sees it: no internal notes, no payment references.</summary>
public sealed record StoreOrder(string Id, long Number, OrderStatus Status, OrderPaymentStatus PaymentStatus,
    OrderFulfillmentStatus FulfillmentStatus, string Email, string Currency, IReadOnlyList<StoreOrderLine> Items, StoreOrderTotals Totals,
    Address ShippingAddress, Address? BillingAddress, StoreOrderShipping? ShippingMethod, IReadOnlyList<StoreOrderShipment> Fulfillments,
    DateTimeOffset CreatedAt)
{
    /// <summary>The promotions and codes that discounted the order.</summary>
    public IReadOnlyList<OrderPromotion> Promotions { get; init; } = [];
}
