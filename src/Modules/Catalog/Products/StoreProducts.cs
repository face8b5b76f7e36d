using System.Globalization;
using Mercato.Catalog.Attributes;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Collections;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Money;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Mercato.Regions.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Mercato.Catalog.Products;

/// <summary>
/// The storefront's product reads: published products of the caller's sales channel, priced in the requested region's
/// currency. Lists are keyset-paginated and take one query for the page whatever its size.
/// </summary>
internal static class StoreProducts
{
    private const int MaxFilterValues = 10;
    private static readonly string[] Sorts = ["newest", "price_asc", "price_desc", "title"];

    public static void Map(RouteGroupBuilder store)
    {
        store.MapGet("/products", List).WithTags("Products").WithName("StoreListProducts")
            .WithSummary("List published products of the key's sales channel, priced for a region")
            .WithDescription("Filters: `category` (id or handle, includes subcategories), `collection` (id or handle), `tag`, " +
                "`option=Size:M`, `attribute=material:linen` (each repeatable; all must match), `minPrice`/`maxPrice` (minor units, " +
                "any variant in range), `q` (title, tag or SKU). Sorts: newest (default), price_asc, price_desc, title. " +
                "Only products with a price in the region's currency are listed.")
            .Produces<Page<StoreProductSummary>>().ProducesProblem(StatusCodes.Status400BadRequest);
        store.MapGet("/products/{handle}", GetByHandle).WithTags("Products").WithName("StoreGetProduct")
            .WithSummary("Get a published product by its handle, priced for a region")
            .Produces<StoreProductResponse>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>A list row; member-init (not a constructor) so EF can filter and sort on its properties.</summary>
    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Handle { get; init; } = "";
        public string Title { get; init; } = "";
        public string TitleSort { get; init; } = "";
        public string? Subtitle { get; init; }
        public string? ProductType { get; init; }
        public long MinAmount { get; init; }
        public long MaxAmount { get; init; }
        public string? ThumbnailUrl { get; init; }
        public string? ThumbnailAlt { get; init; }
    }

    private static async Task<IResult> List(HttpContext http, MercatoDb db, IRegionDirectory regions, int? limit, string? cursor,
        string? q, string? category, string? collection, [FromQuery] string[]? tag, [FromQuery] string[]? option,
        [FromQuery] string[]? attribute, long? minPrice, long? maxPrice, string? sort, string? region, CancellationToken ct)
    {
        var v = new Validator().Range("minPrice", minPrice, 0, Money.MaxAmount).Range("maxPrice", maxPrice, 0, Money.MaxAmount)
            .MaxLength("q", q, 200).MaxLength("category", category, 200).MaxLength("collection", collection, 200)
            .Count("tag", tag, MaxFilterValues).Count("option", option, MaxFilterValues).Count("attribute", attribute, MaxFilterValues);
        if (limit is < 1 or > Cursor.MaxLimit) v.Add("limit", $"Must be between 1 and {Cursor.MaxLimit}.");
        sort ??= "newest";
        if (!Sorts.Contains(sort)) v.Add("sort", $"One of: {string.Join(", ", Sorts)}.");
        var options = ParsePairs(v, "option", option);
        var attributes = ParsePairs(v, "attribute", attribute);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var size = limit ?? Cursor.DefaultLimit;

        var market = await ResolveRegionAsync(regions, region, ct);
        if (market.Error is { } noRegion) return noRegion.ToProblem();
        var currency = market.Value!.CurrencyCode;
        var channelId = http.SalesChannelId();

        var products = db.Set<Product>().AsNoTracking()
            .Where(p => p.Status == ProductStatus.Published && p.Channels.Any(c => c.SalesChannelId == channelId));
        if (category is not null)
        {
            var tree = await StoreCategoryTree.LoadAsync(db, ct);
            if (tree.Find(category) is not { } root) return Error.Validation("category", $"No category '{category}'.").ToProblem();
            var subtree = tree.SubtreeIds(root);
            products = products.Where(p => p.Categories.Any(l => subtree.Contains(l.CategoryId)));
        }
        if (collection is not null)
        {
            var collectionId = await db.Set<Collection>().Where(c => c.Id == collection || c.Handle == collection)
                .Select(c => c.Id).FirstOrDefaultAsync(ct);
            if (collectionId is null) return Error.Validation("collection", $"No collection '{collection}'.").ToProblem();
            products = products.Where(p => p.Collections.Any(l => l.CollectionId == collectionId));
        }
        foreach (var t in (tag ?? []).Select(ProductEditor.NormalizeTag))
            products = products.Where(p => p.Tags.Any(x => x.Value == t));
        foreach (var (name, value) in options)
        {
            var key = ProductEditor.FilterKey(name, value);
            products = products.Where(p => p.Variants.Any(x => x.OptionValues.Any(o => o.FilterKey == key)));
        }
        if (attributes.Count > 0)
        {
            var keys = attributes.Select(a => a.Name).Distinct().ToList();
            var definitions = await db.Set<AttributeDefinition>().AsNoTracking().Where(a => keys.Contains(a.Key)).ToDictionaryAsync(a => a.Key, ct);
            foreach (var (name, value) in attributes)
            {
                var stored = definitions.TryGetValue(name, out var definition) ? definition.CanonicalFilterValue(value) : value;
                products = products.Where(p => p.Attributes.Any(a => a.Key == name && a.Value == stored));
            }
        }
        if (minPrice is not null || maxPrice is not null)
        {
            long min = minPrice ?? 0, max = maxPrice ?? long.MaxValue;
            products = products.Where(p => p.Variants.Any(x => x.Prices.Any(pr => pr.CurrencyCode == currency && pr.Amount >= min && pr.Amount <= max)));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            var sku = q.Trim().ToUpperInvariant();
            products = products.Where(p => p.TitleSort.Contains(term) || p.Tags.Any(t => t.Value == term) || p.Variants.Any(x => x.Sku == sku));
        }

        var rows = from p in products
                   join s in db.Set<ProductPriceSummary>() on p.Id equals s.ProductId
                   where s.CurrencyCode == currency
                   select new Row
                   {
                       Id = p.Id, Handle = p.Handle, Title = p.Title, TitleSort = p.TitleSort, Subtitle = p.Subtitle,
                       ProductType = p.ProductType, MinAmount = s.MinAmount, MaxAmount = s.MaxAmount,
                       ThumbnailUrl = p.Media.OrderBy(m => m.Position).Select(m => m.Url).FirstOrDefault(),
                       ThumbnailAlt = p.Media.OrderBy(m => m.Position).Select(m => m.Alt).FirstOrDefault(),
                   };

        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 3) is not [{ } cursorSort, { } key, { } id] || cursorSort != sort) return ListQuery.InvalidCursor().ToProblem();
            long amount = 0;
            if (sort.StartsWith("price", StringComparison.Ordinal) && !long.TryParse(key, CultureInfo.InvariantCulture, out amount))
                return ListQuery.InvalidCursor().ToProblem();
            rows = sort switch
            {
                "price_asc" => rows.Where(r => r.MinAmount > amount || (r.MinAmount == amount && r.Id.CompareTo(id) > 0)),
                "price_desc" => rows.Where(r => r.MinAmount < amount || (r.MinAmount == amount && r.Id.CompareTo(id) < 0)),
                "title" => rows.Where(r => r.TitleSort.CompareTo(key) > 0 || (r.TitleSort == key && r.Id.CompareTo(id) > 0)),
                _ => rows.Where(r => r.Id.CompareTo(id) < 0),
            };
        }
        rows = sort switch
        {
            "price_asc" => rows.OrderBy(r => r.MinAmount).ThenBy(r => r.Id),
            "price_desc" => rows.OrderByDescending(r => r.MinAmount).ThenByDescending(r => r.Id),
            "title" => rows.OrderBy(r => r.TitleSort).ThenBy(r => r.Id),
            _ => rows.OrderByDescending(r => r.Id),
        };
        var found = await rows.Take(size + 1).ToListAsync(ct);
        var page = found.Take(size).ToList();
        string? next = null;
        if (found.Count > size)
        {
            var last = page[^1];
            var key = sort switch
            {
                "price_asc" or "price_desc" => last.MinAmount.ToString(CultureInfo.InvariantCulture),
                "title" => last.TitleSort,
                _ => "",
            };
            next = Cursor.Encode(sort, key, last.Id);
        }
        var items = page.Select(r => new StoreProductSummary(r.Id, r.Handle, r.Title, r.Subtitle, r.ProductType,
            r.ThumbnailUrl is null ? null : new StoreImage(r.ThumbnailUrl, r.ThumbnailAlt),
            new StorePriceRange(new MoneyDto(r.MinAmount, currency), new MoneyDto(r.MaxAmount, currency)))).ToList();
        return CacheableJson.Ok(http, new Page<StoreProductSummary>(items, next), [CacheableJson.ProductListsTag, .. items.Select(i => i.Id)]);
    }

    private static async Task<IResult> GetByHandle(string handle, string? region, HttpContext http, MercatoDb db, IRegionDirectory regions,
        IStockAvailability stock, IConfiguration config, CancellationToken ct)
    {
        var market = await ResolveRegionAsync(regions, region, ct);
        if (market.Error is { } noRegion) return noRegion.ToProblem();
        var currency = market.Value!.CurrencyCode;
        var channelId = http.SalesChannelId();
        var normalized = handle.ToLowerInvariant();
        var product = await db.Set<Product>().AsNoTracking().WithStoreGraph()
            .SingleOrDefaultAsync(p => p.Handle == normalized && p.Status == ProductStatus.Published
                && p.Channels.Any(c => c.SalesChannelId == channelId), ct);
        if (product is null) return Error.NotFound("product", handle).ToProblem();

        var categoryIds = product.Categories.Select(c => c.CategoryId).ToList();
        var collectionIds = product.Collections.Select(c => c.CollectionId).ToList();
        var attributeKeys = product.Attributes.Select(a => a.Key).ToList();
        var categories = categoryIds.Count == 0 ? [] : (await StoreCategoryTree.LoadAsync(db, ct)).Visible
            .Where(c => categoryIds.Contains(c.Id)).Select(c => new StoreCategoryRef(c.Id, c.Handle, c.Name, c.Path)).ToList();
        // No round trip for what the product does not have: most products are in no collection.
        var collections = collectionIds.Count == 0 ? [] : await db.Set<Collection>().AsNoTracking().Where(c => collectionIds.Contains(c.Id))
            .OrderBy(c => c.Handle).Select(c => new StoreCollectionRef(c.Id, c.Handle, c.Title)).ToListAsync(ct);
        var types = attributeKeys.Count == 0 ? [] : await db.Set<AttributeDefinition>().AsNoTracking().Where(a => attributeKeys.Contains(a.Key))
            .ToDictionaryAsync(a => a.Key, a => a.Type, ct);

        // One availability query for every tracked variant; untracked variants are always in stock.
        var tracked = product.Variants.Where(x => x.ManageInventory).Select(x => x.Sku).ToList();
        var availability = tracked.Count == 0 ? new Dictionary<string, SkuAvailability>() : await stock.ForSkusAsync(tracked, ct);
        var exposeQuantities = config.GetValue("Mercato:Inventory:ExposeQuantities", false);
        StoreVariant ToStore(Variant x)
        {
            var known = x.ManageInventory ? availability.GetValueOrDefault(x.Sku) : null;
            return new StoreVariant(x.Id, x.Sku, x.Title, x.OptionValues.ToDictionary(o => o.OptionName, o => o.Value),
                x.Prices.Find(p => p.CurrencyCode == currency) is { } price ? new MoneyDto(price.Amount, currency) : null, x.WeightGrams,
                known?.Status ?? StockStatus.InStock, x.AllowBackorder, exposeQuantities && known is not null ? known.Available : null);
        }

        var summary = product.PriceSummaries.Find(s => s.CurrencyCode == currency);
        var response = new StoreProductResponse(product.Id, product.Handle, product.Title, product.Subtitle, product.Description,
            product.ProductType, market.Value.Id,
            summary is null ? null : new StorePriceRange(new MoneyDto(summary.MinAmount, currency), new MoneyDto(summary.MaxAmount, currency)),
            [.. product.Options.OrderBy(o => o.Position).Select(o => new StoreOption(o.Name, o.Values))],
            [.. product.Variants.OrderBy(x => x.Position).ThenBy(x => x.Id, StringComparer.Ordinal).Select(ToStore)],
            [.. product.Media.OrderBy(m => m.Position).Select(m => new StoreImage(m.Url, m.Alt))],
            [.. product.Tags.Select(t => t.Value).Order(StringComparer.Ordinal)],
            categories, collections, ProductResponse.AttributesOf(product.Attributes, types),
            new StoreSeo(product.MetaTitle ?? product.Title, product.MetaDescription));
        return CacheableJson.Ok(http, response, [product.Id, .. categoryIds, .. collectionIds]);
    }

    /// <summary>
    /// What a product page shows, one split query per collection: the Admin API's graph without the channel links, which
    /// the lookup has already filtered on.
    /// </summary>
    private static IQueryable<Product> WithStoreGraph(this IQueryable<Product> products) => products
        .Include(p => p.Options).Include(p => p.Variants).ThenInclude(v => v.OptionValues)
        .Include(p => p.Variants).ThenInclude(v => v.Prices).Include(p => p.Media).Include(p => p.Tags)
        .Include(p => p.Categories).Include(p => p.Collections).Include(p => p.Attributes)
        .Include(p => p.PriceSummaries).AsSplitQuery();

    private static async Task<Result<RegionSummary>> ResolveRegionAsync(IRegionDirectory regions, string? regionId, CancellationToken ct)
    {
        if (regionId is null) return await regions.DefaultAsync(ct) is { } fallback ? fallback : CatalogErrors.NoRegion();
        return await regions.FindAsync(regionId, ct) is { } found ? found : CatalogErrors.RegionNotFound(regionId);
    }

    private static List<(string Name, string Value)> ParsePairs(Validator v, string field, string[]? values)
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; i < (values?.Length ?? 0); i++)
        {
            var parts = values![i].Split(':', 2);
            if (parts.Length != 2 || parts[0].Length is 0 or > 64 || parts[1].Length is 0 or > 500)
                v.Add($"{field}[{i}]", "Expected name:value, e.g. Size:M.");
            else pairs.Add((parts[0], parts[1]));
        }
        return pairs;
    }
}
