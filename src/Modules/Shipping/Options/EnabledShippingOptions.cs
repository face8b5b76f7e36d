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
    public async ValueTask<IReadOnlyList<ShippingOption>> OfRegionAsync(MercatoDb db, string regionId, CancellationToken ct)
    {
        var byRegion = await RememberAsync(db, static async (db, ct) =>
        {
            var options = await db.Set<ShippingOption>().AsNoTracking().Include(o => o.Bands).Where(o => o.Enabled)
                .OrderBy(o => o.Id).ToListAsync(ct);
            return options.GroupBy(o => o.RegionId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, IReadOnlyList<ShippingOption> (g) => [.. g], StringComparer.Ordinal);
        }, ct);
        return byRegion.GetValueOrDefault(regionId) ?? [];
    }

    protected override bool Concerns(string eventType) => ShippingEvents.IsShippingOptionEvent(eventType);
}
