using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.GiftCards;

/// <summary>
/// A recurring job: a card past its <c>expiresAt</c> with a balance left gets an <c>expired</c> ledger entry that takes
/// the balance to 0. Each card is written under its version, so a concurrent redemption or refund wins and the card is
/// picked up again on the next run. Safe to repeat.
/// </summary>
internal sealed class ExpireGiftCards(MercatoDb db, TimeProvider time) : IJobHandler
{
    public const string JobType = "gift_cards.expire";
    private const int Batch = 100;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var after = "";
        while (true)
        {
            db.ChangeTracker.Clear();
            var cards = await db.Set<GiftCard>().Where(c => c.ExpiresAt != null && c.ExpiresAt <= now && c.Balance > 0 && c.Id.CompareTo(after) > 0)
                .OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            foreach (var card in cards)
            {
                var amount = card.Balance;
                card.Balance = 0;
                card.UpdatedAt = now;
                db.Add(new GiftCardTransaction(card.Id, GiftCardTransactionKind.Expired, -amount, 0, null, null, "expired", null, time));
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A card moved meanwhile; the whole batch waits for the next run rather than guessing.
                return JobOutcome.Done;
            }
            if (cards.Count < Batch) return JobOutcome.Done;
            after = cards[^1].Id;
        }
    }
}
