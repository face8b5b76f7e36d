using Mercato.Carts.Contracts;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;

namespace Mercato.Checkout;

/// <summary>What a cart must have before the shopper pays, and what it asks of stock.</summary>
internal static class CheckoutRules
{
    public static Error? Readiness(CheckoutCart cart)
    {
        if (cart.CompletedAt is not null) return CheckoutErrors.Completed(cart.Id);
        var missing = new Dictionary<string, string[]>();
        if (cart.Lines.Count == 0) missing["items"] = ["The cart has no items."];
        if (string.IsNullOrEmpty(cart.Email)) missing["email"] = ["An email address is required."];
        if (cart.ShippingAddress is null) missing["shippingAddress"] = ["A shipping address is required."];
        if (cart.Shipping is null) missing["shippingMethod"] = ["Choose a shipping option (GET /store/carts/{id}/shipping-options)."];
        return missing.Count == 0 ? null : CheckoutErrors.NotReady(missing);
    }

    /// <summary>
    /// 400 promotion_code_invalid when a code the shopper applied no longer gives the cart anything (used up by other orders,
    /// expired, conditions no longer met): the shopper removes it and pays the new total, never a price they did not see.
    /// </summary>
    public static Error? CodesStillApply(CheckoutCart cart) =>
        cart.Codes.All(code => cart.Promotions.Any(p => string.Equals(p.Code, code, StringComparison.Ordinal)))
            ? null : Promotions.Contracts.PromotionProblems.CodeInvalid();

    /// <summary>
    /// 409 gift_card_not_allowed when a cart holding a gift-card line (ADR 9) has a gift card applied: balances must not be
    /// cycled into fresh cards. The shopper removes the card or the line.
    /// </summary>
    public static Error? GiftCardsAllowed(CheckoutCart cart) =>
        cart.GiftCards.Count > 0 && cart.Lines.Any(l => l.IsGiftCard) ? GiftCards.Contracts.GiftCardProblems.NotAllowed() : null;

    /// <summary>One demand per SKU: lines drawing on the same SKU are added up before any check.</summary>
    public static IReadOnlyList<StockDemand> Demand(CheckoutCart cart) => cart.Lines
        .Where(l => l.ManageInventory)
        .GroupBy(l => l.Sku, StringComparer.Ordinal)
        .Select(g => new StockDemand(g.Key, g.Sum(l => l.Quantity), g.All(l => l.AllowBackorder)))
        .ToList();
}
