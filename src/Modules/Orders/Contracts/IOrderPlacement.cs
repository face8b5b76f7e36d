using Mercato.Kernel.Addresses;

namespace Mercato.Orders.Contracts;

/// <summary>
/// A line as it was bought: titles, SKU, prices and tax are copied so later catalog changes do not rewrite history.
/// <see cref="IsGiftCard"/>: a gift card sold as a product (ADR 9), one card issued per unit at fulfilment.
/// </summary>
public sealed record OrderLineDraft(string VariantId, string ProductId, string Sku, string ProductTitle, string? VariantTitle,
    IReadOnlyDictionary<string, string> Options, string? ThumbnailUrl, int Quantity, long UnitPrice, long Subtotal, long Discount,
    int TaxRateBasisPoints, long Tax, long Total, bool ManageInventory, bool AllowBackorder, bool IsGiftCard = false);

public sealed record OrderShippingDraft(string OptionId, string Name, long Amount, int TaxRateBasisPoints, long Tax);

public sealed record OrderTotalsDraft(long Subtotal, long Discount, long Shipping, long Tax, long Total);

/// <summary>A promotion that discounted the order: <see cref="Amount"/> is its whole discount, <see cref="ShippingAmount"/> the shipping part.</summary>
public sealed record OrderPromotionDraft(string PromotionId, string Name, string? Code, long Amount, long ShippingAmount);

/// <summary>Everything checkout knows when it places an order; amounts are minor units of <see cref="CurrencyCode"/>.</summary>
public sealed record OrderDraft(string CartId, string SalesChannelId, string RegionId, string CurrencyCode, bool PricesIncludeTax,
    string Email, string? CustomerId, Address ShippingAddress, Address? BillingAddress, OrderShippingDraft? Shipping,
    IReadOnlyList<OrderLineDraft> Lines, OrderTotalsDraft Totals, string PaymentId, string PaymentProvider, bool PaymentAuthorized)
{
    /// <summary>The promotions the cart was priced with (line discounts are already in <see cref="Lines"/>).</summary>
    public IReadOnlyList<OrderPromotionDraft> Promotions { get; init; } = [];

    /// <summary>The provider name of an order paid entirely by gift cards (its <see cref="PaymentId"/> is empty).</summary>
    public const string GiftCardProvider = "gift_card";

    /// <summary>What gift cards paid (already debited in the placing transaction); the payment covers the rest of the total.</summary>
    public long GiftCardTotal { get; init; }

    /// <summary>
    /// The id the order gets, from <see cref="IOrderPlacement.NewOrderId"/>, when the caller writes references to it earlier in the
    /// same transaction; a new id when null.
    /// </summary>
    public string? OrderId { get; init; }
}

/// <summary>The placed order and the guest's secret order token (shown once; only its hash is stored).</summary>
public sealed record PlacedOrder(string OrderId, long Number, string OrderToken, StoreOrder Order);

/// <summary>Placing orders: Checkout's way into the Orders module.</summary>
public interface IOrderPlacement
{
    /// <summary>
    /// Writes the order, its number and its timeline's first entry in the caller's transaction. One order per cart:
    /// a second call for the same cart returns null (read it with <see cref="FindByCartAsync"/>).
    /// </summary>
    Task<PlacedOrder?> PlaceAsync(OrderDraft draft, CancellationToken ct);

    /// <summary>An id for an order about to be placed (<see cref="OrderDraft.OrderId"/>).</summary>
    string NewOrderId();

    /// <summary>The order placed for a cart; its token is not recoverable, so <see cref="PlacedOrder.OrderToken"/> is re-issued.</summary>
    Task<PlacedOrder?> FindByCartAsync(string cartId, CancellationToken ct);
}
