using Mercato.Catalog.Attributes;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Collections;
using Mercato.Catalog.Products;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Mercato.Regions.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Search;

/// <summary>
/// The store's product filters (q, category, collection, tag, option, attribute, price, region), bound and resolved once and
/// applied by the list and the facets alike; a facet leaves its own filter out (<see cref="Apply"/>).
/// </summary>
internal sealed class StoreProductFilter
{
    public const int MaxQueryLength = 200;
    private const int MaxFilterValues = 10;

    private StoreProductFilter()
    {
    }

    public required RegionSummary Region { get; init; }
    public string Currency => Region.CurrencyCode;
    public required string ChannelId { get; init; }
    public Category? Category { get; private init; }
    public IReadOnlyList<string>? CategorySubtree { get; private init; }
    public string? CollectionId { get; private init; }
    public IReadOnlyList<string> Tags { get; private init; } = [];
    /// <summary>Option filters: the lower-cased option name (what a facet groups by) and the filter key.</summary>
    public IReadOnlyList<(string Name, string Key)> Options { get; private init; } = [];
    public IReadOnlyList<(string Key, string Value)> Attributes { get; private init; } = [];
    public long? MinPrice { get; private init; }
    public long? MaxPrice { get; private init; }
    public SearchQuery? Search { get; private init; }
    public IProductSearch Engine { get; private init; } = null!;

    /// <summary>Checks the filters' shape into <paramref name="v"/>, then (when it holds no error) resolves them.</summary>
    public static async Task<Result<StoreProductFilter>> BindAsync(Validator v, HttpContext http, MercatoDb db, IRegionDirectory regions,
        IProductSearch search, string? q, string? category, string? collection, string[]? tag, string[]? option, string[]? attribute,
        long? minPrice, long? maxPrice, string? region, CancellationToken ct)
    {
        v.Range("minPrice", minPrice, 0, Money.MaxAmount).Range("maxPrice", maxPrice, 0, Money.MaxAmount)
            .MaxLength("q", q, MaxQueryLength).MaxLength("category", category, 200).MaxLength("collection", collection, 200)
            .Count("tag", tag, MaxFilterValues).Count("option", option, MaxFilterValues).Count("attribute", attribute, MaxFilterValues);
        if (q is { Length: <= MaxQueryLength } && SearchText.Tokenize(q).Count > IndexedProductSearch.MaxWords)
            v.Add("q", $"At most {IndexedProductSearch.MaxWords} words.");
        var options = ParsePairs(v, "option", option);
        var attributes = ParsePairs(v, "attribute", attribute);
        if (v.ToError() is { } invalid) return invalid;

        var market = region is null ? await regions.DefaultAsync(ct) : await regions.FindAsync(region, ct);
        if (market is null) return region is null ? CatalogErrors.NoRegion() : CatalogErrors.RegionNotFound(region);

        Category? root = null;
        IReadOnlyList<string>? subtree = null;
        if (category is not null)
        {
            var tree = await http.RequestServices.GetRequiredService<StoreCategories>().GetAsync(db, ct);
            root = tree.Find(category);
            if (root is null) return Error.Validation("category", $"No category '{category}'.");
            subtree = tree.SubtreeIds(root);
        }
        string? collectionId = null;
        if (collection is not null)
        {
            collectionId = await db.Set<Collection>().Where(c => c.Id == collection || c.Handle == collection).Select(c => c.Id).FirstOrDefaultAsync(ct);
            if (collectionId is null) return Error.Validation("collection", $"No collection '{collection}'.");
        }
        var attributeFilters = new List<(string, string)>();
        if (attributes.Count > 0)
        {
            var keys = attributes.Select(a => a.Name).Distinct().ToList();
            var definitions = await db.Set<AttributeDefinition>().AsNoTracking().Where(a => keys.Contains(a.Key)).ToDictionaryAsync(a => a.Key, ct);
            foreach (var (name, value) in attributes)
                attributeFilters.Add((name, definitions.TryGetValue(name, out var definition) ? definition.CanonicalFilterValue(value) : value));
        }
        return new StoreProductFilter
        {
            Region = market, ChannelId = http.SalesChannelId(), Category = root, CategorySubtree = subtree, CollectionId = collectionId,
            Tags = [.. (tag ?? []).Select(ProductEditor.NormalizeTag)],
            Options = [.. options.Select(o => (o.Name.Trim().ToLowerInvariant(), ProductEditor.FilterKey(o.Name, o.Value)))],
            Attributes = attributeFilters, MinPrice = minPrice, MaxPrice = maxPrice, Engine = search,
            Search = string.IsNullOrWhiteSpace(q) ? null : await search.PrepareAsync(q, ct),
            MatchesNothing = !string.IsNullOrWhiteSpace(q) && SearchText.Tokenize(q).Count == 0,
        };
    }

    /// <summary>Whether q asked for a search.</summary>
    public bool Searching => Search is not null || MatchesNothing;

    /// <summary>A q with no letter or digit (such as "%"): a search for no word, which nothing matches.</summary>
    public bool MatchesNothing { get; private init; }

    /// <summary>
    /// The filters in the in-memory index's terms (<paramref name="hits"/>: the search's products, for facet counts).
    /// </summary>
    public FacetRequest ToRequest(IReadOnlySet<string>? hits = null, long[]? priceBounds = null) =>
        new(ChannelId, Currency, CategorySubtree, CollectionId, Tags, Options, Attributes, MinPrice, MaxPrice, hits, priceBounds ?? []);

    /// <summary>
    /// Published products of the channel that pass every filter and, when searching, are among <paramref name="searchHits"/>
    /// (the search's products).
    /// </summary>
    public IQueryable<Product> Apply(MercatoDb db, string[]? searchHits)
    {
        var channelId = ChannelId;
        var products = db.Set<Product>().AsNoTracking()
            .Where(p => p.Status == ProductStatus.Published && p.Channels.Any(c => c.SalesChannelId == channelId));
        if (CategorySubtree is { } subtree)
            products = products.Where(p => p.Categories.Any(l => subtree.Contains(l.CategoryId)));
        if (CollectionId is { } collectionId) products = products.Where(p => p.Collections.Any(l => l.CollectionId == collectionId));
        foreach (var t in Tags) products = products.Where(p => p.Tags.Any(x => x.Value == t));
        foreach (var (_, key) in Options) products = products.Where(p => p.Variants.Any(x => x.OptionValues.Any(o => o.FilterKey == key)));
        foreach (var (name, value) in Attributes) products = products.Where(p => p.Attributes.Any(a => a.Key == name && a.Value == value));
        if (MinPrice is not null || MaxPrice is not null)
        {
            long min = MinPrice ?? 0, max = MaxPrice ?? long.MaxValue;
            var currency = Currency;
            products = products.Where(p => p.Variants.Any(x => x.Prices.Any(pr => pr.CurrencyCode == currency && pr.Amount >= min && pr.Amount <= max)));
        }
        if (MatchesNothing) products = products.Where(p => false);
        if (Search is not null)
        {
            // One array parameter (json_each on SQLite, = ANY on PostgreSQL), not one parameter per id: a common word has
            // thousands of hits.
            var ids = searchHits ?? [];
            products = products.Where(p => EF.Parameter(ids).Contains(p.Id));
        }
        return products;
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
