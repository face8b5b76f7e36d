using Mercato.Catalog.Contracts;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Products;

/// <summary>Saleable variants for carts: published products linked to the sales channel, priced in one currency.</summary>
internal sealed class VariantCatalog(MercatoDb db) : IVariantCatalog
{
    public async Task<IReadOnlyDictionary<string, SaleableVariant>> FindSaleableAsync(IReadOnlyCollection<string> variantIds,
        string salesChannelId, string currencyCode, CancellationToken ct)
    {
        if (variantIds.Count == 0) return new Dictionary<string, SaleableVariant>();
        var ids = SharedPlans.PaddedForSharedPlan([.. variantIds.Distinct()]);
        var currency = Currency.Of(currencyCode);
        var rows = await db.Set<Variant>().AsNoTracking()
            // Padded: PostgreSQL planned this join anew for a cart's few ids at every call, which cost more than running it.
            .Where(v => ids.Contains(v.Id))
            .Join(db.Set<Product>().Where(p => p.Status == ProductStatus.Published), v => v.ProductId, p => p.Id, (v, p) => new
            {
                v.Id, v.ProductId, p.Handle, ProductTitle = p.Title, v.Title, v.Sku, v.WeightGrams, v.ManageInventory, v.AllowBackorder,
                p.TaxClassId, p.GiftCard,
                // A LIMIT 1 lookup per row, not EXISTS: PostgreSQL's shared plan ran an EXISTS as a hash of every product
                // in the channel (a shop's few channels each hold most products), 0.2 ms at 1,000 products against 0.01 ms.
                InChannel = p.Channels.Where(c => c.SalesChannelId == salesChannelId).Select(c => 1).FirstOrDefault(),
                Options = v.OptionValues.Select(o => new { o.OptionName, o.Value }).ToList(),
                Price = v.Prices.Where(x => x.CurrencyCode == currency.Code).Select(x => (long?)x.Amount).FirstOrDefault(),
                Thumbnail = p.Media.OrderBy(m => m.Position).Select(m => m.Url).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Where(r => r.InChannel == 1).ToDictionary(r => r.Id, r => new SaleableVariant(r.Id, r.ProductId, r.Handle, r.ProductTitle, r.Title, r.Sku,
            r.Options.ToDictionary(o => o.OptionName, o => o.Value, StringComparer.Ordinal),
            r.Price is { } amount ? new Money(amount, currency) : null, r.WeightGrams, r.ManageInventory, r.AllowBackorder,
            r.TaxClassId, r.Thumbnail, r.GiftCard), StringComparer.Ordinal);
    }
}
