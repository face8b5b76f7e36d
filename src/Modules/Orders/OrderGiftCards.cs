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

    /// <summary>Credits every card all it paid and has not got back yet (an order canceled before its payment was captured).</summary>
    public static async Task CreditAllAsync(Order order, string? reason, string actor, IGiftCardRefunds giftCards, CancellationToken ct)
    {
        var left = order.GiftCardTotal - order.GiftCardRefunded;
        if (left > 0) order.RecordGiftCardCredit(await giftCards.CreditAsync(order.Id, left, reason, actor, ct));
    }
}
