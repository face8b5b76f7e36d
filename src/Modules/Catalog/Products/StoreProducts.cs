using System.Globalization;
using Mercato.Catalog.Attributes;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Collections;
using Mercato.Catalog.Search;
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
    private static readonly string[] Sorts = ["relevance", "newest", "price_asc", "price_desc", "title"];

    public static void Map(RouteGroupBuilder store)
    {
        store.MapGet("/products", List).WithTags("Products").WithName("StoreListProducts")
            .WithSummary("List published products of the key's sales channel, priced for a region")
            .WithDescription("Filters: `category` (id or handle, includes subcategories), `collection` (id or handle), `tag`, " +
                "`option=Size:M`, `attribute=material:linen` (each repeatable; all must match), `minPrice`/`maxPrice` (minor units, " +
                "any variant in range), `q` (full-text search over titles, subtitles, descriptions, SKUs, tags, option and attribute " +
                "values: every word must match, the last one also as a prefix, words of 4+ letters with one typo, 8+ with two). " +
                "Sorts: relevance (the default with q: fewer typos, then exact before prefix matches, then field weights, then id), " +
                "newest (the default without q), price_asc, price_desc, title. " +
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
        /// <summary>
        /// The same id read from the price summary: price sorts order by it so that the database walks the summary's
        /// (currency, amount, product) index instead of sorting every product of the channel.
        /// </summary>
        public string PricedId { get; init; } = "";
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

    /// <summary>A search hit's rank, keyed by product.</summary>
    private sealed class Ranked
    {
        public string Id { get; init; } = "";
        public long Typos { get; init; }
        public long Prefixes { get; init; }
        public long Score { get; init; }
    }

    /// <summary>The store summaries of the given published products, by id, in one query.</summary>
    internal static async Task<Dictionary<string, StoreProductSummary>> SummariesAsync(MercatoDb db, List<string> ids, string currency,
        CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await (from p in db.Set<Product>().AsNoTracking()
                          join s in db.Set<ProductPriceSummary>() on p.Id equals s.ProductId
                          where ids.Contains(p.Id) && s.CurrencyCode == currency
                          select new Row
                          {
                              Id = p.Id, Handle = p.Handle, Title = p.Title, Subtitle = p.Subtitle, ProductType = p.ProductType,
                              MinAmount = s.MinAmount, MaxAmount = s.MaxAmount,
                              ThumbnailUrl = p.Media.OrderBy(m => m.Position).Select(m => m.Url).FirstOrDefault(),
                              ThumbnailAlt = p.Media.OrderBy(m => m.Position).Select(m => m.Alt).FirstOrDefault(),
                          }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new StoreProductSummary(r.Id, r.Handle, r.Title, r.Subtitle, r.ProductType,
            r.ThumbnailUrl is null ? null : new StoreImage(r.ThumbnailUrl, r.ThumbnailAlt),
            new StorePriceRange(new MoneyDto(r.MinAmount, currency), new MoneyDto(r.MaxAmount, currency))), StringComparer.Ordinal);
    }

    /// <summary>
    /// Search results in relevance order (fewer typos, fewer prefix-only words, higher weight, then id); the cursor is the
    /// last row's rank and id, so paging is keyset like the other sorts.
    /// </summary>
    private static async Task<IResult> ListByRelevanceAsync(HttpContext http, MercatoDb db, StoreProductFilter filter, int size,
        string? cursor, CancellationToken ct)
    {
        var currency = filter.Currency;
        if (filter.Search is null) return CacheableJson.Ok(http, new Page<StoreProductSummary>([], null), [CacheableJson.ProductListsTag]);
        // Ranked ids first, the page's details after: the details (thumbnail subqueries above all) of every hit of a common
        // word would otherwise be computed before the sort keeps 20 of them.
        var ranked = from h in filter.Engine.Hits(filter.Search)
                     join p in filter.Apply(db, withSearch: false) on h.ProductId equals p.Id
                     join s in db.Set<ProductPriceSummary>() on p.Id equals s.ProductId
                     where s.CurrencyCode == currency
                     select new Ranked { Id = p.Id, Typos = h.Typos, Prefixes = h.Prefixes, Score = h.Score };
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 3) is not ["relevance", { } key, { } id] || key.Split('.') is not [var t, var p, var sc]
                || !long.TryParse(t, CultureInfo.InvariantCulture, out var typos) || !long.TryParse(p, CultureInfo.InvariantCulture, out var prefixes)
                || !long.TryParse(sc, CultureInfo.InvariantCulture, out var score))
                return ListQuery.InvalidCursor().ToProblem();
            ranked = ranked.Where(r => r.Typos > typos || (r.Typos == typos && (r.Prefixes > prefixes || (r.Prefixes == prefixes
                && (r.Score < score || (r.Score == score && r.Id.CompareTo(id) > 0))))));
        }
        var found = await ranked.OrderBy(r => r.Typos).ThenBy(r => r.Prefixes).ThenByDescending(r => r.Score).ThenBy(r => r.Id)
            .Take(size + 1).ToListAsync(ct);
        var page = found.Take(size).ToList();
        var next = found.Count > size
            ? Cursor.Encode("relevance", string.Create(CultureInfo.InvariantCulture, $"{page[^1].Typos}.{page[^1].Prefixes}.{page[^1].Score}"), page[^1].Id)
            : null;
        var summaries = await SummariesAsync(db, [.. page.Select(r => r.Id)], currency, ct);
        var items = page.Select(r => summaries[r.Id]).ToList();
        return CacheableJson.Ok(http, new Page<StoreProductSummary>(items, next), [CacheableJson.ProductListsTag, .. items.Select(i => i.Id)]);
    }

    private static async Task<IResult> List(HttpContext http, MercatoDb db, IRegionDirectory regions, IProductSearch search, int? limit,
        string? cursor, string? q, string? category, string? collection, [FromQuery] string[]? tag, [FromQuery] string[]? option,
        [FromQuery] string[]? attribute, long? minPrice, long? maxPrice, string? sort, string? region, CancellationToken ct)
    {
        var v = new Validator();
        if (limit is < 1 or > Cursor.MaxLimit) v.Add("limit", $"Must be between 1 and {Cursor.MaxLimit}.");
        if (sort is not null && !Sorts.Contains(sort)) v.Add("sort", $"One of: {string.Join(", ", Sorts)}.");
        var bound = await StoreProductFilter.BindAsync(v, http, db, regions, search, q, category, collection, tag, option, attribute,
            minPrice, maxPrice, region, ct);
        if (bound.Error is { } invalid) return invalid.ToProblem();
        var filter = bound.Value!;
        var size = limit ?? Cursor.DefaultLimit;
        // A search ranks by relevance unless another order is asked for; without a search, relevance means newest.
        sort ??= filter.Searching ? "relevance" : "newest";
        if (sort == "relevance" && !filter.Searching) sort = "newest";
        var currency = filter.Currency;
        if (sort == "relevance") return await ListByRelevanceAsync(http, db, filter, size, cursor, ct);
        var products = filter.Apply(db);

        var rows = from p in products
                   join s in db.Set<ProductPriceSummary>() on p.Id equals s.ProductId
                   where s.CurrencyCode == currency
                   select new Row
                   {
                       Id = p.Id, PricedId = s.ProductId, Handle = p.Handle, Title = p.Title, TitleSort = p.TitleSort, Subtitle = p.Subtitle,
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
                "price_asc" => rows.Where(r => r.MinAmount > amount || (r.MinAmount == amount && r.PricedId.CompareTo(id) > 0)),
                "price_desc" => rows.Where(r => r.MinAmount < amount || (r.MinAmount == amount && r.PricedId.CompareTo(id) < 0)),
                "title" => rows.Where(r => r.TitleSort.CompareTo(key) > 0 || (r.TitleSort == key && r.Id.CompareTo(id) > 0)),
                _ => rows.Where(r => r.Id.CompareTo(id) < 0),
            };
        }
        rows = sort switch
        {
            "price_asc" => rows.OrderBy(r => r.MinAmount).ThenBy(r => r.PricedId),
            "price_desc" => rows.OrderByDescending(r => r.MinAmount).ThenByDescending(r => r.PricedId),
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
        var changesAt = availability.Values.Min(a => a.ChangesAt);
        return CacheableJson.Ok(http, response, [product.Id, .. categoryIds, .. collectionIds], changesAt: changesAt);
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
}
