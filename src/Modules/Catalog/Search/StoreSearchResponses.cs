using Mercato.Catalog.Products;
using Mercato.Kernel.Money;

namespace Mercato.Catalog.Search;

/// <summary>Facet counts of the published products of the channel that pass the other active filters.</summary>
internal sealed record StoreFacets(IReadOnlyList<StoreCategoryFacet> Categories, IReadOnlyList<StoreOptionFacet> Options,
    IReadOnlyList<StoreAttributeFacet> Attributes, IReadOnlyList<StorePriceFacet> Prices);

/// <summary>A category with the products in it or in its subcategories (each product once).</summary>
internal sealed record StoreCategoryFacet(string Id, string Handle, string Name, string Path, string? ParentId, int Count);

internal sealed record StoreFacetValue(string Value, int Count);

internal sealed record StoreOptionFacet(string Name, IReadOnlyList<StoreFacetValue> Values);

internal sealed record StoreAttributeFacet(string Key, string Name, IReadOnlyList<StoreFacetValue> Values);

/// <summary>A price bucket: products with a variant priced from <c>min</c> (inclusive) to <c>max</c> (exclusive; null is open).</summary>
internal sealed record StorePriceFacet(MoneyDto Min, MoneyDto? Max, int Count);

internal sealed record StoreTermSuggestion(string Text, string Term, int Count);

internal sealed record StoreSuggestedProduct(string Id, string Handle, string Title, StoreImage? Thumbnail, StorePriceRange Price);

/// <summary>Search-as-you-type: completions of the last word, the best matching products and matching categories.</summary>
internal sealed record StoreSuggestions(IReadOnlyList<StoreTermSuggestion> Terms, IReadOnlyList<StoreSuggestedProduct> Products,
    IReadOnlyList<StoreCategoryRef> Categories);
