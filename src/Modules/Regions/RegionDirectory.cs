using Mercato.Kernel.Persistence;
using Mercato.Regions.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Regions;

internal sealed class RegionDirectory(MercatoDb db) : IRegionDirectory
{
    private static readonly System.Linq.Expressions.Expression<Func<Region, RegionSummary>> Summary =
        r => new RegionSummary(r.Id, r.CurrencyCode, r.TaxRateBasisPoints, r.PricesIncludeTax)
        {
            CountryCodes = r.Countries.OrderBy(c => c.CountryCode).Select(c => c.CountryCode).ToList(),
        };

    /// <summary>Regions already read in this scope (one request or one job): pricing, shipping and tax each ask for the cart's.</summary>
    private readonly Dictionary<string, RegionSummary?> _found = new(StringComparer.Ordinal);

    public async Task<RegionSummary?> FindAsync(string regionId, CancellationToken ct)
    {
        if (_found.TryGetValue(regionId, out var known)) return known;
        var region = await db.Set<Region>().Where(r => r.Id == regionId).Select(Summary).SingleOrDefaultAsync(ct);
        _found[regionId] = region;
        return region;
    }

    public Task<RegionSummary?> DefaultAsync(CancellationToken ct) =>
        db.Set<Region>().OrderBy(r => r.Id)
            .Select(Summary).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<RegionSummary>> ListAsync(CancellationToken ct) =>
        await db.Set<Region>().OrderBy(r => r.Id).Select(Summary).ToListAsync(ct);
}
