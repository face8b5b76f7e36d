using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Mercato.Shipping.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Shipping.Options;

/// <summary>
/// The enabled shipping options of every region, with their bands, kept in memory: every cart re-pricing with a shipping
/// method and every quote asks for a region's options, and a shop has a handful that change rarely. Any shipping option
/// event forgets them (see <see cref="ForgetfulCache"/>). Readers must not change the options it holds.
/// </summary>
internal sealed class EnabledShippingOptions : ForgetfulCache
{
    private sealed record Snapshot(long Generation, IReadOnlyDictionary<string, IReadOnlyList<ShippingOption>> ByRegion);

    private volatile Snapshot? _snapshot;

    public async ValueTask<IReadOnlyList<ShippingOption>> OfRegionAsync(MercatoDb db, string regionId, CancellationToken ct)
    {
        var generation = Generation;
        if (_snapshot is not { } known || known.Generation != generation)
        {
            var options = await db.Set<ShippingOption>().AsNoTracking().Include(o => o.Bands).Where(o => o.Enabled)
                .OrderBy(o => o.Id).ToListAsync(ct);
            known = new Snapshot(generation, options.GroupBy(o => o.RegionId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, IReadOnlyList<ShippingOption> (g) => [.. g], StringComparer.Ordinal));
            _snapshot = known;
        }
        return known.ByRegion.GetValueOrDefault(regionId) ?? [];
    }

    protected override bool Concerns(string eventType) => ShippingEvents.IsShippingOptionEvent(eventType);
}
