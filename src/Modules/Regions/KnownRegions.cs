using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Mercato.Regions.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Regions;

/// <summary>
/// Every region, kept in memory: each store read, cart and checkout asks for one, and a shop has a handful that change
/// rarely. A region change forgets them: this node's own at once (before the commit returns), other nodes' when the outbox
/// follower reads the change, as for the output cache.
/// </summary>
internal sealed class KnownRegions : ICommitObserver, IFollowedChangeObserver
{
    private static readonly System.Linq.Expressions.Expression<Func<Region, RegionSummary>> Summary =
        r => new RegionSummary(r.Id, r.CurrencyCode, r.TaxRateBasisPoints, r.PricesIncludeTax)
        {
            CountryCodes = r.Countries.OrderBy(c => c.CountryCode).Select(c => c.CountryCode).ToList(),
        };

    private long _generation;

    /// <summary>What the last read found, for the generation it read in (replaced whole, so never read half-written).</summary>
    private volatile Snapshot? _snapshot;

    /// <summary>The regions oldest first (ids are time-ordered), and by id.</summary>
    public sealed record Snapshot(long Generation, IReadOnlyList<RegionSummary> All, IReadOnlyDictionary<string, RegionSummary> ById);

    public async ValueTask<Snapshot> GetAsync(MercatoDb db, CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_snapshot is { } known && known.Generation == generation) return known;
        var all = await db.Set<Region>().AsNoTracking().OrderBy(r => r.Id).Select(Summary).ToListAsync(ct);
        // Kept for the generation read before the query: a change heard meanwhile moved the generation on, so this snapshot
        // then matches no later read.
        var snapshot = new Snapshot(generation, all, all.ToDictionary(r => r.Id, StringComparer.Ordinal));
        _snapshot = snapshot;
        return snapshot;
    }

    public Task CommittedAsync(IReadOnlyList<CommittedChange> changes, CancellationToken ct)
    {
        Forget(changes);
        return Task.CompletedTask;
    }

    public Task FollowedAsync(IReadOnlyList<CommittedChange> changes, CancellationToken ct)
    {
        Forget(changes);
        return Task.CompletedTask;
    }

    private void Forget(IReadOnlyList<CommittedChange> changes)
    {
        foreach (var change in changes)
        {
            if (!RegionEvents.IsRegionEvent(change.Type)) continue;
            Interlocked.Increment(ref _generation);
            return;
        }
    }
}
