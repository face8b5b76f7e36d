using System.Text.Json;
using Mercato.Catalog.Attributes;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Collections;
using Mercato.Catalog.Products;
using Mercato.Channels;
using Mercato.Inventory;
using Mercato.Inventory.Levels;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Mercato.Regions;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Api.Seed;

/// <summary>
/// Seeds an empty database with a realistic shop (Seed/demo-catalog.json): two regions, a "Web" sales channel with a
/// publishable key, a default stock location holding each variant's demo stock, categories, collections, attributes and about fifty products.
/// </summary>
internal static partial class DemoCatalog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<bool> SeedIfEmptyAsync(MercatoDb db, TimeProvider time, ILogger log, CancellationToken ct)
    {
        if (await db.Set<SalesChannel>().AnyAsync(ct) || await db.Set<Product>().AnyAsync(ct) || await db.Set<Region>().AnyAsync(ct))
            return false;
        var data = await LoadAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var northAmerica = new Region("North America", "USD", time) { TaxRateBasisPoints = 0, PricesIncludeTax = false };
        northAmerica.SetCountries(["US", "CA"]);
        var europe = new Region("Europe", "EUR", time) { TaxRateBasisPoints = 2000, PricesIncludeTax = true };
        europe.SetCountries(["AT", "BE", "DE", "ES", "FI", "FR", "IE", "IT", "NL", "PT"]);
        db.AddRange(northAmerica, europe);

        var web = new SalesChannel("Web", "The web storefront", isDefault: true, time);
        var key = web.AddKey("Web storefront", time);
        db.Add(web);
        var warehouse = new StockLocation("Main warehouse", time) { IsDefault = true, City = "Rotterdam", CountryCode = "NL" };
        db.Add(warehouse);

        var categories = new Dictionary<string, Category>(StringComparer.Ordinal);
        foreach (var c in data.Categories)
        {
            var parent = c.Parent is null ? null : categories[c.Parent];
            var category = new Category(c.Name, c.Handle, time)
            {
                Description = c.Description, ParentId = parent?.Id, Path = parent is null ? c.Handle : $"{parent.Path}/{c.Handle}",
                Position = categories.Count,
            };
            categories[c.Handle] = category;
            db.Add(category);
        }
        var collections = data.Collections.ToDictionary(c => c.Handle, c => new Collection(c.Title, c.Handle, time) { Description = c.Description });
        db.AddRange(collections.Values);
        var attributeTypes = new Dictionary<string, AttributeDefinition>(StringComparer.Ordinal);
        foreach (var a in data.Attributes)
        {
            var definition = new AttributeDefinition(a.Key, a.Name, Enum.Parse<AttributeType>(a.Type, ignoreCase: true), time) { Values = a.Values ?? [] };
            attributeTypes[a.Key] = definition;
            db.Add(definition);
        }

        foreach (var p in data.Products)
        {
            var product = new Product(p.Title, p.Handle, time)
            {
                Subtitle = p.Subtitle, Description = p.Description, Status = Enum.Parse<ProductStatus>(p.Status, ignoreCase: true),
                ProductType = p.ProductType, MetaTitle = p.Seo?.MetaTitle, MetaDescription = p.Seo?.MetaDescription,
            };
            ProductEditor.ApplyOptions(product, [.. p.Options.Select(o => new OptionRequest(o.Name, o.Values))], time);
            foreach (var v in p.Variants)
            {
                product.Variants.Add(ProductEditor.NewVariant(product, new VariantRequest(v.Sku, v.Title, v.Barcode, v.Options, v.WeightGrams,
                    v.ManageInventory, v.AllowBackorder, [.. v.Prices.Select(x => new PriceRequest(x.Value, x.Key))]), time));
            }
            ProductEditor.ApplyLinks(product, [.. p.Categories.Select(h => categories[h].Id)], [.. p.Collections.Select(h => collections[h].Id)],
                [web.Id], p.Tags, [.. p.Images.Select(i => new MediaRequest($"/media/demo/{i.File}", i.Alt))], time);
            ProductEditor.ApplyAttributes(product, [.. p.Attributes.Select(a =>
            {
                var canonical = attributeTypes[a.Key].Canonical(a.Value) ?? throw new InvalidDataException($"Bad demo attribute {a.Key} on {p.Handle}.");
                return (a.Key, canonical.Text, canonical.Number);
            })]);
            product.Touch(time.GetUtcNow());
            db.Add(product);
            foreach (var variant in product.Variants.Where(x => x.ManageInventory))
            {
                var now = time.GetUtcNow();
                db.Add(new InventoryLevel(variant.Sku, warehouse.Id, p.Stock, now));
                db.Add(new Adjustment
                {
                    Id = EntityId.New("iadj", time), Sku = variant.Sku, LocationId = warehouse.Id, Delta = p.Stock, Reason = "Demo seed", CreatedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        LogReady(log, web.Name, key.Token);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo shop ready: sales channel {Channel} with publishable key {PublishableKey}")]
    private static partial void LogReady(ILogger logger, string channel, string publishableKey);

    private static async Task<DemoData> LoadAsync(CancellationToken ct)
    {
        await using var stream = typeof(DemoCatalog).Assembly.GetManifestResourceStream("Mercato.Api.Seed.demo-catalog.json")
            ?? throw new InvalidOperationException("The demo catalog resource is missing.");
        return await JsonSerializer.DeserializeAsync<DemoData>(stream, Json, ct) ?? throw new InvalidDataException("Empty demo catalog.");
    }

    private sealed record DemoData(List<DemoCategory> Categories, List<DemoCollection> Collections, List<DemoAttribute> Attributes,
        List<DemoProduct> Products);

    private sealed record DemoCategory(string Handle, string Name, string? Description, string? Parent);

    private sealed record DemoCollection(string Handle, string Title, string? Description);

    private sealed record DemoAttribute(string Key, string Name, string Type, List<string>? Values);

    private sealed record DemoSeo(string? MetaTitle, string? MetaDescription);

    private sealed record DemoImage(string File, string? Alt);

    private sealed record DemoOption(string Name, List<string> Values);

    private sealed record DemoVariant(string Sku, string? Title, Dictionary<string, string> Options, int? WeightGrams, string? Barcode,
        bool ManageInventory, bool AllowBackorder, Dictionary<string, long> Prices);

    private sealed record DemoProduct(string Handle, string Title, string? Subtitle, string? Description, string? ProductType, string Status,
        List<string> Tags, List<string> Categories, List<string> Collections, Dictionary<string, JsonElement> Attributes, DemoSeo? Seo,
        List<DemoImage> Images, List<DemoOption> Options, List<DemoVariant> Variants, int Stock);
}
