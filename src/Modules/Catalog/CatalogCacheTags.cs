using Mercato.Catalog.Contracts;
using Mercato.Catalog.Products;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Caching;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Mercato.Regions.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog;

/// <summary>
/// Which cached catalog answers a committed change makes stale, in one place. A product's answer is tagged with its id, its
/// categories' and collections' ids; every list, search, facet or suggestion answer with <see cref="CacheableJson.ProductListsTag"/>.
/// </summary>
internal sealed class CatalogCacheTags(MercatoDb db) : ICacheTagSource
{
    public async Task AddTagsAsync(IReadOnlyList<CommittedChange> changes, ISet<string> tags, CancellationToken ct)
    {
        var variantIds = new List<string>();
        var skus = new List<string>();
        var priceListIds = new List<string>();
        foreach (var change in changes)
        {
            switch (change.Type)
            {
                case CatalogEvents.ProductCreated or CatalogEvents.ProductUpdated or CatalogEvents.ProductDeleted:
                    tags.Add(change.ResourceId);
                    tags.Add(CacheableJson.ProductListsTag);
                    break;
                case CatalogEvents.VariantPriceChanged:
                    // Prices show in lists (price ranges, price filters) and in the product.
                    variantIds.Add(change.ResourceId);
                    tags.Add(CacheableJson.ProductListsTag);
                    break;
                case CatalogEvents.CategoryCreated or CatalogEvents.CategoryUpdated or CatalogEvents.CategoryDeleted:
                    // The tree, the products that show the category, and lists filtered by it.
                    tags.Add(change.ResourceId);
                    tags.Add(CacheableJson.CategoriesTag);
                    tags.Add(CacheableJson.ProductListsTag);
                    break;
                case CatalogEvents.CollectionCreated or CatalogEvents.CollectionUpdated or CatalogEvents.CollectionDeleted:
                    tags.Add(change.ResourceId);
                    tags.Add(CacheableJson.CollectionsTag);
                    tags.Add(CacheableJson.ProductListsTag);
                    break;
                case CatalogEvents.PriceListCreated or CatalogEvents.PriceListUpdated or CatalogEvents.PriceListDeleted:
                    // Answers that showed one of the list's prices carry its id; products it prices now may not have shown it yet.
                    tags.Add(change.ResourceId);
                    tags.Add(CacheableJson.ProductListsTag);
                    priceListIds.Add(change.ResourceId);
                    break;
                case RegionEvents.RegionCreated or RegionEvents.RegionUpdated or RegionEvents.RegionDeleted:
                    // Every product answer is priced in a region's currency (the default region's when none names one), and
                    // deleting the default region makes another the default; regions change rarely, so all of them go.
                    tags.Add(CacheableJson.ProductListsTag);
                    tags.Add(CacheableJson.ProductPagesTag);
                    break;
                case InventoryEvents.LevelChanged:
                    // A product shows each variant's stock status; lists do not.
                    if (change.ResourceId.LastIndexOf('@') is var at and > 0) skus.Add(change.ResourceId[..at]);
                    break;
            }
        }
        if (priceListIds.Count > 0)
        {
            var listed = db.Set<PriceLists.PriceListPrice>().Where(p => priceListIds.Contains(p.PriceListId)).Select(p => p.VariantId);
            foreach (var id in await db.Set<Variant>().Where(v => listed.Contains(v.Id)).Select(v => v.ProductId).Distinct().ToListAsync(ct))
                tags.Add(id);
        }
        if (variantIds.Count > 0)
        {
            foreach (var id in await db.Set<Variant>().Where(v => variantIds.Contains(v.Id)).Select(v => v.ProductId).Distinct().ToListAsync(ct))
                tags.Add(id);
        }
        if (skus.Count > 0)
        {
            var distinct = skus.Distinct(StringComparer.Ordinal).ToList();
            foreach (var id in await db.Set<Variant>().Where(v => distinct.Contains(v.Sku)).Select(v => v.ProductId).Distinct().ToListAsync(ct))
                tags.Add(id);
        }
    }
}
