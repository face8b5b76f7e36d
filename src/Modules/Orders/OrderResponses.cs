using System.Text.Json;
using Mercato.Kernel.Addresses;
using Mercato.Kernel.Money;
using Mercato.Orders.Contracts;

namespace Mercato.Orders;

internal sealed record AdminOrderLine(string Id, string VariantId, string ProductId, string Sku, string ProductTitle, string? VariantTitle,
    IReadOnlyDictionary<string, string> Options, string? Thumbnail, int Quantity, MoneyDto UnitPrice, MoneyDto Subtotal, MoneyDto Discount,
    int TaxRateBasisPoints, MoneyDto Tax, MoneyDto Total, bool ManageInventory, bool AllowBackorder, int FulfilledQuantity,
    int ShippedQuantity, int ReturnedQuantity, int RefundedQuantity)
{
    /// <summary>A gift card sold as a product (ADR 9).</summary>
    public bool GiftCard { get; init; }

    /// <summary>The cards issued for this line's fulfilled units: id and last 4 only, never the code.</summary>
    public IReadOnlyList<AdminOrderLineGiftCard> GiftCards { get; init; } = [];
}

internal sealed record AdminOrderLineGiftCard(string Id, string Last4, bool Revoked);

internal sealed record AdminOrderTotals(MoneyDto Subtotal, MoneyDto Discount, MoneyDto Shipping, MoneyDto Tax, MoneyDto Total,
    MoneyDto Captured, MoneyDto Refunded, MoneyDto GiftCards);

internal sealed record AdminOrderShipping(string? OptionId, string Name, MoneyDto Price, int TaxRateBasisPoints, MoneyDto Tax);

internal sealed record AdminOrderPayment(string Id, string Provider, OrderPaymentStatus Status);

internal sealed record AdminQuantity(string LineId, int Quantity);

internal sealed record AdminFulfillment(string Id, IReadOnlyList<AdminQuantity> Items, string? LocationId, string? Carrier,
    string? TrackingNumber, DateTimeOffset CreatedAt, DateTimeOffset? ShippedAt, DateTimeOffset? DeliveredAt);

internal sealed record AdminReturn(string Id, IReadOnlyList<AdminQuantity> Items, string? Reason, string Status, bool? Restock,
    MoneyDto? RefundAmount, DateTimeOffset CreatedAt, DateTimeOffset? ReceivedAt);

internal sealed record AdminRefund(string Id, MoneyDto Amount, string? Reason, IReadOnlyList<AdminQuantity> Items, string? ReturnId,
    string Actor, DateTimeOffset CreatedAt);

internal sealed record AdminTimelineEntry(string Id, DateTimeOffset At, string Actor, string Kind, string Message, JsonElement? Data);

/// <summary>An order as the back office sees it: everything, including payment references and the timeline.</summary>
internal sealed record AdminOrderResponse(string Id, long Number, string? ExternalId, OrderStatus Status, OrderPaymentStatus PaymentStatus,
    OrderFulfillmentStatus FulfillmentStatus, string Email, string? CustomerId, string SalesChannelId, string RegionId, string CartId,
    string Currency, bool PricesIncludeTax, IReadOnlyList<AdminOrderLine> Items, AdminOrderTotals Totals, Address ShippingAddress,
    Address? BillingAddress, AdminOrderShipping? ShippingMethod, AdminOrderPayment Payment, IReadOnlyList<AdminFulfillment> Fulfillments,
    IReadOnlyList<AdminReturn> Returns, IReadOnlyList<AdminRefund> Refunds, IReadOnlyList<AdminTimelineEntry> Timeline, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CanceledAt)
{
    /// <summary>The promotions and codes that discounted the order.</summary>
    public IReadOnlyList<OrderPromotion> Promotions { get; init; } = [];

    internal static AdminOrderResponse From(Order o)
    {
        MoneyDto M(long amount) => new(amount, o.Currency);
        return new AdminOrderResponse(o.Id, o.Number, o.ExternalId, o.Status, o.PaymentStatus, o.FulfillmentStatus, o.Email, o.CustomerId,
            o.SalesChannelId, o.RegionId, o.CartId, o.Currency, o.PricesIncludeTax,
            [.. o.Lines.OrderBy(l => l.Position).Select(l => new AdminOrderLine(l.Id, l.VariantId, l.ProductId, l.Sku, l.ProductTitle,
                l.VariantTitle, l.Options, l.ThumbnailUrl, l.Quantity, M(l.UnitPrice), M(l.Subtotal), M(l.Discount), l.TaxRateBasisPoints,
                M(l.Tax), M(l.Total), l.ManageInventory, l.AllowBackorder, o.FulfilledQuantity(l.Id), o.ShippedQuantity(l.Id),
                o.Returns.Where(r => r.Status == ReturnStatus.Received).Sum(r => r.QuantityOf(l.Id)), l.RefundedQuantity)
            {
                GiftCard = l.IsGiftCard,
                GiftCards = [.. l.GiftCards.OrderBy(c => c.Unit).Select(c => new AdminOrderLineGiftCard(c.Id, c.Last4, c.Revoked))],
            })],
            new AdminOrderTotals(M(o.Subtotal), M(o.Discount), M(o.ShippingTotal), M(o.Tax), M(o.Total), M(o.Captured), M(o.Refunded), M(o.GiftCardTotal)),
            o.ShippingAddress, o.BillingAddress,
            o.ShippingName is null ? null
                : new AdminOrderShipping(o.ShippingOptionId, o.ShippingName, M(o.ShippingAmount), o.ShippingTaxRateBasisPoints, M(o.ShippingTax)),
            new AdminOrderPayment(o.PaymentId, o.PaymentProvider, o.PaymentStatus),
            [.. o.Fulfillments.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => new AdminFulfillment(f.Id, Quantities(f.Lines.Select(l => (l.LineId, l.Quantity))),
                f.LocationId, f.Carrier, f.TrackingNumber, f.CreatedAt, f.ShippedAt, f.DeliveredAt))],
            [.. o.Returns.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new AdminReturn(r.Id, Quantities(r.Lines.Select(l => (l.LineId, l.Quantity))),
                r.Reason, OrderErrors.Name(r.Status), r.Restock, r.RefundAmount is { } a ? M(a) : null, r.CreatedAt, r.ReceivedAt))],
            [.. o.Refunds.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new AdminRefund(r.Id, M(r.Amount), r.Reason,
                Quantities(r.ItemList.Select(i => (i.LineId, i.Quantity))), r.ReturnId, r.Actor, r.CreatedAt))],
            [.. o.Timeline.OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => new AdminTimelineEntry(t.Id, t.At, t.Actor, t.Kind, t.Message,
                t.Data is null ? null : JsonSerializer.Deserialize<JsonElement>(t.Data)))],
            o.Version, o.CreatedAt, o.UpdatedAt, o.CanceledAt)
        {
            Promotions = o.PromotionViews,
        };
    }

    private static List<AdminQuantity> Quantities(IEnumerable<(string LineId, int Quantity)> items) =>
        [.. items.OrderBy(i => i.LineId, StringComparer.Ordinal).Select(i => new AdminQuantity(i.LineId, i.Quantity))];
}

/// <summary>A row of the admin order list: no lines, no timeline.</summary>
internal sealed record AdminOrderSummary(string Id, long Number, string? ExternalId, OrderStatus Status, OrderPaymentStatus PaymentStatus,
    OrderFulfillmentStatus FulfillmentStatus, string Email, string? CustomerId, string SalesChannelId, string Currency,
    AdminOrderTotals Totals, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    internal static AdminOrderSummary From(Order o)
    {
        MoneyDto M(long amount) => new(amount, o.Currency);
        return new AdminOrderSummary(o.Id, o.Number, o.ExternalId, o.Status, o.PaymentStatus, o.FulfillmentStatus, o.Email, o.CustomerId,
            o.SalesChannelId, o.Currency,
            new AdminOrderTotals(M(o.Subtotal), M(o.Discount), M(o.ShippingTotal), M(o.Tax), M(o.Total), M(o.Captured), M(o.Refunded), M(o.GiftCardTotal)),
            o.Version, o.CreatedAt, o.UpdatedAt);
    }
}

internal static class StoreOrders
{
    /// <summary>The shopper's view: no payment references, no internal timeline.</summary>
    public static StoreOrder View(Order o)
    {
        MoneyDto M(long amount) => new(amount, o.Currency);
        return new StoreOrder(o.Id, o.Number, o.Status, o.PaymentStatus, o.FulfillmentStatus, o.Email, o.Currency,
            [.. o.Lines.OrderBy(l => l.Position).Select(l => new StoreOrderLine(l.Id, l.VariantId, l.ProductId, l.Sku, l.ProductTitle,
                l.VariantTitle, l.Options, l.ThumbnailUrl, l.Quantity, M(l.UnitPrice), M(l.Subtotal), M(l.Discount), M(l.Tax), M(l.Total))
            {
                GiftCard = l.IsGiftCard,
            })],
            new StoreOrderTotals(M(o.Subtotal), M(o.Discount), M(o.ShippingTotal), M(o.Tax), M(o.Total), M(o.Refunded), M(o.GiftCardTotal)),
            o.ShippingAddress, o.BillingAddress, o.ShippingName is null ? null : new StoreOrderShipping(o.ShippingName, M(o.ShippingAmount)),
            [.. o.Fulfillments.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => new StoreOrderShipment(f.Id,
                [.. f.Lines.OrderBy(l => l.LineId, StringComparer.Ordinal).Select(l => new StoreOrderShipmentLine(l.LineId, l.Quantity))],
                f.Carrier, f.TrackingNumber, f.ShippedAt, f.DeliveredAt))],
            o.CreatedAt)
        {
            Promotions = o.PromotionViews,
        };
    }
}
