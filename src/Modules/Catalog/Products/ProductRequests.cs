using System.Text.Json;

namespace Mercato.Catalog.Products;

internal sealed record OptionRequest(string Name, IReadOnlyList<string> Values);

/// <summary>A price; the amount is nullable only so that a missing one is a 400 rather than a free variant.</summary>
internal sealed record PriceRequest(long? Amount, string Currency);

internal sealed record VariantRequest(string Sku, string? Title, string? Barcode, IReadOnlyDictionary<string, string>? Options,
    int? WeightGrams, bool? ManageInventory, bool? AllowBackorder, IReadOnlyList<PriceRequest>? Prices, string? ExternalId = null);

/// <summary>A partial variant update; <c>externalId: ""</c> removes the external id.</summary>
internal sealed record UpdateVariantRequest(string? Sku, string? Title, string? Barcode, IReadOnlyDictionary<string, string>? Options,
    int? WeightGrams, bool? ManageInventory, bool? AllowBackorder, IReadOnlyList<PriceRequest>? Prices, string? ExternalId = null);

internal sealed record MediaRequest(string Url, string? Alt);

internal sealed record SeoRequest(string? MetaTitle, string? MetaDescription);

/// <summary>A new product with its options and variants. Ids, versions, timestamps and derived prices are never read from it.</summary>
internal sealed record CreateProductRequest(
    string Title,
    string? Handle,
    string? Subtitle,
    string? Description,
    ProductStatus? Status,
    string? ProductType,
    IReadOnlyList<OptionRequest>? Options,
    IReadOnlyList<VariantRequest>? Variants,
    IReadOnlyList<string>? CategoryIds,
    IReadOnlyList<string>? CollectionIds,
    IReadOnlyList<string>? SalesChannelIds,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<MediaRequest>? Media,
    IReadOnlyDictionary<string, JsonElement>? Attributes,
    SeoRequest? Seo,
    JsonElement? Metadata,
    string? ExternalId,
    string? TaxClassId = null,
    bool? GiftCard = null);

/// <summary>A partial update: absent fields stay as they are; lists given replace the whole list; <c>taxClassId: ""</c> removes the class.</summary>
internal sealed record UpdateProductRequest(
    string? Title,
    string? Handle,
    string? Subtitle,
    string? Description,
    ProductStatus? Status,
    string? ProductType,
    IReadOnlyList<OptionRequest>? Options,
    IReadOnlyList<string>? CategoryIds,
    IReadOnlyList<string>? CollectionIds,
    IReadOnlyList<string>? SalesChannelIds,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<MediaRequest>? Media,
    IReadOnlyDictionary<string, JsonElement>? Attributes,
    SeoRequest? Seo,
    JsonElement? Metadata,
    string? ExternalId,
    string? TaxClassId = null,
    bool? GiftCard = null);
