using Mercato.Kernel.Persistence;
using Mercato.Regions.Contracts;
using Mercato.Tax.Classes;
using Mercato.Tax.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Tax;

/// <summary>
/// The built-in calculator: an amount is taxed at its tax class's rate for the region, or at the region's default rate when
/// it has no class, the class is unknown or the class has no rate there. Rounding follows <see cref="TaxMath"/>.
/// The address's country does not change the rate: rates are per region.
/// </summary>
internal sealed class TaxCalculator(MercatoDb db, IRegionDirectory regions) : ITaxCalculator
{
    public async Task<TaxResult> CalculateAsync(TaxRequest request, CancellationToken ct)
    {
        var region = await regions.FindAsync(request.RegionId, ct);
        var defaultRate = region?.TaxRateBasisPoints ?? 0;
        var classIds = request.Lines.Select(l => l.TaxClassId).Append(request.Shipping?.TaxClassId)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var classRates = classIds.Count == 0
            ? new Dictionary<string, int>(StringComparer.Ordinal)
            : await db.Set<TaxClassRate>().AsNoTracking().Where(r => r.RegionId == request.RegionId && classIds.Contains(r.TaxClassId))
                .ToDictionaryAsync(r => r.TaxClassId, r => r.RateBasisPoints, StringComparer.Ordinal, ct);

        TaxLine Line(TaxableAmount amount)
        {
            var rate = amount.TaxClassId is { } id && classRates.TryGetValue(id, out var classRate) ? classRate : defaultRate;
            return new TaxLine(amount.Key, rate, TaxMath.Tax(amount.Amount, rate, request.PricesIncludeTax));
        }

        return new TaxResult([.. request.Lines.Select(Line)], request.Shipping is { } shipping ? Line(shipping) : null);
    }
}

internal sealed class TaxClasses(MercatoDb db) : ITaxClasses
{
    public Task<bool> ExistsAsync(string taxClassId, CancellationToken ct) => db.Set<TaxClass>().AnyAsync(c => c.Id == taxClassId, ct);
}
