using Mercato.Catalog.Attributes;
using Mercato.Catalog.Contracts;
using Mercato.Kernel.Events;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Products;

/// <summary>The state of a <see cref="CatalogEvents.VariantPriceChanged"/> event: the variant's prices before and after.</summary>
internal sealed record VariantPriceChange(string VariantId, string ProductId, string Sku, IReadOnlyList<MoneyDto> Before,
    IReadOnlyList<MoneyDto> After);

/// <summary>Raises the Catalog's events in the unit of work of the change they describe.</summary>
internal static class ProductEvents
{
    /// <summary>Every variant's prices, as responses show them, to compare after a change.</summary>
    public static Dictionary<string, IReadOnlyList<MoneyDto>> PricesOf(Product product) =>
        product.Variants.ToDictionary(v => v.Id, v => (IReadOnlyList<MoneyDto>)VariantResponse.From(v).Prices, StringComparer.Ordinal);

    /// <summary>
    /// Raises <paramref name="type"/> for the product (its state with the version the save will store), and a price change for
    /// each variant whose prices differ from <paramref name="pricesBefore"/> (every variant with prices when it is null).
    /// </summary>
    public static async Task RaiseAsync(this IDomainEvents events, MercatoDb db, string type, Product product,
        Dictionary<string, IReadOnlyList<MoneyDto>>? pricesBefore, CancellationToken ct)
    {
        var types = await AttributeTypesAsync(db, product, ct);
        events.Raise(type, product.Id, () => ProductResponse.From(product, types));
        if (type == CatalogEvents.ProductDeleted) return;
        foreach (var variant in product.Variants.OrderBy(v => v.Position).ThenBy(v => v.Id, StringComparer.Ordinal))
        {
            var after = VariantResponse.From(variant).Prices;
            var before = pricesBefore?.GetValueOrDefault(variant.Id) ?? [];
            if (before.SequenceEqual(after)) continue;
            events.Raise(CatalogEvents.VariantPriceChanged, variant.Id, new VariantPriceChange(variant.Id, product.Id, variant.Sku, before, after));
        }
    }

    private static async Task<IReadOnlyDictionary<string, AttributeType>> AttributeTypesAsync(MercatoDb db, Product product, CancellationToken ct)
    {
        var keys = product.Attributes.Select(a => a.Key).Distinct().ToList();
        if (keys.Count == 0) return new Dictionary<string, AttributeType>();
        return await db.Set<AttributeDefinition>().Where(a => keys.Contains(a.Key)).ToDictionaryAsync(a => a.Key, a => a.Type, ct);
    }
}
