using Mercato.GiftCards.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Money;
using Mercato.Payments.Contracts;

namespace Mercato.Orders;

/// <summary>
/// Money back for orders paid partly or wholly by gift cards: the cards are credited first, each up to what it paid, and
/// only the rest goes to the payment provider (see decision 0009).
/// </summary>
internal static class OrderGiftCards
{
    /// <summary>
    /// Refunds <paramref name="amount"/>: the provider first for its share (no transaction open across the call), then the
    /// cards' credits are staged for the caller's SaveChanges. Returns the order's new refunded total (payment + cards).
    /// </summary>
    public static async Task<Result<long>> RefundAsync(Order order, long amount, string? reason, string idempotencyKey,
        IPayments payments, IGiftCardRefunds giftCards, string actor, CancellationToken ct)
    {
        var toCards = Math.Clamp(order.GiftCardTotal - order.GiftCardRefunded, 0, amount);
        var toPayment = amount - toCards;
        var paymentRefunded = order.PaymentRefunded;
        if (toPayment > 0)
        {
            var refunded = await payments.RefundAsync(order.PaymentId, new Money(toPayment, Currency.Of(order.Currency)), reason,
                idempotencyKey, ct);
            if (refunded.Error is { } failed) return failed;
            paymentRefunded = refunded.Value!.Refunded.Amount;
        }
        if (toCards > 0) order.RecordGiftCardCredit(await giftCards.CreditAsync(order.Id, toCards, reason, actor, ct));
        return paymentRefunded + order.GiftCardRefunded;
    }

    /// <summary>
    /// Gift cards sold as products (ADR 9): what a refund of <paramref name="items"/> revokes. Units of a gift-card line not
    /// fulfilled yet are refunded first (they are then never issued); each other unit revokes one issued card never spent,
    /// or the refund is refused with 409 gift_card_spent before any money moves.
    /// </summary>
    public static async Task<Result<List<(string LineId, string[] GiftCardIds)>>> PlanRevocationsAsync(Order order,
        IReadOnlyList<(string LineId, int Quantity)> items, IGiftCardIssuing issuing, CancellationToken ct)
    {
        var revocations = new List<(string LineId, string[] GiftCardIds)>();
        foreach (var group in items.GroupBy(i => i.LineId))
        {
            var line = order.Line(group.Key)!;
            if (!line.IsGiftCard) continue;
            var quantity = group.Sum(i => i.Quantity);
            var unissued = Math.Max(line.Quantity - order.FulfilledQuantity(line.Id) - line.RefundedBeforeIssue, 0);
            var toRevoke = quantity - Math.Min(quantity, unissued);
            if (toRevoke == 0) continue;
            var active = line.GiftCards.Where(c => !c.Revoked).OrderBy(c => c.Unit).Select(c => c.Id).ToList();
            var planned = await issuing.PlanRevokeAsync(active, toRevoke, ct);
            if (planned.Error is { } spent) return spent;
            revocations.Add((line.Id, planned.Value!));
        }
        return revocations;
    }

    /// <summary>Stages the planned revocations (cards disabled, ledger entries) and records them on the order's lines.</summary>
    public static async Task RevokeAsync(Order order, List<(string LineId, string[] GiftCardIds)> revocations, string? reason,
        IGiftCardIssuing issuing, string actor, TimeProvider time, CancellationToken ct)
    {
        foreach (var (lineId, ids) in revocations)
        {
            await issuing.RevokeAsync(order.Id, ids, reason, actor, ct);
            order.RecordGiftCardsRevoked(lineId, ids, actor, time);
        }
    }

    /// <summary>Credits every card all it paid and has not got back yet (an order canceled before its payment was captured).</summary>
    public static async Task CreditAllAsync(Order order, string? reason, string actor, IGiftCardRefunds giftCards, CancellationToken ct)
    {
        var left = order.GiftCardTotal - order.GiftCardRefunded;
        if (left > 0) order.RecordGiftCardCredit(await giftCards.CreditAsync(order.Id, left, reason, actor, ct));
    }
}
