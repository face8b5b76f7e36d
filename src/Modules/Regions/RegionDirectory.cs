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

    public Task<RegionSummary?> FindAsync(string regionId, CancellationToken ct) =>
        db.Set<Region>().Where(r => r.Id == regionId)
            .Select(Summary).SingleOrDefaultAsync(ct);

    public Task<RegionSummary?> DefaultAsync(CancellationToken ct) =>
        db.Set<Region>().OrderBy(r => r.Id)
            .Select(Summary).FirstOrDefaultAsync(ct);
}
