using Mercato.Kernel.Addresses;
using Mercato.Kernel.Money;

namespace Mercato.Carts;

internal sealed record CartLineResponse(string Id, string VariantId, string ProductId, string Sku, string ProductTitle,
    string? VariantTitle, string? Thumbnail, IReadOnlyDictionary<string, string> Options, int Quantity, MoneyDto UnitPrice,
    MoneyDto Subtotal, MoneyDto Discount, MoneyDto Tax, MoneyDto Total, MoneyDto? OriginalUnitPrice)
{
    /// <summary>A gift card sold as a product (ADR 9): never discounted, and the cart cannot be paid with gift cards.</summary>
    public bool GiftCard { get; init; }
}

internal sealed record CartShippingMethodResponse(string OptionId, string Name, MoneyDto Price, MoneyDto Tax, MoneyDto Discount);

/// <summary>A promotion that gave the cart a discount (<c>amount</c> includes <c>shippingDiscount</c>) and the code that unlocked it.</summary>
internal sealed record CartPromotionResponse(string PromotionId, string Name, string? Code, MoneyDto Amount, MoneyDto ShippingDiscount);

/// <summary>A gift card paying for the cart: the last 4 characters of its code, what it takes and what it keeps after.</summary>
internal sealed record CartGiftCardResponse(string Id, string Last4, MoneyDto Applied, MoneyDto BalanceAfter);

internal sealed record CartTotalsResponse(MoneyDto Subtotal, MoneyDto Discount, MoneyDto Shipping, MoneyDto Tax, MoneyDto Total);

/// <summary>
/// A cart as the Store API shows it. Line prices are as the catalog shows them; totals follow <see cref="CartTotals"/>
/// (net of included tax where the region's prices include it). Gift cards pay after tax: <c>amountDue</c> = total − what
/// <c>giftCards</c> apply, and is what the shopper still pays by other means.
/// </summary>
internal sealed record CartResponse(string Id, string RegionId, string Currency, string? Email, bool PricesIncludeTax,
    IReadOnlyList<CartLineResponse> Items, Address? ShippingAddress, Address? BillingAddress,
    CartShippingMethodResponse? ShippingMethod, CartTotalsResponse Totals, int Version, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? CompletedAt, string? OrderId,
    IReadOnlyList<string> PromotionCodes, IReadOnlyList<CartPromotionResponse> Promotions,
    IReadOnlyList<CartGiftCardResponse> GiftCards, MoneyDto AmountDue)
{
    public static CartResponse From(Cart c)
    {
        MoneyDto M(long amount) => new(amount, c.CurrencyCode);
        return new CartResponse(c.Id, c.RegionId, c.CurrencyCode, c.Email, c.PricesIncludeTax,
            [.. OrderedLines(c).Select(l => new CartLineResponse(l.Id, l.VariantId, l.ProductId, l.Sku, l.ProductTitle, l.VariantTitle,
                l.Thumbnail, l.Options, l.Quantity, M(l.UnitPrice), M(l.Subtotal), M(l.Discount), M(l.Tax), M(l.Total),
                l.OriginalUnitPrice is { } original ? M(original) : null) { GiftCard = l.IsGiftCard })],
            c.ShippingAddress, c.BillingAddress,
            c.ShippingOptionId is { } optionId ? new CartShippingMethodResponse(optionId, c.ShippingName ?? "", M(c.ShippingAmount), M(c.ShippingTax), M(c.ShippingDiscount)) : null,
            new CartTotalsResponse(M(c.Subtotal), M(c.Discount), M(c.ShippingTotal), M(c.Tax), M(c.Total)),
            c.Version, c.CreatedAt, c.UpdatedAt, c.ExpiresAt, c.CompletedAt, c.OrderId, c.Codes,
            [.. c.AppliedPromotions.Select(p => new CartPromotionResponse(p.PromotionId, p.Name, p.Code, M(p.Amount), M(p.ShippingAmount)))],
            [.. (c.GiftCards?.Cards ?? []).Select(g => new CartGiftCardResponse(g.GiftCardId, g.Last4, M(g.Applied), M(g.BalanceAfter)))],
            M(c.GiftCards?.AmountDue ?? c.Total));
    }

    public static IEnumerable<CartLine> OrderedLines(Cart c) => c.Lines.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id, StringComparer.Ordinal);
}
