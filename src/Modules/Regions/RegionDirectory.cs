using Mercato.Kernel.Persistence;
using Mercato.Regions.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Regions;

internal sealed class RegionDirectory(MercatoDb db) : IRegionDirectory
{
    public Task<RegionSummary?> FindAsync(string regionId, CancellationToken ct) =>
        db.Set<Region>().Where(r => r.Id == regionId)
            .Select(r => new RegionSummary(r.Id, r.CurrencyCode, r.TaxRateBasisPoints, r.PricesIncludeTax)).SingleOrDefaultAsync(ct);

    public Task<RegionSummary?> DefaultAsync(CancellationToken ct) =>
        db.Set<Region>().OrderBy(r => r.Id)
            .Select(r => new RegionSummary(r.Id, r.CurrencyCode, r.TaxRateBasisPoints, r.PricesIncludeTax)).FirstOrDefaultAsync(ct);
}
