using Mercato.Kernel.Errors;

namespace Mercato.Promotions.Contracts;

/// <summary>An order being placed with the promotions its cart was priced with (<see cref="AppliedPromotion.Amount"/> = discount given).</summary>
public sealed record PromotionRedemptionRequest(string OrderId, string? CustomerId, string Email, string CurrencyCode, long OrderTotal,
    IReadOnlyList<AppliedPromotion> Promotions);

/// <summary>The one answer for a code that gives nothing, at apply time and at completion alike: same code, detail and fields.</summary>
public static class PromotionProblems
{
    public static Error CodeInvalid() => new("promotion_code_invalid",
        "The code is not valid for this cart: it may be mistyped, expired, used up, or its conditions are not met.", 400,
        new Dictionary<string, string[]> { ["code"] = ["Not a code that applies to this cart."] });
}

/// <summary>
/// Usage of promotions by placed orders (docs/decisions/0007). Every call joins the transaction open on the scoped MercatoDb
/// (Checkout's order transaction), or runs in its own when none is open.
/// </summary>
public interface IPromotionRedemptions
{
    /// <summary>
    /// Counts one use of each promotion and code with guarded updates, checks each promotion's per-customer limit (by customer id,
    /// and by normalized email for everyone), and writes one redemption row per promotion. False when any limit is used up: the
    /// caller must roll its transaction back (some counts may already have moved inside it). Repeating it for an order that
    /// already has redemptions counts nothing again.
    /// </summary>
    Task<bool> RedeemAsync(PromotionRedemptionRequest request, CancellationToken ct);

    /// <summary>
    /// A canceled order gives its usage back (promotion, code and per-customer), unless <c>Mercato:Promotions:KeepUsageOnCancel</c>.
    /// Safe to repeat. Returns how many redemptions were released.
    /// </summary>
    Task<int> ReleaseAsync(string orderId, CancellationToken ct);
}
