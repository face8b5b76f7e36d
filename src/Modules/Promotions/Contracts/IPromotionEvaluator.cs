namespace Mercato.Promotions.Contracts;

/// <summary>
/// A cart line as promotions see it; <see cref="UnitPrice"/> is in the cart's currency, in minor units. A gift-card line
/// (<see cref="IsGiftCard"/>, ADR 9) is ignored by every promotion: never qualifying, never counted, never discounted.
/// </summary>
public sealed record PromotionLine(string LineId, string VariantId, string ProductId, IReadOnlyList<string> CategoryIds,
    IReadOnlyList<string> CollectionIds, int Quantity, long UnitPrice, bool IsGiftCard = false)
{
    public long Subtotal => checked(UnitPrice * Quantity);
}

/// <summary>
/// Who is buying: a guest has no id and no groups; <see cref="FirstOrder"/> is true when they have no order yet;
/// <see cref="Email"/> (the cart's, when given) counts a guest's earlier redemptions against per-customer limits.
/// </summary>
public sealed record PromotionCustomer(string? CustomerId, IReadOnlyList<string> GroupIds, bool FirstOrder, string? Email = null)
{
    public static readonly PromotionCustomer Guest = new(null, [], true);
}

/// <summary>A cart to evaluate: its lines, market, customer, shipping charge and the codes the shopper applied.</summary>
public sealed record PromotionContext(string CurrencyCode, string RegionId, string SalesChannelId, PromotionCustomer Customer,
    IReadOnlyList<PromotionLine> Lines, long ShippingAmount, IReadOnlyList<string> Codes);

/// <summary>Part of one promotion's discount given to one line.</summary>
public sealed record LineDiscount(string LineId, string PromotionId, string? Code, long Amount);

/// <summary>A promotion that gave a discount: <see cref="Amount"/> covers its lines and shipping.</summary>
public sealed record AppliedPromotion(string PromotionId, string Name, string? Code, long Amount, long ShippingAmount);

/// <summary>
/// A code that gave nothing. <see cref="Reason"/> is for logs and tests (unknown, disabled, not_started, expired, exhausted,
/// conditions_not_met, not_combinable, no_discount); callers show shoppers one message whatever the reason.
/// </summary>
public sealed record RejectedCode(string Code, string Reason);

/// <summary>The discounts of a cart: per-line allocations that sum to each promotion's amount, and the shipping discount.</summary>
public sealed record PromotionOutcome(IReadOnlyList<LineDiscount> LineDiscounts, long ShippingDiscount,
    IReadOnlyList<AppliedPromotion> Applied, IReadOnlyList<RejectedCode> RejectedCodes)
{
    public static readonly PromotionOutcome None = new([], 0, [], []);

    public long DiscountOf(string lineId) => LineDiscounts.Where(d => d.LineId == lineId).Sum(d => d.Amount);
}

/// <summary>
/// Implemented by the Promotions module, called by Carts whenever a cart is re-priced (before tax): the automatic
/// promotions that apply and those unlocked by the applied codes, in the documented order (docs/decisions/0007).
/// </summary>
public interface IPromotionEvaluator
{
    /// <param name="context">The cart; its lines' categories and collections and the customer's first-order flag may be left out.</param>
    /// <param name="complete">
    /// Called at most once, only when a candidate promotion's conditions ask for what <paramref name="context"/> left out
    /// (each of those facts costs the caller a query, and most shops have no such promotion); answers the completed context.
    /// </param>
    Task<PromotionOutcome> EvaluateAsync(PromotionContext context, Func<PromotionNeeds, CancellationToken, Task<PromotionContext>>? complete,
        CancellationToken ct);
}

/// <summary>What the candidate promotions' conditions ask about beyond the cart itself.</summary>
public sealed record PromotionNeeds(bool Taxonomy, bool FirstOrder);
