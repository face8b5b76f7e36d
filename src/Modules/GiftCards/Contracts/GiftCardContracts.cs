using Mercato.Kernel.Errors;

namespace Mercato.GiftCards.Contracts;

/// <summary>The one problem every card that cannot pay gets, wherever it is found out (apply, completion).</summary>
public static class GiftCardProblems
{
    /// <summary>One answer for every card that cannot pay, so it reveals nothing about which codes exist.</summary>
    public static Error Invalid() =>
        new("gift_card_invalid", "This gift card cannot be used: check the code, its currency, balance and expiry.", 400);

    /// <summary>A refund of a gift-card line needs cards that were never spent (ADR 9).</summary>
    public static Error Spent(int wanted, int unspent) => Error.Conflict("gift_card_spent",
        $"Refunding {wanted} gift card(s) of this line needs cards never spent, and only {unspent} are: refund an amount instead "
        + "(after adjusting the spent cards), or fewer items.");

    /// <summary>A cart holding a gift card sold as a product cannot be paid with gift cards (ADR 9): remove the card or that line.</summary>
    public static Error NotAllowed() =>
        Error.Conflict("gift_card_not_allowed", "A cart that buys a gift card cannot be paid with gift cards: remove the gift card or that item.");
}

/// <summary>A unit range of one order line to issue cards for: units <see cref="FirstUnit"/> .. FirstUnit + Count − 1 (1-based).</summary>
public sealed record GiftCardIssueLine(string OrderLineId, string Title, long FaceValue, int FirstUnit, int Count);

/// <summary>What one fulfilment issues: cards in the order's currency, for its customer, their codes emailed to <see cref="Email"/>.</summary>
public sealed record GiftCardIssueRequest(string OrderId, long OrderNumber, string Currency, string? CustomerId, string Email,
    IReadOnlyList<GiftCardIssueLine> Lines);

/// <summary>A card issued for a unit of an order line: its id and the last 4 characters of its code (never the code).</summary>
public sealed record IssuedGiftCard(string OrderLineId, int Unit, string GiftCardId, string Last4);

/// <summary>Gift cards sold as products (ADR 9): the Orders module's way in at fulfilment and refund.</summary>
public interface IGiftCardIssuing
{
    /// <summary>
    /// Stages one card per unit (face value, order's customer, an <c>issued</c> ledger entry with the order id) and one
    /// <c>gift_card.issued</c> email listing the new codes, saved in the caller's open transaction. Units that already have a
    /// card (source key <c>{orderLineId}/{unit}</c>) are skipped, so a repeat issues nothing. Answers the cards issued now.
    /// </summary>
    Task<IReadOnlyList<IssuedGiftCard>> IssueForOrderAsync(GiftCardIssueRequest request, string actor, CancellationToken ct);

    /// <summary>
    /// Which <paramref name="count"/> of <paramref name="giftCardIds"/> can be revoked: cards never spent (active, balance =
    /// initial amount), in the order given; 409 <c>gift_card_spent</c> when fewer than that are.
    /// </summary>
    Task<Result<string[]>> PlanRevokeAsync(IReadOnlyList<string> giftCardIds, int count, CancellationToken ct);

    /// <summary>Stages (for the caller's SaveChanges) disabling the cards and a <c>revoked</c> ledger entry taking each balance to 0.</summary>
    Task RevokeAsync(string orderId, IReadOnlyList<string> giftCardIds, string? reason, string actor, CancellationToken ct);
}

/// <summary>A card applied to a cart: what it takes of the cart's total and what it keeps (minor units of the cart's currency).</summary>
public sealed record AppliedGiftCard(string GiftCardId, string Last4, long Applied, long BalanceAfter);

/// <summary>The cart's cards in the order they were added, and what is left to pay by other means.</summary>
public sealed record GiftCardPlan(IReadOnlyList<AppliedGiftCard> Cards, long AmountDue)
{
    public static GiftCardPlan None(long total) => new([], total);

    public long Applied => Cards.Sum(c => c.Applied);
}

/// <summary>Gift cards on carts: the Carts module's way in.</summary>
public interface ICartGiftCards
{
    /// <summary>
    /// Stages the card with <paramref name="code"/> on the cart (saved by the caller's next SaveChanges); the card's id, or
    /// 400 <c>gift_card_invalid</c> for any card that cannot pay (unknown, disabled, expired, empty, other currency).
    /// </summary>
    Task<Result<string>> ApplyAsync(string cartId, string code, string currencyCode, CancellationToken ct);

    /// <summary>Stages the removal of the card from the cart (nothing when it is not applied).</summary>
    Task RemoveAsync(string cartId, string giftCardId, CancellationToken ct);

    /// <summary>
    /// Stages moving the cards of <paramref name="fromCartId"/> (a cart merged into another) after those of
    /// <paramref name="toCartId"/>: cards in another currency, already there, or beyond the per-cart maximum stay behind.
    /// </summary>
    Task MoveAsync(string fromCartId, string toCartId, string currencyCode, CancellationToken ct);

    /// <summary>The cart's cards as they would pay <paramref name="total"/> now.</summary>
    Task<GiftCardPlan> PlanAsync(string cartId, string currencyCode, long total, CancellationToken ct);
}

public sealed record GiftCardDebit(string GiftCardId, long Amount);

/// <summary>Spending cards when an order is placed: Checkout's way in.</summary>
public interface IGiftCardRedemptions
{
    /// <summary>
    /// Debits each card in the caller's open transaction (a guarded update, so a balance never goes below zero) and writes
    /// its ledger entries; <c>gift_card_invalid</c> when a card no longer covers its share (the caller rolls back).
    /// </summary>
    Task<Error?> RedeemAsync(string cartId, string orderId, IReadOnlyList<GiftCardDebit> debits, CancellationToken ct);
}

/// <summary>Giving money back to the cards that paid an order: the Orders module's way in.</summary>
public interface IGiftCardRefunds
{
    /// <summary>
    /// Stages credits (saved by the caller's next SaveChanges) of up to <paramref name="amount"/> to the cards that paid the
    /// order, each up to what it paid minus what it got back already, in the order they were debited. Returns what was credited.
    /// </summary>
    Task<long> CreditAsync(string orderId, long amount, string? reason, string actor, CancellationToken ct);
}
