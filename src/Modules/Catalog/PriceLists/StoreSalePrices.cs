using Mercato.Catalog.Products;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.PriceLists;

/// <summary>
/// Sale prices for public (cached) store reads (ADR 8): only lists without customer-group conditions, for one unit, in the
/// request's region and the key's channel. <see cref="ListIds"/> are the cache tags of the lists that touch the answer;
/// <see cref="ChangesAt"/> is when one of them starts or ends, so no cache keeps the answer past it.
/// </summary>
internal sealed class StoreSalePrices
{
    private readonly ILookup<string, ListPrice> _prices;
    private readonly PriceQuery _query;

    private StoreSalePrices(ILookup<string, ListPrice> prices, PriceQuery query)
    {
        _query = query;
        // Lists whose conditions hold whatever the time: they apply now, or will at a boundary of their schedule.
        var untimed = query with { Now = DateTimeOffset.MinValue };
        var relevant = prices.SelectMany(g => g).Select(p => p.List).DistinctBy(l => l.Id)
            .Where(l => BestPrice.ListApplies(l with { StartsAt = null, EndsAt = null }, untimed)).ToList();
        var ids = relevant.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        _prices = prices.SelectMany(g => g.Where(p => ids.Contains(p.List.Id)).Select(p => (Variant: g.Key, Price: p)))
            .ToLookup(x => x.Variant, x => x.Price, StringComparer.Ordinal);
        ListIds = [.. ids.Order(StringComparer.Ordinal)];
        ChangesAt = BestPrice.NextBoundary(relevant, query.Now);
    }

    public IReadOnlyList<string> ListIds { get; }

    public DateTimeOffset? ChangesAt { get; }

    /// <summary>Variants that have list prices which may apply (now or later).</summary>
    public IEnumerable<string> VariantIds => _prices.Select(g => g.Key);

    public bool Any => ListIds.Count > 0;

    /// <summary>The price a store shows for one unit of the variant whose base price is <paramref name="baseAmount"/>.</summary>
    public PriceChoice Choose(string variantId, long baseAmount) => BestPrice.Choose(baseAmount, _prices[variantId], _query);

    /// <summary>One query (none while no list is active): the candidate list prices of the products' variants.</summary>
    public static async Task<StoreSalePrices> ForProductsAsync(MercatoDb db, ActivePriceLists active, IReadOnlyCollection<string> productIds,
        string currency, string regionId, string salesChannelId, DateTimeOffset now, CancellationToken ct)
    {
        var ids = productIds.ToList();
        var variantIds = db.Set<Variant>().Where(v => ids.Contains(v.ProductId)).Select(v => v.Id);
        var prices = await PriceResolver.CandidatesAsync(db, active, db.Set<PriceListPrice>().Where(p => variantIds.Contains(p.VariantId)), currency, now,
            storeOnly: true, ct);
        return new StoreSalePrices(prices, new PriceQuery(currency, 1, regionId, salesChannelId, [], now));
    }

    /// <summary>
    /// The products' price ranges over their variants' store prices, and the base ranges where a sale lowers one: only for
    /// products with a variant that has list prices (one more query when there is any).
    /// </summary>
    public async Task<Dictionary<string, (StorePriceRange Price, StorePriceRange Original)>> RangesAsync(MercatoDb db, string currency,
        CancellationToken ct)
    {
        var result = new Dictionary<string, (StorePriceRange, StorePriceRange)>(StringComparer.Ordinal);
        if (!Any) return result;
        var listed = VariantIds.ToList();
        var products = db.Set<Variant>().Where(v => listed.Contains(v.Id)).Select(v => v.ProductId);
        var rows = await (from v in db.Set<Variant>()
                          join p in db.Set<VariantPrice>() on v.Id equals p.VariantId
                          where products.Contains(v.ProductId) && p.CurrencyCode == currency
                          select new { v.ProductId, v.Id, p.Amount }).AsNoTracking().ToListAsync(ct);
        foreach (var product in rows.GroupBy(r => r.ProductId))
        {
            var chosen = product.Select(r => (Base: r.Amount, Now: Choose(r.Id, r.Amount).Amount)).ToList();
            if (!chosen.Any(c => c.Now < c.Base)) continue;
            result[product.Key] = (new StorePriceRange(new MoneyDto(chosen.Min(c => c.Now), currency), new MoneyDto(chosen.Max(c => c.Now), currency)),
                new StorePriceRange(new MoneyDto(chosen.Min(c => c.Base), currency), new MoneyDto(chosen.Max(c => c.Base), currency)));
        }
        return result;
    }
}
