using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Mercato.Promotions.Contracts;
using Mercato.Promotions.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Promotions;

/// <summary>
/// The enabled automatic promotions, kept in memory with their rules: every cart change re-prices the cart against them,
/// and a shop changes its promotions rarely. Any promotion event forgets them (see <see cref="ForgetfulCache"/>). The use
/// counts they hold go stale as orders count up, so <see cref="Snapshot.AnyUsageLimit"/> tells the evaluator when it must
/// read them fresh. Readers must not change the promotions it holds.
/// </summary>
internal sealed class AutomaticPromotions : ForgetfulCache
{
    /// <summary>The promotions by id and their rules (without a code), oldest first; read whole, never changed.</summary>
    public sealed record Snapshot(IReadOnlyDictionary<string, Promotion> ById, IReadOnlyList<PromotionRule> Rules, bool AnyUsageLimit);

    public ValueTask<Snapshot> GetAsync(MercatoDb db, CancellationToken ct) => RememberAsync(db, static async (db, ct) =>
    {
        var promotions = await db.Set<Promotion>().AsNoTracking().Where(p => p.Enabled && !p.RequiresCode)
            .OrderBy(p => p.Id).ToListAsync(ct);
        return new Snapshot(promotions.ToDictionary(p => p.Id, StringComparer.Ordinal), [.. promotions.Select(p => p.ToRule(null))],
            promotions.Exists(p => p.UsageLimit is not null));
    }, ct);

    protected override bool Concerns(string eventType) => PromotionEvents.IsPromotionEvent(eventType);
}
