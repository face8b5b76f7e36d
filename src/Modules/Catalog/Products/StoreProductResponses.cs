using System.Text.Json.Serialization;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Money;

namespace Mercato.Catalog.Products;

internal sealed record StoreImage(string Url, string? Alt);

internal sealed record StorePriceRange(MoneyDto Min, MoneyDto Max);

/// <summary>A product in a store list: what a product card needs, priced in the region's currency.</summary>
internal sealed record StoreProductSummary(string Id, string Handle, string Title, string? Subtitle, string? ProductType,
    StoreImage? Thumbnail, StorePriceRange Price)
{
    /// <summary>A gift card sold as a product (ADR 9): a storefront may show denominations instead of stock and shipping hints.</summary>
    public bool GiftCard { get; init; }

    /// <summary>The base price range when a sale lowers <see cref="Price"/> (ADR 8); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StorePriceRange? OriginalPrice { get; init; }
}

internal sealed record StoreOption(string Name, IReadOnlyList<string> Values);

/// <summary>
/// A variant for a storefront: <see cref="Availability"/> is a state, never a count; <see cref="AvailableQuantity"/> is sent only
/// when the shop sets <c>Mercato:Inventory:ExposeQuantities</c>.
/// </summary>
internal sealed record StoreVariant(string Id, string Sku, string? Title, IReadOnlyDictionary<string, string> Options, MoneyDto? Price,
    int? WeightGrams, StockStatus Availability, bool AllowBackorder,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? AvailableQuantity)
{
    /// <summary>The base price when a sale lowers <see cref="Price"/> (ADR 8); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MoneyDto? OriginalPrice { get; init; }
}

internal sealed record StoreCategoryRef(string Id, string Handle, string Name, string Path);

internal sealed record StoreCollectionRef(string Id, string Handle, string Title);

internal sealed record StoreSeo(string MetaTitle, string? MetaDescription);

/// <summary>
/// One product for a storefront. Explicit fields only: metadata, external ids and exact stock never reach the public API.
/// </summary>
internal sealed record StoreProductResponse(string Id, string Handle, string Title, string? Subtitle, string? Description,
    string? ProductType, string RegionId, StorePriceRange? Price, IReadOnlyList<StoreOption> Options, IReadOnlyList<StoreVariant> Variants,
    IReadOnlyList<StoreImage> Images, IReadOnlyList<string> Tags, IReadOnlyList<StoreCategoryRef> Categories,
    IReadOnlyList<StoreCollectionRef> Collections, IReadOnlyDictionary<string, object?> Attributes, StoreSeo Seo)
{
    /// <summary>A gift card sold as a product (ADR 9): a storefront may show denominations instead of stock and shipping hints.</summary>
    public bool GiftCard { get; init; }

    /// <summary>The base price range when a sale lowers <see cref="Price"/> (ADR 8); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StorePriceRange? OriginalPrice { get; init; }
}
