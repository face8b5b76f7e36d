using Mercato.Catalog.Contracts;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.PriceLists;

/// <summary>Reads the list prices that may apply and lets <see cref="BestPrice"/> choose; one query per call.</summary>
internal sealed class PriceResolver(MercatoDb db, TimeProvider time, ActivePriceLists active) : IVariantPrices
{
    public async Task<IReadOnlyDictionary<string, UnitPriceChoice>> BestAsync(IReadOnlyCollection<PriceLine> lines, PriceContext context,
        CancellationToken ct)
    {
        if (lines.Count == 0) return new Dictionary<string, UnitPriceChoice>();
        var now = time.GetUtcNow();
        var ids = lines.Select(l => l.VariantId).Distinct(StringComparer.Ordinal).ToList();
        var prices = await CandidatesAsync(db, active, db.Set<PriceListPrice>().Where(p => ids.Contains(p.VariantId)), context.CurrencyCode, now,
            storeOnly: false, ct);
        var result = new Dictionary<string, UnitPriceChoice>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var query = new PriceQuery(context.CurrencyCode, line.Quantity, context.RegionId, context.SalesChannelId, context.CustomerGroupIds, now);
            var choice = BestPrice.Choose(line.BaseAmount, prices[line.VariantId], query);
            result[line.VariantId] = new UnitPriceChoice(choice.Amount, choice.OriginalAmount, choice.PriceListId);
        }
        return result;
    }

    private static readonly ILookup<string, ListPrice> NoPrices = Array.Empty<ListPrice>().ToLookup(p => "", StringComparer.Ordinal);

    /// <summary>
    /// The prices in <paramref name="currency"/> among <paramref name="prices"/> of active lists that have not ended, keyed by
    /// variant. <paramref name="storeOnly"/> keeps what public store reads may show: lists without customer-group conditions,
    /// prices for one unit.
    /// </summary>
    public static async Task<ILookup<string, ListPrice>> CandidatesAsync(MercatoDb db, ActivePriceLists active, IQueryable<PriceListPrice> prices,
        string currency, DateTimeOffset now, bool storeOnly, CancellationToken ct)
    {
        if (!await active.MayApplyAsync(db, now, ct)) return NoPrices;
        var lists = db.Set<PriceList>().Where(l => l.Status == PriceList.Active && (l.EndsAt == null || l.EndsAt > now));
        if (storeOnly)
        {
            lists = lists.Where(l => l.CustomerGroupIds == "");
            prices = prices.Where(p => p.MinQuantity == 1);
        }
        var rows = await (from p in prices
                          join l in lists on p.PriceListId equals l.Id
                          where p.CurrencyCode == currency
                          select new { p.VariantId, p.Amount, p.MinQuantity, List = l }).AsNoTracking().ToListAsync(ct);
        var rules = new Dictionary<string, PriceListRule>(StringComparer.Ordinal);
        return rows.ToLookup(r => r.VariantId, r =>
        {
            if (!rules.TryGetValue(r.List.Id, out var rule)) rules[r.List.Id] = rule = r.List.ToRule();
            return new ListPrice(rule, currency, r.Amount, r.MinQuantity);
        }, StringComparer.Ordinal);
    }
}
