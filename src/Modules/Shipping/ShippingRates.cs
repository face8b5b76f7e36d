using Mercato.Kernel.Persistence;
using Mercato.Regions.Contracts;
using Mercato.Shipping.Contracts;
using Mercato.Shipping.Options;

namespace Mercato.Shipping;

internal sealed class ShippingRates(MercatoDb db, IRegionDirectory regions, EnabledShippingOptions enabled) : IShippingRates
{
    public async Task<IReadOnlyList<ShippingQuote>> QuoteAsync(string regionId, long subtotal, int weightGrams, CancellationToken ct)
    {
        // A deleted region's options may linger in memory until the deletion reaches this node: the region decides.
        var region = await regions.FindAsync(regionId, ct);
        if (region is null) return [];
        var options = await enabled.OfRegionAsync(db, regionId, ct);
        return [.. options
            .Select(o => (Option: o, Price: o.PriceFor(subtotal, weightGrams)))
            .Where(x => x.Price is not null)
            .OrderBy(x => x.Price).ThenBy(x => x.Option.Position).ThenBy(x => x.Option.Id, StringComparer.Ordinal)
            .Select(x => new ShippingQuote(x.Option.Id, x.Option.Name, x.Price!.Value, region.CurrencyCode, x.Option.TaxClassId))];
    }
}
