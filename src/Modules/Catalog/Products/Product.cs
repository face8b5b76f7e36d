using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;

namespace Mercato.Catalog.Products;

internal enum ProductStatus
{
    Draft,
    Published,
    Archived,
}

/// <summary>
/// The product aggregate: options, variants with their prices, media, tags and links to categories, collections and
/// sales channels. Every change goes through the product so its <see cref="Version"/> guards the whole graph.
/// </summary>
internal sealed class Product : IVersioned
{
    private Product()
    {
    }

    public Product(string title, string handle, TimeProvider time)
    {
        Id = EntityId.New("prod", time);
        Title = title;
        Handle = handle;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Title { get => _title; set { _title = value; TitleSort = value.ToLowerInvariant(); } }
    /// <summary>Lower-cased title: both databases then sort titles the same way (binary order).</summary>
    public string TitleSort { get; private set; } = "";
    public string? Subtitle { get; set; }
    public string Handle { get; set; } = "";
    public string? Description { get; set; }
    public ProductStatus Status { get; set; } = ProductStatus.Draft;
    public string? ProductType { get; set; }
    public string? MetaTitle { get; set; }
    public string? MetaDescription { get; set; }
    /// <summary>Free JSON object for integrators, stored as text.</summary>
    public string? Metadata { get; set; }
    /// <summary>The product's key in the merchant's ERP or PIM.</summary>
    public string? ExternalId { get; set; }
    /// <summary>The Tax module's class for this product (reduced rates...); null taxes it at the region's default rate.</summary>
    public string? TaxClassId { get; set; }
    /// <summary>A gift card sold as a product: each fulfilled unit issues a card worth the line's unit price (ADR 9).</summary>
    public bool GiftCard { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; set; }

    public List<ProductOption> Options { get; } = [];
    public List<Variant> Variants { get; } = [];
    public List<ProductMedia> Media { get; } = [];
    public List<ProductTag> Tags { get; } = [];
    public List<ProductCategoryLink> Categories { get; } = [];
    public List<ProductCollectionLink> Collections { get; } = [];
    public List<ProductChannelLink> Channels { get; } = [];
    public List<ProductAttributeValue> Attributes { get; } = [];
    public List<ProductPriceSummary> PriceSummaries { get; } = [];

    private string _title = "";

    /// <summary>Marks the aggregate changed (bumps its version on save) and refreshes derived rows.</summary>
    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        RefreshPriceSummaries();
    }

    /// <summary>Cheapest and dearest variant price per currency: lets lists filter and sort by price without joins over variants.</summary>
    private void RefreshPriceSummaries()
    {
        var wanted = Variants.SelectMany(v => v.Prices).GroupBy(p => p.CurrencyCode)
            .ToDictionary(g => g.Key, g => (Min: g.Min(p => p.Amount), Max: g.Max(p => p.Amount)), StringComparer.Ordinal);
        PriceSummaries.RemoveAll(s => !wanted.ContainsKey(s.CurrencyCode));
        foreach (var (currency, range) in wanted)
        {
            var summary = PriceSummaries.Find(s => s.CurrencyCode == currency);
            if (summary is null) PriceSummaries.Add(new ProductPriceSummary { ProductId = Id, CurrencyCode = currency, MinAmount = range.Min, MaxAmount = range.Max });
            else (summary.MinAmount, summary.MaxAmount) = (range.Min, range.Max);
        }
    }

    /// <summary>Keeps the rows whose key is wanted, removes the others and adds the missing ones.</summary>
    public static void Sync<T, TKey>(List<T> rows, IEnumerable<TKey> wanted, Func<T, TKey> key, Func<TKey, T> create)
        where TKey : notnull
    {
        var set = wanted.ToHashSet();
        rows.RemoveAll(r => !set.Contains(key(r)));
        foreach (var k in set.Where(k => !rows.Any(r => EqualityComparer<TKey>.Default.Equals(key(r), k)))) rows.Add(create(k));
    }
}

internal sealed class ProductOption
{
    public string Id { get; init; } = "";
    public string ProductId { get; init; } = "";
    public string Name { get; set; } = "";
    public int Position { get; set; }
    public List<string> Values { get; set; } = [];
}

/// <summary>A sellable unit with a unique SKU; its option values pick one value of each product option.</summary>
internal sealed class Variant
{
    public string Id { get; init; } = "";
    public string ProductId { get; init; } = "";
    public string Sku { get; set; } = "";
    public string? Title { get; set; }
    public string? Barcode { get; set; }
    /// <summary>The variant's key in the merchant's ERP or PIM; unique among variants when set.</summary>
    public string? ExternalId { get; set; }
    public int? WeightGrams { get; set; }
    public bool ManageInventory { get; set; } = true;
    public bool AllowBackorder { get; set; }
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<VariantOptionValue> OptionValues { get; } = [];
    public List<VariantPrice> Prices { get; } = [];
}

internal sealed class VariantOptionValue
{
    public string VariantId { get; init; } = "";
    public string OptionName { get; init; } = "";
    public string Value { get; set; } = "";
    /// <summary>Lower-cased name and value, for case-insensitive filters that behave alike on both databases.</summary>
    public string FilterKey { get; set; } = "";
}

/// <summary>The variant's price in one currency, in minor units.</summary>
internal sealed class VariantPrice
{
    public string VariantId { get; init; } = "";
    public string CurrencyCode { get; init; } = "";
    public long Amount { get; set; }
}

internal sealed class ProductMedia
{
    public string Id { get; init; } = "";
    public string ProductId { get; init; } = "";
    public string Url { get; set; } = "";
    public string? Alt { get; set; }
    public int Position { get; set; }
}

internal sealed class ProductTag
{
    public string ProductId { get; init; } = "";
    public string Value { get; init; } = "";
}

internal sealed class ProductCategoryLink
{
    public string ProductId { get; init; } = "";
    public string CategoryId { get; init; } = "";
}

internal sealed class ProductCollectionLink
{
    public string ProductId { get; init; } = "";
    public string CollectionId { get; init; } = "";
}

/// <summary>A link by id to the Channels module: no foreign key crosses modules.</summary>
internal sealed class ProductChannelLink
{
    public string ProductId { get; init; } = "";
    public string SalesChannelId { get; init; } = "";
}

/// <summary>A typed attribute value; <see cref="Value"/> is the canonical text form used by filters.</summary>
internal sealed class ProductAttributeValue
{
    public string ProductId { get; init; } = "";
    public string Key { get; init; } = "";
    public string Value { get; set; } = "";
    public double? NumberValue { get; set; }
}

internal sealed class ProductPriceSummary
{
    public string ProductId { get; init; } = "";
    public string CurrencyCode { get; init; } = "";
    public long MinAmount { get; set; }
    public long MaxAmount { get; set; }
}
