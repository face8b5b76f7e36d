using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Mercato.Regions.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Regions;

/// <summary>
/// Every region, kept in memory: each store read, cart and checkout asks for one, and a shop has a handful that change
/// rarely. Any region change forgets them (see <see cref="ForgetfulCache"/>).
/// </summary>
internal sealed class KnownRegions : ForgetfulCache
{
    private static readonly System.Linq.Expressions.Expression<Func<Region, RegionSummary>> Summary =
        r => new RegionSummary(r.Id, r.CurrencyCode, r.TaxRateBasisPoints, r.PricesIncludeTax)
        {
            CountryCodes = r.Countries.OrderBy(c => c.CountryCode).Select(c => c.CountryCode).ToList(),
        };

    /// <summary>What the last read found, for the generation it read in (replaced whole, so never read half-written).</summary>
    private volatile Snapshot? _snapshot;

    /// <summary>The regions oldest first (ids are time-ordered), and by id.</summary>
    public sealed record Snapshot(long Generation, IReadOnlyList<RegionSummary> All, IReadOnlyDictionary<string, RegionSummary> ById);

    public async ValueTask<Snapshot> GetAsync(MercatoDb db, CancellationToken ct)
    {
        var generation = Generation;
        if (_snapshot is { } known && known.Generation == generation) return known;
        var all = await db.Set<Region>().AsNoTracking().OrderBy(r => r.Id).Select(Summary).ToListAsync(ct);
        var snapshot = new Snapshot(generation, all, all.ToDictionary(r => r.Id, StringComparer.Ordinal));
        _snapshot = snapshot;
        return snapshot;
    }

    protected override bool Concerns(string eventType) => RegionEvents.IsRegionEvent(eventType);
}
