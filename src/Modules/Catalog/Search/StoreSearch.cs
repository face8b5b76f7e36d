using Mercato.Catalog.Attributes;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;
using Mercato.Kernel.Http;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Mercato.Regions.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Search;

/// <summary>The storefront's facet counts and search-as-you-type suggestions.</summary>
internal static class StoreSearch
{
    /// <summary>Price bucket bounds in major units of the region's currency (scaled by its minor digits).</summary>
    private static readonly long[] PriceBounds = [10, 25, 50, 100, 250, 500];
    private const int DefaultSuggestions = 5;
    private const int MaxSuggestions = 20;

    public static void Map(RouteGroupBuilder store)
    {
        store.MapGet("/products/facets", Facets).WithTags("Products").WithName("StoreProductFacets")
            .WithSummary("Facet counts for the product list: categories, option values, attributes and price ranges")
            .WithDescription("Takes the list's filters (`q`, `category`, `collection`, `tag`, `option`, `attribute`, `minPrice`, " +
                "`maxPrice`, `region`). Counts published products of the key's channel priced in the region's currency. Each facet " +
                "respects every other active filter but not its own (disjunctive): the `Size` values are counted without the `Size` " +
                "filters, categories without `category`, prices without `minPrice`/`maxPrice`. A product counts for its categories " +
                "and their ancestors, once each. Price buckets are fixed, in major units of the currency: under 10, 10-25, 25-50, " +
                "50-100, 100-250, 250-500, 500 and over (min inclusive, max exclusive); a product counts in every bucket one of its " +
                "variants is priced in. Only filterable attributes are counted.")
            .Produces<StoreFacets>().ProducesProblem(StatusCodes.Status400BadRequest);
        store.MapGet("/search/suggestions", Suggestions).WithTags("Products").WithName("StoreSearchSuggestions")
            .WithSummary("Search-as-you-type: term completions, top products and categories for a partial query")
            .WithDescription("`q` (1 to 200 characters) is read as words; the last one is completed from the index's terms " +
                "(`terms`, most used first, with how many published products have each), `products` are the best matches of the " +
                "whole query ranked like `GET /store/products?q=`, and `categories` are visible categories whose name matches every " +
                "word. `limit` (1 to 20, default 5) caps each list.")
            .Produces<StoreSuggestions>().ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Facets(HttpContext http, MercatoDb db, IRegionDirectory regions, IProductSearch search,
        CatalogFacetIndex index, StoreCategories storeCategories, string? q, string? category, string? collection, [FromQuery] string[]? tag, [FromQuery] string[]? option,
        [FromQuery] string[]? attribute, long? minPrice, long? maxPrice, string? region, CancellationToken ct)
    {
        var bound = await StoreProductFilter.BindAsync(new Validator(), http, db, regions, search, q, category, collection, tag, option,
            attribute, minPrice, maxPrice, region, ct);
        if (bound.Error is { } invalid) return invalid.ToProblem();
        var filter = bound.Value!;
        var currency = filter.Currency;
        var scale = (long)Math.Pow(10, Currency.Of(currency).Digits);
        var bounds = PriceBounds.Select(x => x * scale).ToArray();
        IReadOnlySet<string>? hits = null;
        if (filter.MatchesNothing) hits = new HashSet<string>();
        else if (filter.Search is { } query)
            hits = (await search.SearchAsync(query, null, null, null, ct)).Select(h => h.ProductId).ToHashSet(StringComparer.Ordinal);

        var tree = await storeCategories.GetAsync(db, ct);
        var view = await index.CurrentAsync(db, ct);
        var counts = view.Count(filter.ToRequest(hits, bounds), index.Table, tree);

        var categories = tree.Visible.Where(c => counts.Categories.GetValueOrDefault(c.Id) > 0)
            .Select(c => new StoreCategoryFacet(c.Id, c.Handle, c.Name, c.Path, c.ParentId, counts.Categories[c.Id])).ToList();
        var options = counts.Options.GroupBy(o => o.Option.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StoreOptionFacet(g.Min(o => o.Option.Name)!,
                [.. g.OrderBy(o => o.Option.Key, StringComparer.Ordinal).Select(o => new StoreFacetValue(o.Option.Label, o.Count))]))
            .ToList();
        var keys = counts.Attributes.Select(a => a.Attribute.Key).Distinct().ToList();
        var definitions = await db.Set<AttributeDefinition>().AsNoTracking().Where(d => d.Filterable && keys.Contains(d.Key))
            .ToDictionaryAsync(d => d.Key, d => d.Name, ct);
        var attributes = counts.Attributes.Where(a => definitions.ContainsKey(a.Attribute.Key)).GroupBy(a => a.Attribute.Key)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StoreAttributeFacet(g.Key, definitions[g.Key],
                [.. g.OrderBy(a => a.Attribute.Value, StringComparer.Ordinal).Select(a => new StoreFacetValue(a.Attribute.Value, a.Count))]))
            .ToList();
        var prices = new List<StorePriceFacet>();
        for (var i = 0; i <= bounds.Length; i++)
        {
            if (counts.PriceBuckets[i] == 0) continue;
            prices.Add(new StorePriceFacet(new MoneyDto(i == 0 ? 0 : bounds[i - 1], currency), i < bounds.Length ? new MoneyDto(bounds[i], currency) : null,
                counts.PriceBuckets[i]));
        }
        var facets = new StoreFacets(categories, options, attributes, prices);
        return CacheableJson.Ok(http, facets, [CacheableJson.ProductListsTag, CacheableJson.CategoriesTag, .. categories.Select(c => c.Id)]);
    }

    private static async Task<IResult> Suggestions(HttpContext http, MercatoDb db, IRegionDirectory regions, IProductSearch search,
        StoreCategories storeCategories, string? q, int? limit, string? region, CancellationToken ct)
    {
        var v = new Validator().Required("q", q, StoreProductFilter.MaxQueryLength);
        if (limit is < 1 or > MaxSuggestions) v.Add("limit", $"Must be between 1 and {MaxSuggestions}.");
        var bound = await StoreProductFilter.BindAsync(v, http, db, regions, search, q, null, null, null, null, null, null, null, region, ct);
        if (bound.Error is { } invalid) return invalid.ToProblem();
        var filter = bound.Value!;
        var size = limit ?? DefaultSuggestions;
        if (filter.Search is not { } query) return CacheableJson.Ok(http, new StoreSuggestions([], [], []), [CacheableJson.ProductListsTag]);

        var words = query.Words;
        var before = string.Join(' ', words.Take(words.Count - 1));
        var completions = await search.CompleteAsync(words[^1], size, ct);
        var terms = completions.Select(c => new StoreTermSuggestion(before.Length == 0 ? c.Term : $"{before} {c.Term}", c.Term, c.Count)).ToList();

        var currency = filter.Currency;
        var found = (await search.SearchAsync(query, filter.ToRequest(), null, size, ct)).Select(h => h.ProductId).ToList();
        var summaries = await StoreProducts.SummariesAsync(db, found, currency, ct);
        var products = found.Where(summaries.ContainsKey).Select(id => summaries[id])
            .Select(r => new StoreSuggestedProduct(r.Id, r.Handle, r.Title, r.Thumbnail, r.Price)).ToList();

        var tree = await storeCategories.GetAsync(db, ct);
        var categories = tree.Visible.Where(c => Matches(SearchText.Tokenize(c.Name), words)).Take(size)
            .Select(c => new StoreCategoryRef(c.Id, c.Handle, c.Name, c.Path)).ToList();
        return CacheableJson.Ok(http, new StoreSuggestions(terms, products, categories),
            [CacheableJson.ProductListsTag, .. products.Select(p => p.Id), .. categories.Select(c => c.Id)]);
    }

    /// <summary>Every word is one of the name's terms; the last may be the start of one.</summary>
    private static bool Matches(List<string> name, IReadOnlyList<string> words) =>
        words.Select((w, i) => i == words.Count - 1
            ? name.Exists(t => t.StartsWith(w, StringComparison.Ordinal))
            : name.Contains(w)).All(x => x);
}
