using Mercato.Carts.Contracts;
using Mercato.Kernel.Events;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Carts;

/// <summary>
/// A recurring job that marks carts with lines, neither completed nor expired, untouched for
/// <c>Mercato:Carts:AbandonAfterMinutes</c>, as abandoned and raises <see cref="CartEvents.Abandoned"/> once per cart.
/// Each cart is marked under its version, so a shopper's concurrent change wins and the cart stays active.
/// </summary>
internal sealed class MarkAbandonedCarts(MercatoDb db, IDomainEvents events, TimeProvider time, IOptions<CartOptions> options) : IJobHandler
{
    public const string JobType = "carts.mark_abandoned";
    private const int Batch = 100;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var idleSince = now.AddMinutes(-options.Value.AbandonAfterMinutes);
        var after = "";
        while (true)
        {
            var ids = await db.Set<Cart>().AsNoTracking()
                .Where(c => c.AbandonedAt == null && c.CompletedAt == null && c.UpdatedAt <= idleSince && c.ExpiresAt > now
                    && c.Lines.Any() && c.Id.CompareTo(after) > 0)
                .OrderBy(c => c.Id).Select(c => c.Id).Take(Batch).ToListAsync(ct);
            foreach (var id in ids) await MarkAsync(id, idleSince, now, ct);
            if (ids.Count < Batch) return JobOutcome.Done;
            after = ids[^1];
        }
    }

    /// <summary>Safe to repeat: a cart already marked, or changed since it was found, is left alone.</summary>
    private async Task MarkAsync(string id, DateTimeOffset idleSince, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Not a change a shopper made: the version (and the shopper's If-Match) stays as it is.
        var marked = await db.Set<Cart>()
            .Where(c => c.Id == id && c.AbandonedAt == null && c.CompletedAt == null && c.UpdatedAt <= idleSince && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AbandonedAt, now), ct);
        if (marked != 1) return;
        var cart = await db.Set<Cart>().AsNoTracking().Include(c => c.Lines).SingleAsync(c => c.Id == id, ct);
        events.Raise(CartEvents.Abandoned, CartEventState.ReferenceOf(cart.Id), CartEventState.From(cart));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
