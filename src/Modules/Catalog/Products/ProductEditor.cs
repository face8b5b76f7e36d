using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.Catalog.Attributes;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Collections;
using Mercato.Channels.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Products;

/// <summary>
/// The rules for writing products, shared by create, update and the variant endpoints: shape checks first (400),
/// then references and uniqueness against the database (400/409), then the change itself.
/// </summary>
internal static partial class ProductEditor
{
    public static string NormalizeSku(string sku) => sku.Trim().ToUpperInvariant();

    public static string NormalizeTag(string tag) => tag.Trim().ToLowerInvariant();

    /// <summary>External ids are compared trimmed; blank means none.</summary>
    public static string? NormalizeExternalId(string? externalId) => string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim();

    /// <summary>The slug of a title, with "-2", "-3"... when another product has it already.</summary>
    public static async Task<string> FreeHandleAsync(MercatoDb db, string title, CancellationToken ct)
    {
        var slug = Slugify(title);
        if (slug.Length > CatalogLimits.Handle - 8) slug = slug[..(CatalogLimits.Handle - 8)].TrimEnd('-');
        var prefix = slug + "-";
        var taken = (await db.Set<Product>().Where(p => p.Handle == slug || p.Handle.StartsWith(prefix)).Select(p => p.Handle).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        taken.UnionWith(ReservedHandles);
        if (!taken.Contains(slug)) return slug;
        var n = 2;
        while (taken.Contains($"{prefix}{n}")) n++;
        return $"{prefix}{n}";
    }

    /// <summary>A handle from a title: "Linen Shirt (Blue)" gives "linen-shirt-blue".</summary>
    public static string Slugify(string title)
    {
        var ascii = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) ascii.Append(char.ToLowerInvariant(c));
            else if (c is ' ' or '-' or '_' or '/' or '.') ascii.Append('-');
        }
        var slug = MultipleHyphens().Replace(ascii.ToString(), "-").Trim('-');
        if (slug.Length > CatalogLimits.Handle) slug = slug[..CatalogLimits.Handle].TrimEnd('-');
        return slug.Length == 0 ? "product" : slug;
    }

    /// <summary>Path segments of the Store API under /store/products that a product handle would be shadowed by.</summary>
    public static readonly IReadOnlySet<string> ReservedHandles = new HashSet<string>(StringComparer.Ordinal) { "facets" };

    private static void ValidateHandle(Validator v, string? handle)
    {
        v.Handle("handle", handle);
        if (handle is not null && ReservedHandles.Contains(handle))
            v.Add("handle", $"'{handle}' is reserved by the Store API (/store/products/{handle}).");
    }

    public static void ValidateShape(Validator v, CreateProductRequest r)
    {
        v.Required("title", r.Title, CatalogLimits.Title);
        ValidateHandle(v, r.Handle);
        ValidateCommon(v, r.Subtitle, r.Description, r.ProductType, r.Options, r.CategoryIds, r.CollectionIds, r.SalesChannelIds,
            r.Tags, r.Media, r.Attributes, r.Seo, r.Metadata, r.ExternalId);
        v.MaxLength("taxClassId", r.TaxClassId, 40);
        if (r.Variants is null || r.Variants.Count == 0)
        {
            if (r.Options is { Count: > 0 }) v.Add("variants", "A product with options needs at least one variant.");
            return;
        }
        v.Count("variants", r.Variants, CatalogLimits.Variants);
        for (var i = 0; i < r.Variants.Count; i++)
        {
            var variant = r.Variants[i];
            if (variant is null) { v.Add($"variants[{i}]", "Required."); continue; }
            ValidateVariant(v, $"variants[{i}]", variant.Sku, skuRequired: true, variant.Title, variant.Barcode, variant.Options,
                variant.WeightGrams, variant.Prices, variant.ExternalId);
        }
        var duplicates = r.Variants.Where(x => x?.Sku is not null).GroupBy(x => NormalizeSku(x.Sku)).Where(g => g.Count() > 1);
        foreach (var group in duplicates) v.Add("variants", $"The SKU '{group.Key}' appears more than once.");
        var sameExternalIds = r.Variants.Select(x => NormalizeExternalId(x?.ExternalId)).OfType<string>().GroupBy(x => x).Where(g => g.Count() > 1);
        foreach (var group in sameExternalIds) v.Add("variants", $"The external id '{group.Key}' appears more than once.");
    }

    public static void ValidateShape(Validator v, UpdateProductRequest r)
    {
        if (r.Title is not null) v.Required("title", r.Title, CatalogLimits.Title);
        ValidateHandle(v, r.Handle);
        ValidateCommon(v, r.Subtitle, r.Description, r.ProductType, r.Options, r.CategoryIds, r.CollectionIds, r.SalesChannelIds,
            r.Tags, r.Media, r.Attributes, r.Seo, r.Metadata, r.ExternalId);
        v.MaxLength("taxClassId", r.TaxClassId, 40);
    }

    public static void ValidateVariant(Validator v, string path, string? sku, bool skuRequired, string? title, string? barcode,
        IReadOnlyDictionary<string, string>? options, int? weight, IReadOnlyList<PriceRequest>? prices, string? externalId = null)
    {
        v.MaxLength($"{path}.externalId", externalId, CatalogLimits.ExternalId);
        if (sku is not null || skuRequired)
        {
            v.Required($"{path}.sku", sku, CatalogLimits.Sku);
            if (sku is not null && !SkuPattern().IsMatch(sku.Trim()))
                v.Add($"{path}.sku", "Letters, digits and . _ - / only.");
        }
        v.MaxLength($"{path}.title", title, CatalogLimits.Title).MaxLength($"{path}.barcode", barcode, 64)
            .Range($"{path}.weightGrams", weight, 0, 1_000_000);
        if (options is { Count: > CatalogLimits.Options }) v.Add($"{path}.options", $"At most {CatalogLimits.Options} options.");
        // Names match options trimmed and case-insensitively, so "Size" and "size " would be two values for one option.
        if (options is not null && options.Keys.Select(k => k.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
            v.Add($"{path}.options", "Each option is named once.");
        foreach (var (name, value) in options ?? new Dictionary<string, string>())
        {
            if (value is null || value.Length is 0 or > CatalogLimits.OptionValue)
                v.Add($"{path}.options.{name}", $"1 to {CatalogLimits.OptionValue} characters.");
        }
        if (prices is null) return;
        v.Count($"{path}.prices", prices, 50);
        for (var j = 0; j < prices.Count; j++)
        {
            if (prices[j] is null) { v.Add($"{path}.prices[{j}]", "Required."); continue; }
            if (prices[j].Amount is null) v.Add($"{path}.prices[{j}].amount", "Required.");
            v.Range($"{path}.prices[{j}].amount", prices[j].Amount, 0, Kernel.Money.Money.MaxAmount)
                .Currency($"{path}.prices[{j}].currency", prices[j].Currency, out _);
        }
        foreach (var group in prices.Where(p => p?.Currency is not null).GroupBy(p => p.Currency.ToUpperInvariant()).Where(g => g.Count() > 1))
            v.Add($"{path}.prices", $"More than one price in {group.Key}.");
    }

    private static void ValidateCommon(Validator v, string? subtitle, string? description, string? productType,
        IReadOnlyList<OptionRequest>? options, IReadOnlyList<string>? categoryIds, IReadOnlyList<string>? collectionIds,
        IReadOnlyList<string>? channelIds, IReadOnlyList<string>? tags, IReadOnlyList<MediaRequest>? media,
        IReadOnlyDictionary<string, JsonElement>? attributes, SeoRequest? seo, JsonElement? metadata, string? externalId)
    {
        v.MaxLength("subtitle", subtitle, CatalogLimits.Title).MaxLength("description", description, CatalogLimits.Description)
            .MaxLength("productType", productType, 100).MaxLength("externalId", externalId, 200)
            .Count("categoryIds", categoryIds, CatalogLimits.Links).Count("collectionIds", collectionIds, CatalogLimits.Links)
            .Count("salesChannelIds", channelIds, CatalogLimits.Links).Count("tags", tags, CatalogLimits.Tags)
            .Count("media", media, CatalogLimits.Media).Count("attributes", attributes?.Keys.ToArray(), CatalogLimits.Attributes)
            .Metadata("metadata", metadata);
        if (seo is not null)
            v.MaxLength("seo.metaTitle", seo.MetaTitle, CatalogLimits.MetaTitle).MaxLength("seo.metaDescription", seo.MetaDescription, CatalogLimits.MetaDescription);
        ValidateIds(v, "categoryIds", categoryIds);
        ValidateIds(v, "collectionIds", collectionIds);
        ValidateIds(v, "salesChannelIds", channelIds);
        for (var i = 0; i < (tags?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(tags![i]) || tags[i].Length > CatalogLimits.Tag)
                v.Add($"tags[{i}]", $"1 to {CatalogLimits.Tag} characters.");
        }
        for (var i = 0; i < (media?.Count ?? 0); i++)
        {
            var m = media![i];
            if (m is null) { v.Add($"media[{i}]", "Required."); continue; }
            v.Required($"media[{i}].url", m.Url, CatalogLimits.Url).MaxLength($"media[{i}].alt", m.Alt, CatalogLimits.Alt);
            if (m.Url is not null && !IsMediaUrl(m.Url)) v.Add($"media[{i}].url", "An absolute http(s) URL or a path starting with '/'.");
        }
        if (options is null) return;
        v.Count("options", options, CatalogLimits.Options);
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            if (o is null) { v.Add($"options[{i}]", "Required."); continue; }
            v.Required($"options[{i}].name", o.Name, CatalogLimits.OptionName);
            if (o.Values is null || o.Values.Count == 0) v.Add($"options[{i}].values", "At least one value.");
            else if (o.Values.Count > CatalogLimits.OptionValues) v.Add($"options[{i}].values", $"At most {CatalogLimits.OptionValues} values.");
            else if (o.Values.Any(x => string.IsNullOrWhiteSpace(x) || x.Length > CatalogLimits.OptionValue))
                v.Add($"options[{i}].values", $"Each value has 1 to {CatalogLimits.OptionValue} characters.");
            else if (o.Values.Select(x => x.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != o.Values.Count)
                v.Add($"options[{i}].values", "Values must be unique.");
        }
        if (options.Where(o => o?.Name is not null).Select(o => o.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count()
            != options.Count(o => o?.Name is not null))
            v.Add("options", "Option names must be unique.");
    }

    private static void ValidateIds(Validator v, string field, IReadOnlyList<string>? ids)
    {
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(ids![i]) || ids[i].Length > 40) v.Add($"{field}[{i}]", "Not an id.");
        }
    }

    private static bool IsMediaUrl(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    /// <summary>Checks that every id names an existing category, collection and sales channel (400 otherwise).</summary>
    public static async Task<Error?> CheckReferencesAsync(MercatoDb db, ISalesChannelDirectory channels,
        IReadOnlyList<string>? categoryIds, IReadOnlyList<string>? collectionIds, IReadOnlyList<string>? channelIds, CancellationToken ct)
    {
        var v = new Validator();
        if (categoryIds is { Count: > 0 })
        {
            var known = await db.Set<Category>().Where(c => categoryIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            foreach (var missing in categoryIds.Except(known)) v.Add("categoryIds", $"No category with id '{missing}'.");
        }
        if (collectionIds is { Count: > 0 })
        {
            var known = await db.Set<Collection>().Where(c => collectionIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            foreach (var missing in collectionIds.Except(known)) v.Add("collectionIds", $"No collection with id '{missing}'.");
        }
        if (channelIds is { Count: > 0 })
        {
            foreach (var missing in await channels.UnknownAsync([.. channelIds.Distinct()], ct))
                v.Add("salesChannelIds", $"No sales channel with id '{missing}'.");
        }
        return v.ToError();
    }

    /// <summary>Turns attribute values into typed rows, checking each against its definition.</summary>
    public static async Task<Result<List<(string Key, string Text, double? Number)>>> ResolveAttributesAsync(MercatoDb db,
        IReadOnlyDictionary<string, JsonElement> attributes, CancellationToken ct)
    {
        var keys = attributes.Keys.ToList();
        var definitions = await db.Set<AttributeDefinition>().AsNoTracking().Where(a => keys.Contains(a.Key)).ToDictionaryAsync(a => a.Key, ct);
        var v = new Validator();
        var rows = new List<(string, string, double?)>();
        foreach (var (key, value) in attributes)
        {
            if (!definitions.TryGetValue(key, out var definition)) { v.Add($"attributes.{key}", "No attribute with this key; define it under /admin/attributes first."); continue; }
            if (definition.Canonical(value) is not { } canonical) { v.Add($"attributes.{key}", $"Expected a {definition.Type.ToString().ToLowerInvariant()} value{(definition.Type == AttributeType.Enum ? $" among: {string.Join(", ", definition.Values)}" : "")}."); continue; }
            rows.Add((key, canonical.Text, canonical.Number));
        }
        return v.ToError() is { } error ? error : rows;
    }

    public static async Task<Error?> CheckUniqueAsync(MercatoDb db, string? productId, string? handle, IEnumerable<string> skus,
        string? externalId, CancellationToken ct, IEnumerable<string>? variantExternalIds = null, string? exceptVariantId = null)
    {
        var variantKeys = variantExternalIds?.ToList() ?? [];
        if (variantKeys.Count > 0)
        {
            var takenKey = await db.Set<Variant>()
                .Where(v => v.ExternalId != null && variantKeys.Contains(v.ExternalId) && v.ProductId != productId && v.Id != exceptVariantId)
                .Select(v => v.ExternalId).FirstOrDefaultAsync(ct);
            if (takenKey is not null) return CatalogErrors.ExternalIdTaken("variant", takenKey);
        }
        if (handle is not null && await db.Set<Product>().AnyAsync(p => p.Handle == handle && p.Id != productId, ct))
            return CatalogErrors.HandleTaken(handle);
        var skuList = skus.ToList();
        if (skuList.Count > 0)
        {
            var taken = await db.Set<Variant>().Where(v => skuList.Contains(v.Sku) && v.ProductId != productId).Select(v => v.Sku).ToListAsync(ct);
            if (taken.Count > 0) return CatalogErrors.SkuTaken(taken.Order(StringComparer.Ordinal));
        }
        if (!string.IsNullOrEmpty(externalId) && await db.Set<Product>().AnyAsync(p => p.ExternalId == externalId && p.Id != productId, ct))
            return CatalogErrors.ExternalIdTaken(externalId);
        return null;
    }

    /// <summary>Every variant names one allowed value of each option, and no two variants share a combination.</summary>
    public static Error? CheckVariantOptions(Product product)
    {
        var v = new Validator();
        var options = product.Options.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variant, index) in product.Variants.Select((x, i) => (x, i)))
        {
            var path = $"variants[{index}].options";
            foreach (var value in variant.OptionValues)
            {
                if (!options.TryGetValue(value.OptionName, out var option)) v.Add(path, $"The product has no option '{value.OptionName}'.");
                else if (!option.Values.Contains(value.Value, StringComparer.OrdinalIgnoreCase))
                    v.Add(path, $"'{value.Value}' is not a value of option '{option.Name}'.");
            }
            foreach (var option in product.Options.Where(o => variant.OptionValues.All(x => !x.OptionName.Equals(o.Name, StringComparison.OrdinalIgnoreCase))))
                v.Add(path, $"Missing a value for option '{option.Name}'.");
            var combination = string.Join("\u001f", variant.OptionValues.OrderBy(x => x.OptionName, StringComparer.OrdinalIgnoreCase).Select(x => x.Value));
            if (!seen.Add(combination) && product.Options.Count > 0)
                v.Add(path, "Another variant already has these option values.");
        }
        if (product.Options.Count == 0 && product.Variants.Count > 1)
            v.Add("variants", "A product without options has a single variant; add options to tell variants apart.");
        return v.ToError();
    }

    public static void ApplyOptions(Product product, IReadOnlyList<OptionRequest> options, TimeProvider time)
    {
        var wanted = options.Select((o, i) => (Name: o.Name.Trim(), Values: o.Values.Select(x => x.Trim()).ToList(), Position: i)).ToList();
        product.Options.RemoveAll(o => wanted.All(w => !w.Name.Equals(o.Name, StringComparison.OrdinalIgnoreCase)));
        foreach (var (name, values, position) in wanted)
        {
            var option = product.Options.Find(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (option is null) product.Options.Add(new ProductOption { Id = EntityId.New("opt", time), ProductId = product.Id, Name = name, Values = values, Position = position });
            else (option.Name, option.Values, option.Position) = (name, values, position);
        }
        FollowOptions(product, time.GetUtcNow());
    }

    /// <summary>
    /// Existing variants follow a change of options, or options could never be added to or removed from a product that sells:
    /// a removed option leaves them, a new one gives them its first value (as Shopify does), and names and values take the
    /// product's spelling. <see cref="CheckVariantOptions"/> then rejects variants left without an allowed or distinct combination.
    /// </summary>
    private static void FollowOptions(Product product, DateTimeOffset now)
    {
        foreach (var variant in product.Variants)
        {
            var changed = false;
            foreach (var value in variant.OptionValues.ToList())
            {
                var option = product.Options.Find(o => o.Name.Equals(value.OptionName, StringComparison.OrdinalIgnoreCase));
                var spelled = option?.Values.Find(x => x.Equals(value.Value, StringComparison.OrdinalIgnoreCase)) ?? value.Value;
                if (option is not null && option.Name == value.OptionName)
                {
                    changed |= spelled != value.Value;
                    value.Value = spelled;
                    continue;
                }
                // The name is the row's key, so a new spelling is a new row.
                variant.OptionValues.Remove(value);
                if (option is not null) variant.OptionValues.Add(NewOptionValue(variant, option.Name, spelled));
                changed = true;
            }
            foreach (var option in product.Options.Where(o => variant.OptionValues.All(x => x.OptionName != o.Name)))
            {
                variant.OptionValues.Add(NewOptionValue(variant, option.Name, option.Values[0]));
                changed = true;
            }
            if (changed) variant.UpdatedAt = now;
        }
    }

    private static VariantOptionValue NewOptionValue(Variant variant, string name, string value) =>
        new() { VariantId = variant.Id, OptionName = name, Value = value, FilterKey = FilterKey(name, value) };

    public static Variant NewVariant(Product product, VariantRequest r, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var variant = new Variant
        {
            Id = EntityId.New("var", time), ProductId = product.Id, CreatedAt = now, Position = product.Variants.Count,
        };
        ApplyVariant(product, variant, new UpdateVariantRequest(r.Sku, r.Title, r.Barcode, r.Options ?? new Dictionary<string, string>(),
            r.WeightGrams, r.ManageInventory ?? true, r.AllowBackorder ?? false, r.Prices ?? [], r.ExternalId), now);
        return variant;
    }

    public static void ApplyVariant(Product product, Variant variant, UpdateVariantRequest r, DateTimeOffset now)
    {
        if (r.Sku is not null) variant.Sku = NormalizeSku(r.Sku);
        if (r.Title is not null) variant.Title = r.Title.Trim();
        if (r.Barcode is not null) variant.Barcode = r.Barcode.Trim();
        if (r.ExternalId is not null) variant.ExternalId = NormalizeExternalId(r.ExternalId);
        if (r.WeightGrams is { } weight) variant.WeightGrams = weight;
        if (r.ManageInventory is { } manage) variant.ManageInventory = manage;
        if (r.AllowBackorder is { } backorder) variant.AllowBackorder = backorder;
        if (r.Options is not null)
        {
            var wanted = r.Options.Select(o => SpelledAsProduct(product, o.Key.Trim(), o.Value.Trim()))
                .ToDictionary(o => o.Name, o => o.Value, StringComparer.Ordinal);
            Product.Sync(variant.OptionValues, wanted.Keys, o => o.OptionName, n => new VariantOptionValue { VariantId = variant.Id, OptionName = n });
            foreach (var value in variant.OptionValues)
                (value.Value, value.FilterKey) = (wanted[value.OptionName], FilterKey(value.OptionName, wanted[value.OptionName]));
        }
        if (r.Prices is not null)
        {
            var wanted = r.Prices.ToDictionary(p => p.Currency.ToUpperInvariant(), p => p.Amount!.Value, StringComparer.Ordinal);
            Product.Sync(variant.Prices, wanted.Keys, p => p.CurrencyCode, c => new VariantPrice { VariantId = variant.Id, CurrencyCode = c });
            foreach (var price in variant.Prices) price.Amount = wanted[price.CurrencyCode];
        }
        variant.UpdatedAt = now;
    }

    /// <summary>
    /// Options match case-insensitively, but are stored as the product spells them ("size": "m" becomes "Size": "M"),
    /// so clients can compare a variant's options with the product's exactly.
    /// </summary>
    private static (string Name, string Value) SpelledAsProduct(Product product, string name, string value)
    {
        var option = product.Options.Find(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (option is null) return (name, value);
        return (option.Name, option.Values.Find(x => x.Equals(value, StringComparison.OrdinalIgnoreCase)) ?? value);
    }

    /// <summary>"size:m": how option and attribute filters match, case-insensitively and alike on both databases.</summary>
    public static string FilterKey(string name, string value) => $"{name.Trim().ToLowerInvariant()}:{value.Trim().ToLowerInvariant()}";

    public static void ApplyLinks(Product product, IReadOnlyList<string>? categoryIds, IReadOnlyList<string>? collectionIds,
        IReadOnlyList<string>? channelIds, IReadOnlyList<string>? tags, IReadOnlyList<MediaRequest>? media, TimeProvider time)
    {
        if (categoryIds is not null)
            Product.Sync(product.Categories, categoryIds, l => l.CategoryId, id => new ProductCategoryLink { ProductId = product.Id, CategoryId = id });
        if (collectionIds is not null)
            Product.Sync(product.Collections, collectionIds, l => l.CollectionId, id => new ProductCollectionLink { ProductId = product.Id, CollectionId = id });
        if (channelIds is not null)
            Product.Sync(product.Channels, channelIds, l => l.SalesChannelId, id => new ProductChannelLink { ProductId = product.Id, SalesChannelId = id });
        if (tags is not null)
            Product.Sync(product.Tags, tags.Select(NormalizeTag), t => t.Value, t => new ProductTag { ProductId = product.Id, Value = t });
        if (media is not null)
        {
            product.Media.Clear();
            for (var i = 0; i < media.Count; i++)
            {
                product.Media.Add(new ProductMedia
                {
                    Id = EntityId.New("med", time), ProductId = product.Id, Url = media[i].Url.Trim(), Alt = media[i].Alt, Position = i,
                });
            }
        }
    }

    public static void ApplyAttributes(Product product, List<(string Key, string Text, double? Number)> rows)
    {
        Product.Sync(product.Attributes, rows.Select(r => r.Key), a => a.Key, k => new ProductAttributeValue { ProductId = product.Id, Key = k });
        foreach (var attribute in product.Attributes)
        {
            var row = rows.Single(r => r.Key == attribute.Key);
            (attribute.Value, attribute.NumberValue) = (row.Text, row.Number);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._/-]+$")]
    private static partial Regex SkuPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultipleHyphens();
}
