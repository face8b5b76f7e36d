using System.Globalization;
using System.Runtime.CompilerServices;
using Mercato.Catalog.Attributes;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Collections;
using Mercato.Catalog.PriceLists;
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
using Microsoft.EntityFrameworkCore.Metadata;
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
        public bool GiftCard { get; init; }
    }

    /// <summary>
    /// The summaries query, compiled once per model (a compiled query keeps the model it first ran with, and tests run hosts
    /// on SQLite and PostgreSQL side by side): every list and search page runs it, and building its expression tree and
    /// looking it up in EF's cache was a fifth of a search's allocations.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<MercatoDb, List<string>, string, IAsyncEnumerable<Row>>> SummaryQueries = [];

    private static Func<MercatoDb, List<string>, string, IAsyncEnumerable<Row>> CompileSummaries() => EF.CompileAsyncQuery(
        (MercatoDb db, List<string> ids, string currency) =>
            from p in db.Set<Product>().AsNoTracking()
            join s in db.Set<ProductPriceSummary>() on p.Id equals s.ProductId
            where ids.Contains(p.Id) && p.Status == ProductStatus.Published && s.CurrencyCode == currency
            select new Row
            {
                Id = p.Id, Handle = p.Handle, Title = p.Title, Subtitle = p.Subtitle, ProductType = p.ProductType,
                MinAmount = s.MinAmount, MaxAmount = s.MaxAmount, GiftCard = p.GiftCard,
                ThumbnailUrl = p.Media.OrderBy(m => m.Position).Select(m => m.Url).FirstOrDefault(),
                ThumbnailAlt = p.Media.OrderBy(m => m.Position).Select(m => m.Alt).FirstOrDefault(),
            });

    /// <summary>The store summaries of the given published products, by id, in one query.</summary>
    internal static async Task<Dictionary<string, StoreProductSummary>> SummariesAsync(MercatoDb db, List<string> ids, string currency,
        CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var query = SummaryQueries.GetValue(db.Model, _ => CompileSummaries());
        var summaries = new Dictionary<string, StoreProductSummary>(ids.Count, StringComparer.Ordinal);
        await foreach (var r in query(db, ids, currency).WithCancellation(ct))
        {
            summaries[r.Id] = new StoreProductSummary(r.Id, r.Handle, r.Title, r.Subtitle, r.ProductType,
                r.ThumbnailUrl is null ? null : new StoreImage(r.ThumbnailUrl, r.ThumbnailAlt),
                new StorePriceRange(new MoneyDto(r.MinAmount, currency), new MoneyDto(r.MaxAmount, currency)))
            { GiftCard = r.GiftCard };
        }
        return summaries;
    }

    /// <summary>
    /// Search results in relevance order (fewer typos, fewer prefix-only words, higher weight, then id); the cursor is the
    /// last row's rank and id, so paging is keyset like the other sorts.
    /// </summary>
    private static async Task<IResult> ListByRelevanceAsync(HttpContext http, MercatoDb db, ActivePriceLists activeLists,
        StoreProductFilter filter, int size, string? cursor, DateTimeOffset now, CancellationToken ct)
    {
        var currency = filter.Currency;
        if (filter.Search is null) return CacheableJson.Ok(http, new Page<StoreProductSummary>([], null), [CacheableJson.ProductListsTag]);
        // Ranked and filtered in memory; only the page's summaries come from the database.
        SearchHit? after = null;
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 3) is not ["relevance", { } key, { } id] || key.Split('.') is not [var t, var p, var sc]
                || !long.TryParse(t, CultureInfo.InvariantCulture, out var typos) || !long.TryParse(p, CultureInfo.InvariantCulture, out var prefixes)
                || !long.TryParse(sc, CultureInfo.InvariantCulture, out var score))
                return ListQuery.InvalidCursor().ToProblem();
            after = new SearchHit { ProductId = id, Typos = typos, Prefixes = prefixes, Score = score };
        }
        var found = await filter.Engine.SearchAsync(filter.Search, filter.ToRequest(), after, size + 1, ct);
        var page = found.Take(size).ToList();
        var next = found.Count > size
            ? Cursor.Encode("relevance", string.Create(CultureInfo.InvariantCulture, $"{page[^1].Typos}.{page[^1].Prefixes}.{page[^1].Score}"), page[^1].ProductId)
            : null;
        var summaries = await SummariesAsync(db, [.. page.Select(r => r.ProductId)], currency, ct);
        // A product another node unpublished a moment ago may still be in this node's index: it has no summary, so it is left out.
        var (items, saleTags, changesAt) = await WithSalesAsync(db, activeLists,
            [.. page.Where(r => summaries.ContainsKey(r.ProductId)).Select(r => summaries[r.ProductId])], filter, now, ct);
        return CacheableJson.Ok(http, new Page<StoreProductSummary>(items, next), [CacheableJson.ProductListsTag, .. items.Select(i => i.Id), .. saleTags],
            changesAt: changesAt);
    }

    /// <summary>
    /// A search sorted by price, sorted and paged in memory on the prices the index holds. The database took 35 ms to sort a
    /// common word's hits at 100,000 products (1,800 ids passed in), and a shop's search page sorted by price is a common
    /// request. Same order, page and cursor (price and id) as the database's.
    /// </summary>
    private static async Task<IResult> ListSearchByPriceAsync(HttpContext http, MercatoDb db, ActivePriceLists activeLists,
        StoreProductFilter filter, IReadOnlyList<SearchHit> hits, string sort, int size, string? cursor, DateTimeOffset now, CancellationToken ct)
    {
        var direction = sort == "price_desc" ? -1 : 1;
        IEnumerable<SearchHit> rest = hits;
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 3) is not [{ } cursorSort, { } key, { } id] || cursorSort != sort
                || !long.TryParse(key, CultureInfo.InvariantCulture, out var amount))
                return ListQuery.InvalidCursor().ToProblem();
            rest = rest.Where(h => direction * ByPrice(h.MinPrice!.Value, h.ProductId, amount, id) > 0);
        }
        var found = (direction > 0
            ? rest.OrderBy(h => h.MinPrice).ThenBy(h => h.ProductId, StringComparer.Ordinal)
            : rest.OrderByDescending(h => h.MinPrice).ThenByDescending(h => h.ProductId, StringComparer.Ordinal)).Take(size + 1).ToList();
        var page = found.Take(size).ToList();
        var next = found.Count > size
            ? Cursor.Encode(sort, page[^1].MinPrice!.Value.ToString(CultureInfo.InvariantCulture), page[^1].ProductId)
            : null;
        var summaries = await SummariesAsync(db, [.. page.Select(h => h.ProductId)], filter.Currency, ct);
        // A product another node unpublished a moment ago may still be in this node's index: it has no summary, so it is left out.
        var (items, saleTags, changesAt) = await WithSalesAsync(db, activeLists,
            [.. page.Where(h => summaries.ContainsKey(h.ProductId)).Select(h => summaries[h.ProductId])], filter, now, ct);
        return CacheableJson.Ok(http, new Page<StoreProductSummary>(items, next), [CacheableJson.ProductListsTag, .. items.Select(i => i.Id), .. saleTags],
            changesAt: changesAt);

        static int ByPrice(long price, string productId, long afterPrice, string afterId)
        {
            var c = price.CompareTo(afterPrice);
            return c != 0 ? c : string.CompareOrdinal(productId, afterId);
        }
    }

    private static async Task<IResult> List(HttpContext http, MercatoDb db, IRegionDirectory regions, IProductSearch search, int? limit,
        string? cursor, string? q, string? category, string? collection, [FromQuery] string[]? tag, [FromQuery] string[]? option,
        [FromQuery] string[]? attribute, long? minPrice, long? maxPrice, string? sort, string? region, ActivePriceLists activeLists,
        TimeProvider time, CancellationToken ct)
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
        var now = time.GetUtcNow();
        if (sort == "relevance") return await ListByRelevanceAsync(http, db, activeLists, filter, size, cursor, now, ct);
        // A search sorted otherwise: the index finds the products, and sorts them by price when it knows every hit's price;
        // otherwise the database sorts and pages them.
        var hits = filter.Search is { } query ? await search.SearchAsync(query, filter.ToRequest(), null, null, ct) : null;
        if (hits is not null && sort is "price_asc" or "price_desc" && hits.All(h => h.MinPrice is not null))
            return await ListSearchByPriceAsync(http, db, activeLists, filter, hits, sort, size, cursor, now, ct);
        var products = filter.Apply(db, hits?.Select(h => h.ProductId).ToArray());

        var rows = from p in products
                   join s in db.Set<ProductPriceSummary>() on p.Id equals s.ProductId
                   where s.CurrencyCode == currency
                   select new Row
                   {
                       Id = p.Id, PricedId = s.ProductId, Handle = p.Handle, Title = p.Title, TitleSort = p.TitleSort, Subtitle = p.Subtitle,
                       ProductType = p.ProductType, MinAmount = s.MinAmount, MaxAmount = s.MaxAmount, GiftCard = p.GiftCard,
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
        var found = await rows.TakeWritten(size + 1).ToListAsync(ct);
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
        var summaries = page.Select(r => new StoreProductSummary(r.Id, r.Handle, r.Title, r.Subtitle, r.ProductType,
            r.ThumbnailUrl is null ? null : new StoreImage(r.ThumbnailUrl, r.ThumbnailAlt),
            new StorePriceRange(new MoneyDto(r.MinAmount, currency), new MoneyDto(r.MaxAmount, currency)))
        { GiftCard = r.GiftCard }).ToList();
        var (items, saleTags, changesAt) = await WithSalesAsync(db, activeLists, summaries, filter, now, ct);
        return CacheableJson.Ok(http, new Page<StoreProductSummary>(items, next), [CacheableJson.ProductListsTag, .. items.Select(i => i.Id), .. saleTags],
            changesAt: changesAt);
    }

    private static async Task<IResult> GetByHandle(string handle, string? region, HttpContext http, MercatoDb db, IRegionDirectory regions,
        IStockAvailability stock, ActivePriceLists activeLists, PageQueries queries, StoreCategories storeCategories, IConfiguration config,
        TimeProvider time, CancellationToken ct)
    {
        var market = await ResolveRegionAsync(regions, region, ct);
        if (market.Error is { } noRegion) return noRegion.ToProblem();
        var currency = market.Value!.CurrencyCode;
        var channelId = http.SalesChannelId();
        var normalized = handle.ToLowerInvariant();
        // Two round trips for the catalog: the product row with its options and price range, then every other row of the
        // aggregate (and what it links to, except categories) in one UNION ALL, assembled here in memory.
        var product = await queries.Head(db, normalized, channelId, currency);
        if (product is null) return Error.NotFound("product", handle).ToProblem();

        var parts = await queries.Parts(db, product.Id, currency).ToListAsync(ct);
        var sale = await StoreSalePrices.ForProductsAsync(db, activeLists, [product.Id], currency, market.Value!.Id, channelId, time.GetUtcNow(), ct);
        var categoryIds = new List<string>();
        var collectionIds = new List<string>();
        var collections = new List<StoreCollectionRef>();
        var variants = new List<Part>();
        var optionValues = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var prices = new Dictionary<string, long>(StringComparer.Ordinal);
        var media = new List<Part>();
        var tags = new List<string>();
        var attributes = new List<ProductAttributeValue>();
        var types = new Dictionary<string, AttributeType>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case PartKind.Variant: variants.Add(part); break;
                case PartKind.OptionValue:
                    if (!optionValues.TryGetValue(part.Key, out var values)) optionValues[part.Key] = values = new(StringComparer.Ordinal);
                    values[part.S1!] = part.S2!;
                    break;
                case PartKind.Price: prices[part.Key] = part.L1!.Value; break;
                case PartKind.Media: media.Add(part); break;
                case PartKind.Tag: tags.Add(part.Key); break;
                case PartKind.CategoryLink: categoryIds.Add(part.Key); break;
                case PartKind.CollectionLink: collectionIds.Add(part.Key); break;
                case PartKind.Collection: collections.Add(new StoreCollectionRef(part.S1!, part.Key, part.S2!)); break;
                case PartKind.Attribute:
                    attributes.Add(new ProductAttributeValue { Key = part.Key, Value = part.S1!, NumberValue = part.D1 });
                    break;
                case PartKind.AttributeType: types[part.Key] = (AttributeType)part.L1!.Value; break;
                default: break;
            }
        }
        // From the store's category tree (in memory), which hides every category under an inactive one, in its order.
        var tree = await storeCategories.GetAsync(db, ct);
        var categories = tree.InTreeOrder(categoryIds).Select(c => new StoreCategoryRef(c.Id, c.Handle, c.Name, c.Path)).ToList();

        // One availability query for every tracked variant; untracked variants are always in stock.
        var tracked = variants.Where(x => x.F1).Select(x => x.S1!).ToList();
        var availability = tracked.Count == 0 ? new Dictionary<string, SkuAvailability>() : await stock.ForSkusAsync(tracked, ct);
        var exposeQuantities = config.GetValue("Mercato:Inventory:ExposeQuantities", false);
        StoreVariant ToStore(Part x)
        {
            var known = x.F1 ? availability.GetValueOrDefault(x.S1!) : null;
            var choice = prices.TryGetValue(x.Key, out var amount) ? sale.Choose(x.Key, amount) : null;
            return new StoreVariant(x.Key, x.S1!, x.S2, optionValues.GetValueOrDefault(x.Key) ?? new Dictionary<string, string>(),
                choice is null ? null : new MoneyDto(choice.Amount, currency), (int?)x.L2,
                known?.Status ?? StockStatus.InStock, x.F2, exposeQuantities && known is not null ? known.Available : null)
            {
                OriginalPrice = choice?.OriginalAmount is { } original ? new MoneyDto(original, currency) : null,
            };
        }

        var storeVariants = variants.OrderBy(x => x.L1).ThenBy(x => x.Key, StringComparer.Ordinal).Select(ToStore).ToList();
        var priced = storeVariants.Where(x => x.Price is not null).ToList();
        var onSale = priced.Any(x => x.OriginalPrice is not null);

        var response = new StoreProductResponse(product.Id, product.Handle, product.Title, product.Subtitle, product.Description,
            product.ProductType, market.Value.Id,
            onSale ? new StorePriceRange(priced.MinBy(x => x.Price!.Amount)!.Price!, priced.MaxBy(x => x.Price!.Amount)!.Price!)
                : product.MinAmount is { } min && product.MaxAmount is { } max
                ? new StorePriceRange(new MoneyDto(min, currency), new MoneyDto(max, currency)) : null,
            product.Options,
            storeVariants,
            [.. media.OrderBy(m => m.L1).Select(m => new StoreImage(m.S1!, m.S2))],
            [.. tags.Order(StringComparer.Ordinal)],
            categories, collections, ProductResponse.AttributesOf(attributes, types),
            new StoreSeo(product.MetaTitle ?? product.Title, product.MetaDescription))
        {
            GiftCard = product.GiftCard,
            OriginalPrice = onSale && product.MinAmount is { } baseMin && product.MaxAmount is { } baseMax
                ? new StorePriceRange(new MoneyDto(baseMin, currency), new MoneyDto(baseMax, currency)) : null,
        };
        var changesAt = Earliest(availability.Values.Min(a => a.ChangesAt), sale.ChangesAt);
        return CacheableJson.Ok(http, response, [product.Id, CacheableJson.ProductPagesTag, .. categoryIds, .. collectionIds, .. sale.ListIds],
            changesAt: changesAt);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>
    /// Shows sale prices on a page of summaries (ADR 8); the answer's extra cache tags and when a sale starts or ends.
    /// </summary>
    internal static async Task<(List<StoreProductSummary> Items, IReadOnlyList<string> Tags, DateTimeOffset? ChangesAt)> WithSalesAsync(
        MercatoDb db, ActivePriceLists activeLists, List<StoreProductSummary> items, StoreProductFilter filter, DateTimeOffset now,
        CancellationToken ct)
    {
        if (items.Count == 0) return (items, [], null);
        var sale = await StoreSalePrices.ForProductsAsync(db, activeLists, [.. items.Select(i => i.Id)], filter.Currency, filter.Region.Id, filter.ChannelId, now, ct);
        var ranges = await sale.RangesAsync(db, filter.Currency, ct);
        var shown = items.Select(i => ranges.TryGetValue(i.Id, out var r) ? i with { Price = r.Price, OriginalPrice = r.Original } : i).ToList();
        return (shown, sale.ListIds, sale.ChangesAt);
    }

    /// <summary>The product row a product page shows, with its options and its price range in one currency.</summary>
    internal sealed class Head
    {
        public string Id { get; init; } = "";
        public string Handle { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Subtitle { get; init; }
        public string? Description { get; init; }
        public string? ProductType { get; init; }
        public string? MetaTitle { get; init; }
        public string? MetaDescription { get; init; }
        public long? MinAmount { get; init; }
        public long? MaxAmount { get; init; }
        public bool GiftCard { get; init; }
        public List<StoreOption> Options { get; init; } = [];
    }

    internal static class PartKind
    {
        public const int Variant = 1, OptionValue = 2, Price = 3, Media = 4, Tag = 5, CategoryLink = 6, CollectionLink = 9,
            Collection = 10, Attribute = 11, AttributeType = 12;
    }

    /// <summary>
    /// One row of <see cref="PageQueries.Parts"/>: a kind and a few loosely typed columns, so that every child table of the product
    /// answers in the same result set. Member-init (not a constructor) so that EF can combine the branches.
    /// </summary>
    internal sealed class Part
    {
        public int Kind { get; init; }
        public string Key { get; init; } = "";
        public string? S1 { get; init; }
        public string? S2 { get; init; }
        public string? S3 { get; init; }
        public long? L1 { get; init; }
        public long? L2 { get; init; }
        public double? D1 { get; init; }
        public bool F1 { get; init; }
        public bool F2 { get; init; }
    }

    /// <summary>
    /// The product page's queries, compiled once per host (a singleton, not static fields: a compiled query keeps the model of
    /// the context it first ran with, and tests run hosts on SQLite and PostgreSQL side by side in one process).
    /// </summary>
    internal sealed class PageQueries
    {
        /// <summary>
        /// Everything a product page shows besides the product row, as one UNION ALL: variants (Key id, S1 sku, S2 title, L1
        /// position, L2 weight, F1 manage inventory, F2 backorder), their option values (Key variant, S1 option, S2 value) and
        /// prices in the currency (Key variant, L1 amount), media (Key id, S1 url, S2 alt, L1 position), tags, category links
        /// (the categories come from <see cref="StoreCategories"/>, in memory), collection links, the linked collections (Key
        /// handle, S1 id, S2 title), attribute values (Key key, S1 value, D1 number) and their types (L1). Ordered by kind, key
        /// and S1 in the database, which keeps option values and collections in database order.
        /// Compiled once: EF would otherwise build, parameterize and look up this large expression tree on every request.
        /// </summary>
        public readonly Func<MercatoDb, string, string, IAsyncEnumerable<Part>> Parts = EF.CompileAsyncQuery<MercatoDb, string, string, Part>(
            (MercatoDb db, string productId, string currency) =>
                db.Set<Variant>().Where(v => v.ProductId == productId).Select(v => new Part
                {
                    Kind = PartKind.Variant, Key = v.Id, S1 = v.Sku, S2 = v.Title, S3 = null, L1 = (long)v.Position, L2 = (long?)v.WeightGrams,
                    D1 = null, F1 = v.ManageInventory, F2 = v.AllowBackorder,
                })
                .Concat(from o in db.Set<VariantOptionValue>()
                        join v in db.Set<Variant>().Where(v => v.ProductId == productId) on o.VariantId equals v.Id
                        select new Part
                        {
                            Kind = PartKind.OptionValue, Key = o.VariantId, S1 = o.OptionName, S2 = o.Value, S3 = null, L1 = null,
                            L2 = null, D1 = null, F1 = false, F2 = false,
                        })
                .Concat(from x in db.Set<VariantPrice>()
                        join v in db.Set<Variant>().Where(v => v.ProductId == productId) on x.VariantId equals v.Id
                        where x.CurrencyCode == currency
                        select new Part
                        {
                            Kind = PartKind.Price, Key = x.VariantId, S1 = null, S2 = null, S3 = null, L1 = x.Amount, L2 = null, D1 = null,
                            F1 = false, F2 = false,
                        })
                .Concat(db.Set<ProductMedia>().Where(m => m.ProductId == productId).Select(m => new Part
                {
                    Kind = PartKind.Media, Key = m.Id, S1 = m.Url, S2 = m.Alt, S3 = null, L1 = (long)m.Position, L2 = null, D1 = null,
                    F1 = false, F2 = false,
                }))
                .Concat(db.Set<ProductTag>().Where(t => t.ProductId == productId).Select(t => new Part
                {
                    Kind = PartKind.Tag, Key = t.Value, S1 = null, S2 = null, S3 = null, L1 = null, L2 = null, D1 = null, F1 = false, F2 = false,
                }))
                .Concat(db.Set<ProductCategoryLink>().Where(l => l.ProductId == productId).Select(l => new Part
                {
                    Kind = PartKind.CategoryLink, Key = l.CategoryId, S1 = null, S2 = null, S3 = null, L1 = null, L2 = null, D1 = null,
                    F1 = false, F2 = false,
                }))
                .Concat(db.Set<ProductCollectionLink>().Where(l => l.ProductId == productId).Select(l => new Part
                {
                    Kind = PartKind.CollectionLink, Key = l.CollectionId, S1 = null, S2 = null, S3 = null, L1 = null, L2 = null, D1 = null,
                    F1 = false, F2 = false,
                }))
                .Concat(from c in db.Set<Collection>()
                        join l in db.Set<ProductCollectionLink>().Where(l => l.ProductId == productId) on c.Id equals l.CollectionId
                        select new Part
                        {
                            Kind = PartKind.Collection, Key = c.Handle, S1 = c.Id, S2 = c.Title, S3 = null, L1 = null, L2 = null,
                            D1 = null, F1 = false, F2 = false,
                        })
                .Concat(db.Set<ProductAttributeValue>().Where(a => a.ProductId == productId).Select(a => new Part
                {
                    Kind = PartKind.Attribute, Key = a.Key, S1 = a.Value, S2 = null, S3 = null, L1 = null, L2 = null, D1 = a.NumberValue,
                    F1 = false, F2 = false,
                }))
                .Concat(from d in db.Set<AttributeDefinition>()
                        join a in db.Set<ProductAttributeValue>().Where(a => a.ProductId == productId) on d.Key equals a.Key
                        select new Part
                        {
                            Kind = PartKind.AttributeType, Key = d.Key, S1 = null, S2 = null, S3 = null,
                            L1 = d.Type == AttributeType.Number ? (long)AttributeType.Number
                                : d.Type == AttributeType.Boolean ? (long)AttributeType.Boolean
                                : d.Type == AttributeType.Enum ? (long)AttributeType.Enum : (long)AttributeType.Text,
                            L2 = null, D1 = null, F1 = false, F2 = false,
                        })
                .OrderBy(p => p.Kind).ThenBy(p => p.Key).ThenBy(p => p.S1));

        /// <summary>The published product of the channel with the handle, or null. Compiled: see <see cref="Parts"/>.</summary>
        public readonly Func<MercatoDb, string, string, string, Task<Head?>> Head = EF.CompileAsyncQuery(
            (MercatoDb db, string handle, string channelId, string currency) => db.Set<Product>().AsNoTracking()
                .Where(p => p.Handle == handle && p.Status == ProductStatus.Published && p.Channels.Any(c => c.SalesChannelId == channelId))
                .Select(p => new Head
                {
                    Id = p.Id, Handle = p.Handle, Title = p.Title, Subtitle = p.Subtitle, Description = p.Description,
                    ProductType = p.ProductType, MetaTitle = p.MetaTitle, MetaDescription = p.MetaDescription, GiftCard = p.GiftCard,
                    MinAmount = p.PriceSummaries.Where(s => s.CurrencyCode == currency).Select(s => (long?)s.MinAmount).FirstOrDefault(),
                    MaxAmount = p.PriceSummaries.Where(s => s.CurrencyCode == currency).Select(s => (long?)s.MaxAmount).FirstOrDefault(),
                    Options = p.Options.OrderBy(o => o.Position).Select(o => new StoreOption(o.Name, o.Values)).ToList(),
                })
                .FirstOrDefault());
    }

    private static async Task<Result<RegionSummary>> ResolveRegionAsync(IRegionDirectory regions, string? regionId, CancellationToken ct)
    {
        if (regionId is null) return await regions.DefaultAsync(ct) is { } fallback ? fallback : CatalogErrors.NoRegion();
        return await regions.FindAsync(regionId, ct) is { } found ? found : CatalogErrors.RegionNotFound(regionId);
    }
}
