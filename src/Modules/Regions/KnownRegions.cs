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

    /// <summary>The regions oldest first (ids are time-ordered), and by id.</summary>
    public sealed record Snapshot(IReadOnlyList<RegionSummary> All, IReadOnlyDictionary<string, RegionSummary> ById);

    public ValueTask<Snapshot> GetAsync(MercatoDb db, CancellationToken ct) => RememberAsync(db, static async (db, ct) =>
    {
        var all = await db.Set<Region>().AsNoTracking().OrderBy(r => r.Id).Select(Summary).ToListAsync(ct);
        return new Snapshot(all, all.ToDictionary(r => r.Id, StringComparer.Ordinal));
    }, ct);

    protected override bool Concerns(string eventType) => RegionEvents.IsRegionEvent(eventType);
}
