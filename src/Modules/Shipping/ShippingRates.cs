using Mercato.Kernel.Persistence;
using Mercato.Regions.Contracts;
using Mercato.Shipping.Contracts;
using Mercato.Shipping.Options;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Shipping;

internal sealed class ShippingRates(MercatoDb db, IRegionDirectory regions) : IShippingRates
{
    public async Task<IReadOnlyList<ShippingQuote>> QuoteAsync(string regionId, long subtotal, int weightGrams, CancellationToken ct)
    {
        var region = await regions.FindAsync(regionId, ct);
        if (region is null) return [];
        var options = await db.Set<ShippingOption>().AsNoTracking().Include(o => o.Bands)
            .Where(o => o.RegionId == regionId && o.Enabled).ToListAsync(ct);
        return [.. options
            .Select(o => (Option: o, Price: o.PriceFor(subtotal, weightGrams)))
            .Where(x => x.Price is not null)
            .OrderBy(x => x.Price).ThenBy(x => x.Option.Position).ThenBy(x => x.Option.Id, StringComparer.Ordinal)
            .Select(x => new ShippingQuote(x.Option.Id, x.Option.Name, x.Price!.Value, region.CurrencyCode, x.Option.TaxClassId))];
    }
}
