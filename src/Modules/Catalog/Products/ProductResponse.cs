using System.Text.Json;
using Mercato.Catalog.Attributes;
using Mercato.Kernel.Money;

namespace Mercato.Catalog.Products;

internal sealed record OptionResponse(string Id, string Name, IReadOnlyList<string> Values);

internal sealed record MediaResponse(string Id, string Url, string? Alt, int Position);

internal sealed record SeoResponse(string? MetaTitle, string? MetaDescription);

internal sealed record VariantResponse(string Id, string Sku, string? Title, string? Barcode, IReadOnlyDictionary<string, string> Options,
    int? WeightGrams, bool ManageInventory, bool AllowBackorder, IReadOnlyList<MoneyDto> Prices, string? ExternalId, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static VariantResponse From(Variant v) => new(v.Id, v.Sku, v.Title, v.Barcode,
        v.OptionValues.ToDictionary(o => o.OptionName, o => o.Value), v.WeightGrams, v.ManageInventory, v.AllowBackorder,
        [.. v.Prices.OrderBy(p => p.CurrencyCode, StringComparer.Ordinal).Select(p => new MoneyDto(p.Amount, p.CurrencyCode))],
        v.ExternalId, v.CreatedAt, v.UpdatedAt);
}

/// <summary>The whole product as the Admin API shows it.</summary>
internal sealed record ProductResponse(
    string Id, string Title, string? Subtitle, string Handle, string? Description, ProductStatus Status, string? ProductType,
    IReadOnlyList<OptionResponse> Options, IReadOnlyList<VariantResponse> Variants, IReadOnlyList<MediaResponse> Media,
    IReadOnlyList<string> Tags, IReadOnlyList<string> CategoryIds, IReadOnlyList<string> CollectionIds,
    IReadOnlyList<string> SalesChannelIds, IReadOnlyDictionary<string, object?> Attributes, SeoResponse Seo,
    JsonElement? Metadata, string? ExternalId, string? TaxClassId, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProductResponse From(Product p, IReadOnlyDictionary<string, AttributeType> attributeTypes) => new(
        p.Id, p.Title, p.Subtitle, p.Handle, p.Description, p.Status, p.ProductType,
        [.. p.Options.OrderBy(o => o.Position).Select(o => new OptionResponse(o.Id, o.Name, o.Values))],
        [.. p.Variants.OrderBy(v => v.Position).ThenBy(v => v.Id, StringComparer.Ordinal).Select(VariantResponse.From)],
        [.. p.Media.OrderBy(m => m.Position).Select(m => new MediaResponse(m.Id, m.Url, m.Alt, m.Position))],
        [.. p.Tags.Select(t => t.Value).Order(StringComparer.Ordinal)],
        [.. p.Categories.Select(c => c.CategoryId).Order(StringComparer.Ordinal)],
        [.. p.Collections.Select(c => c.CollectionId).Order(StringComparer.Ordinal)],
        [.. p.Channels.Select(c => c.SalesChannelId).Order(StringComparer.Ordinal)],
        AttributesOf(p.Attributes, attributeTypes),
        new SeoResponse(p.MetaTitle, p.MetaDescription),
        p.Metadata is null ? null : JsonDocument.Parse(p.Metadata).RootElement.Clone(),
        p.ExternalId, p.TaxClassId, p.Version, p.CreatedAt, p.UpdatedAt)
    {
        GiftCard = p.GiftCard,
    };

    /// <summary>A gift card sold as a product: each fulfilled unit issues a card worth the line's unit price (ADR 9).</summary>
    public bool GiftCard { get; init; }

    public static SortedDictionary<string, object?> AttributesOf(IEnumerable<ProductAttributeValue> values,
        IReadOnlyDictionary<string, AttributeType> types) =>
        new(values.ToDictionary(a => a.Key,
            a => AttributeDefinition.ToJsonValue(types.GetValueOrDefault(a.Key, AttributeType.Text), a.Value, a.NumberValue)),
            StringComparer.Ordinal);
}
