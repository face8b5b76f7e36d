using Mercato.Kernel.Addresses;
using Mercato.Kernel.Http;
using Mercato.Promotions.Contracts;

namespace Mercato.Carts.Contracts;

/// <summary>
/// A cart line as checkout and orders need it. Amounts are minor units of the cart's currency:
/// <see cref="Subtotal"/> = unit price × quantity as the catalog shows it, <see cref="Total"/> = what the shopper pays for the line.
/// <see cref="IsGiftCard"/>: a gift card sold as a product (ADR 9), issued when the order line is fulfilled.
/// </summary>
public sealed record CheckoutCartLine(string Id, string VariantId, string ProductId, string Sku, string ProductTitle, string? VariantTitle,
    IReadOnlyDictionary<string, string> Options, string? ThumbnailUrl, int Quantity, long UnitPrice, long Subtotal, long Discount,
    int TaxRateBasisPoints, long Tax, long Total, bool ManageInventory, bool AllowBackorder, bool IsGiftCard = false);

/// <summary>The chosen shipping method, priced and taxed.</summary>
public sealed record CheckoutShipping(string OptionId, string Name, long Amount, int TaxRateBasisPoints, long Tax);

/// <summary>Cart totals; subtotal − discount + shipping + tax = total always holds (see the Carts module for the rounding rule).</summary>
public sealed record CheckoutTotals(long Subtotal, long Discount, long Shipping, long Tax, long Total);

/// <summary>A gift card's share of the cart's total, in the order the cards were added.</summary>
public sealed record CheckoutGiftCard(string GiftCardId, long Amount);

public sealed record CheckoutCart(string Id, int Version, string SalesChannelId, string RegionId, string CurrencyCode, bool PricesIncludeTax,
    string? Email, string? CustomerId, Address? ShippingAddress, Address? BillingAddress, CheckoutShipping? Shipping,
    IReadOnlyList<CheckoutCartLine> Lines, CheckoutTotals Totals, DateTimeOffset? CompletedAt, string? OrderId)
{
    /// <summary>The promotion codes the shopper applied (upper-case).</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>The promotions that gave the cart its discount at this pricing (what the order records and counts as usage).</summary>
    public IReadOnlyList<AppliedPromotion> Promotions { get; init; } = [];

    /// <summary>The gift cards that pay part of <see cref="CheckoutTotals.Total"/> (after promotions and tax).</summary>
    public IReadOnlyList<CheckoutGiftCard> GiftCards { get; init; } = [];

    /// <summary>What is left to pay by a payment provider: the total minus the gift cards.</summary>
    public long AmountDue => Totals.Total - GiftCards.Sum(g => g.Amount);
}

/// <summary>What checkout may ask of and do to a cart.</summary>
public interface ICartCheckout
{
    /// <summary>
    /// The cart re-priced from the catalog and recomputed now (saved when anything changed); null when no cart has this id
    /// in the sales channel. A completed cart is returned as it was completed.
    /// </summary>
    Task<CheckoutCart?> RefreshAsync(string cartId, string salesChannelId, CancellationToken ct);

    /// <summary>
    /// <see cref="RefreshAsync(string, string, CancellationToken)"/> for a store caller: null also when <paramref name="caller"/>
    /// may not reach the cart (<see cref="IsReachableAsync"/>), so the reachability check costs no query of its own.
    /// </summary>
    Task<CheckoutCart?> RefreshAsync(string cartId, StoreCaller caller, CancellationToken ct);

    /// <summary>
    /// Whether <paramref name="caller"/> may reach the cart (<see cref="StoreCaller.MayReach"/>: its own channel, and a customer's
    /// cart only with that customer's token), whatever its state. Store endpoints answer 404 when it is not.
    /// </summary>
    Task<bool> IsReachableAsync(string cartId, StoreCaller caller, CancellationToken ct);

    /// <summary>Marks the cart completed by the order, in the caller's transaction. False when the cart changed since <paramref name="version"/>.</summary>
    Task<bool> MarkCompletedAsync(string cartId, int version, string orderId, CancellationToken ct);
}
