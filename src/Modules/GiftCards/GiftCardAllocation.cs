using Mercato.GiftCards.Contracts;

namespace Mercato.GiftCards;

/// <summary>
/// How a cart's cards pay its total (pure): in the order they were added, each takes min(balance, amount still due) when it
/// can pay in the cart's currency now; a card that cannot (other currency, disabled, expired, empty) takes 0. Cards are a
/// means of payment applied after promotions and tax: the total they pay is the cart's total, tax included.
/// </summary>
internal static class GiftCardAllocation
{
    public sealed record Candidate(string GiftCardId, string Last4, string Currency, long Balance, bool Usable);

    public static GiftCardPlan Allocate(IEnumerable<Candidate> cards, string currency, long total)
    {
        var due = Math.Max(total, 0);
        var applied = new List<AppliedGiftCard>();
        foreach (var card in cards)
        {
            var balance = Math.Max(card.Balance, 0);
            var take = card.Usable && string.Equals(card.Currency, currency, StringComparison.Ordinal) ? Math.Min(balance, due) : 0;
            due -= take;
            applied.Add(new AppliedGiftCard(card.GiftCardId, card.Last4, take, balance - take));
        }
        return new GiftCardPlan(applied, due);
    }

    /// <summary>
    /// How a refund of <paramref name="amount"/> goes back to the cards that paid: each in debit order gets up to what it
    /// paid minus what it already got back; the rest goes to the payment.
    /// </summary>
    public static IReadOnlyList<(string GiftCardId, long Amount)> Credits(IEnumerable<(string GiftCardId, long Paid, long Credited)> cards,
        long amount)
    {
        var left = Math.Max(amount, 0);
        var credits = new List<(string, long)>();
        foreach (var (id, paid, credited) in cards)
        {
            if (left == 0) break;
            var take = Math.Min(left, Math.Max(paid - credited, 0));
            if (take == 0) continue;
            credits.Add((id, take));
            left -= take;
        }
        return credits;
    }
}
