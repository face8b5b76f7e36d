using System.Security.Cryptography;
using Mercato.GiftCards.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.GiftCards;

/// <summary>Gift cards as carts, checkout and orders use them: applying, paying and crediting back.</summary>
internal sealed class GiftCardLedger(MercatoDb db, TimeProvider time) : ICartGiftCards, IGiftCardRedemptions, IGiftCardRefunds
{
    public const int MaxPerCart = 5;

    /// <summary>Compared against when no card matched, so an unknown code costs the same work as a known one.</summary>
    private static readonly byte[] Dummy = GiftCardCode.Hash("0000000000000000");

    public async Task<Result<string>> ApplyAsync(string cartId, string code, string currencyCode, CancellationToken ct)
    {
        // The same steps whatever the input: normalize, hash, one indexed lookup, a constant-time comparison.
        var normalized = GiftCardCode.Normalize(code);
        var hash = GiftCardCode.Hash(normalized ?? "################");
        var hex = Convert.ToHexStringLower(hash);
        var card = await db.Set<GiftCard>().AsNoTracking().SingleOrDefaultAsync(c => c.CodeHash == hex, ct);
        var matches = CryptographicOperations.FixedTimeEquals(hash, card is null ? Dummy : Convert.FromHexString(card.CodeHash));
        if (normalized is null || card is null || !matches || !card.CanPay(time.GetUtcNow())
            || !string.Equals(card.Currency, currencyCode, StringComparison.Ordinal))
        {
            return GiftCardErrors.Invalid();
        }
        var applied = await db.Set<CartGiftCard>().AsNoTracking().Where(c => c.CartId == cartId).ToListAsync(ct);
        if (applied.Any(a => a.GiftCardId == card.Id)) return card.Id;
        if (applied.Count >= MaxPerCart) return GiftCardErrors.TooMany(MaxPerCart);
        var position = applied.Count == 0 ? 1 : applied.Max(a => a.Position) + 1;
        db.Add(new CartGiftCard(cartId, card.Id, position, time.GetUtcNow()));
        return card.Id;
    }

    public async Task RemoveAsync(string cartId, string giftCardId, CancellationToken ct)
    {
        var applied = await db.Set<CartGiftCard>().SingleOrDefaultAsync(c => c.CartId == cartId && c.GiftCardId == giftCardId, ct);
        if (applied is not null) db.Remove(applied);
    }

    public async Task MoveAsync(string fromCartId, string toCartId, string currencyCode, CancellationToken ct)
    {
        var rows = await db.Set<CartGiftCard>().Where(a => a.CartId == fromCartId || a.CartId == toCartId)
            .Join(db.Set<GiftCard>(), a => a.GiftCardId, c => c.Id, (a, c) => new { Applied = a, c.Currency })
            .ToListAsync(ct);
        var target = rows.Where(r => r.Applied.CartId == toCartId).Select(r => r.Applied).ToList();
        var position = target.Count == 0 ? 0 : target.Max(a => a.Position);
        foreach (var row in rows.Where(r => r.Applied.CartId == fromCartId).OrderBy(r => r.Applied.Position))
        {
            if (target.Count >= MaxPerCart || row.Currency != currencyCode || target.Exists(a => a.GiftCardId == row.Applied.GiftCardId)) continue;
            var moved = new CartGiftCard(toCartId, row.Applied.GiftCardId, ++position, time.GetUtcNow());
            db.Add(moved);
            db.Remove(row.Applied);
            target.Add(moved);
        }
    }

    public async Task<GiftCardPlan> PlanAsync(string cartId, string currencyCode, long total, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.Set<CartGiftCard>().AsNoTracking().Where(a => a.CartId == cartId)
            .Join(db.Set<GiftCard>(), a => a.GiftCardId, c => c.Id, (a, c) => new { a.Position, Card = c })
            .ToListAsync(ct);
        if (rows.Count == 0) return GiftCardPlan.None(total);
        var candidates = rows.OrderBy(r => r.Position)
            .Select(r => new GiftCardAllocation.Candidate(r.Card.Id, r.Card.Last4, r.Card.Currency, r.Card.Balance, r.Card.CanPay(now)));
        return GiftCardAllocation.Allocate(candidates, currencyCode, total);
    }

    public async Task<Error?> RedeemAsync(string cartId, string orderId, IReadOnlyList<GiftCardDebit> debits, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var debit in debits.Where(d => d.Amount > 0))
        {
            // The check and the debit are one statement: two orders racing for one card can never both spend it.
            var rows = await db.Set<GiftCard>()
                .Where(c => c.Id == debit.GiftCardId && c.Status == GiftCardStatus.Active && c.Balance >= debit.Amount
                    && (c.ExpiresAt == null || c.ExpiresAt > now))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Balance, c => c.Balance - debit.Amount)
                    .SetProperty(c => c.Version, c => c.Version + 1).SetProperty(c => c.UpdatedAt, now), ct);
            if (rows != 1) return GiftCardErrors.Invalid();
            var balance = await db.Set<GiftCard>().Where(c => c.Id == debit.GiftCardId).Select(c => c.Balance).SingleAsync(ct);
            db.Add(new GiftCardTransaction(debit.GiftCardId, GiftCardTransactionKind.Redeemed, -debit.Amount, balance, orderId, cartId,
                null, null, time));
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<long> CreditAsync(string orderId, long amount, string? reason, string actor, CancellationToken ct)
    {
        if (amount <= 0) return 0;
        var entries = await db.Set<GiftCardTransaction>().AsNoTracking()
            .Where(t => t.OrderId == orderId && (t.Kind == GiftCardTransactionKind.Redeemed || t.Kind == GiftCardTransactionKind.Refunded))
            .ToListAsync(ct);
        if (entries.Count == 0) return 0;
        // The cards are credited in the order they paid, which is the order they were added to the cart.
        var cartIds = entries.Where(t => t.CartId != null).Select(t => t.CartId!).Distinct().ToList();
        var positions = await db.Set<CartGiftCard>().AsNoTracking().Where(a => cartIds.Contains(a.CartId))
            .ToDictionaryAsync(a => a.GiftCardId, a => a.Position, ct);
        var byCard = entries.GroupBy(t => t.GiftCardId)
            .Select(g => (Id: g.Key, Paid: -g.Where(t => t.Kind == GiftCardTransactionKind.Redeemed).Sum(t => t.Amount),
                Credited: g.Where(t => t.Kind == GiftCardTransactionKind.Refunded).Sum(t => t.Amount)))
            .OrderBy(c => positions.GetValueOrDefault(c.Id, int.MaxValue)).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => (c.Id, c.Paid, c.Credited));
        var credits = GiftCardAllocation.Credits(byCard, amount);
        foreach (var (cardId, credit) in credits)
        {
            // Tracked: saved with the caller's change (the order's refund), and the card's version guards a concurrent debit.
            var card = await db.Set<GiftCard>().SingleAsync(c => c.Id == cardId, ct);
            card.Balance = checked(card.Balance + credit);
            card.UpdatedAt = time.GetUtcNow();
            db.Add(new GiftCardTransaction(cardId, GiftCardTransactionKind.Refunded, credit, card.Balance, orderId, null, reason, actor, time));
        }
        return credits.Sum(c => c.Amount);
    }
}
