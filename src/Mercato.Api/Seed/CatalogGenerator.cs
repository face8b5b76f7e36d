using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mercato.Api.Hosting;
using Mercato.Catalog.Attributes;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Products;
using Mercato.Channels;
using Mercato.Inventory;
using Mercato.Inventory.Levels;
using Mercato.Kernel.Persistence;
using Mercato.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Seed;

/// <summary>
/// <c>Mercato.Api generate-catalog --products N</c>: bulk-loads N published products (handles <c>gen-0</c> ... <c>gen-(N-1)</c>,
/// SKUs <c>GEN-{n}-{SIZE}</c>) on top of the demo shop, for the benchmarks in bench/. Each product has options Size (2 to 4
/// values) and Color, one variant per size priced in every region's currency, one of the demo's leaf categories, tags,
/// attributes (material, fit, organic), a picture, the default sales channel and stock at the default location. The rows are
/// built by the catalog's own editing code, then written in one transaction (prepared INSERTs on SQLite, binary COPY on
/// PostgreSQL) without outbox events: a fresh database is the expected target.
/// </summary>
internal static class CatalogGenerator
{
    public const string HandlePrefix = "gen-";
    private const int Chunk = 10_000;

    private static readonly string[] Adjectives =
        ["Classic", "Relaxed", "Organic", "Everyday", "Heritage", "Urban", "Coastal", "Alpine", "Studio", "Weekend", "Vintage", "Modern"];
    private static readonly string[] Nouns =
        ["Shirt", "Chino", "Jacket", "Sweater", "Dress", "Tote", "Cap", "Mug", "Blanket", "Sneaker", "Scarf", "Lamp", "Candle", "Bowl"];
    private static readonly string[] Colors = ["Black", "White", "Navy", "Olive", "Sand", "Rust", "Grey", "Forest"];
    private static readonly string[] Sizes = ["S", "M", "L", "XL"];
    private static readonly string[] Materials = ["linen", "cotton", "wool", "cashmere", "silk", "denim", "leather", "canvas"];
    private static readonly string[] Fits = ["slim", "regular", "relaxed", "oversized"];
    private static readonly string[] Pictures =
        ["beeswax-pillar-candle-1", "breton-striped-top-1", "cashmere-cardigan-1", "ceramic-bud-vase-1", "chambray-work-shirt-1", "cotton-turtleneck-1"];
    private static readonly string[] Tags = ["new", "bestseller", "sale", "eco", "gift", "limited", "basics", "summer", "winter", "travel"];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args is not ["--products", var text] || !int.TryParse(text, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            await Console.Error.WriteLineAsync("Usage: generate-catalog --products N");
            return 2;
        }
        await app.PrepareDatabaseAsync();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var ct = CancellationToken.None;

        if (await db.Set<Product>().AnyAsync(p => p.Handle.StartsWith(HandlePrefix), ct))
        {
            await Console.Error.WriteLineAsync("This database already holds a generated catalog; generate into a fresh one.");
            return 1;
        }
        var shop = await ShopAsync(db, ct);
        if (shop is null)
        {
            await Console.Error.WriteLineAsync("The demo shop (regions, default sales channel, default stock location) is missing: run with Mercato:Seed=demo.");
            return 1;
        }

        await using (var bulk = await BulkRows.BeginAsync(db, ct))
        {
            var batch = new Batch();
            for (var start = 0; start < count; start += Chunk)
            {
                batch.Clear();
                for (var n = start; n < Math.Min(count, start + Chunk); n++) batch.Add(NewProduct(n, shop, time), shop.LocationId, time);
                await batch.WriteAsync(bulk, ct);
                Console.Write(string.Create(CultureInfo.InvariantCulture, $"\r{Math.Min(count, start + Chunk):N0} / {count:N0} products"));
            }
            Console.WriteLine();
            await bulk.CommitAsync(ct);
        }
        var loaded = time.GetElapsedTime(started);

        // Bulk rows bypass the save interceptor that keeps the search index current, so index them all once; the rebuild
        // also refreshes the planner's statistics (BulkRows.CommitAsync leaves that to it).
        await RebuildSearchIndexAsync(scope.ServiceProvider, ct);
        // The load went through SQLite's write-ahead log, which the last checkpoint copied but left at its full size (about
        // 560 MB at 100,000 products) for the next opener to scan: fold it in and truncate it, so the catalog is one file.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {count:N0} products in {loaded.TotalSeconds:F1} s ({count / Math.Max(loaded.TotalSeconds, 0.001):N0} products/s); ready after {time.GetElapsedTime(started).TotalSeconds:F1} s."));
        return 0;
    }

    private static async Task RebuildSearchIndexAsync(IServiceProvider services, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var indexed = await services.GetRequiredService<ICatalogSearchIndex>().RebuildAsync(ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Indexed {indexed:N0} products for search in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s."));
    }

    private sealed record Shop(List<string> Currencies, string ChannelId, string LocationId, List<string> CategoryIds,
        Dictionary<string, AttributeDefinition> Attributes);

    private static async Task<Shop?> ShopAsync(MercatoDb db, CancellationToken ct)
    {
        var currencies = await db.Set<Region>().Select(r => r.CurrencyCode).Distinct().OrderBy(c => c).ToListAsync(ct);
        var channel = await db.Set<SalesChannel>().Where(c => c.IsDefault).Select(c => c.Id).FirstOrDefaultAsync(ct);
        var location = await db.Set<StockLocation>().Where(l => l.IsDefault).Select(l => l.Id).FirstOrDefaultAsync(ct);
        var categories = await db.Set<Category>().AsNoTracking().ToListAsync(ct);
        // Leaves only: a parent's listing then includes its subtree's products, as a real shop's would.
        var leaves = categories.Where(c => categories.All(x => x.ParentId != c.Id)).OrderBy(c => c.Path).Select(c => c.Id).ToList();
        var attributes = await db.Set<AttributeDefinition>().AsNoTracking().ToDictionaryAsync(a => a.Key, ct);
        if (currencies.Count == 0 || channel is null || location is null || leaves.Count == 0) return null;
        return new Shop(currencies, channel, location, leaves, attributes);
    }

    private static Product NewProduct(int n, Shop shop, TimeProvider time)
    {
        var noun = Nouns[n % Nouns.Length];
        var adjective = Adjectives[n / Nouns.Length % Adjectives.Length];
        var color = Colors[n / 7 % Colors.Length];
        var material = Materials[n / 3 % Materials.Length];
        var number = n.ToString(CultureInfo.InvariantCulture);
        var product = new Product($"{adjective} {color} {noun} {number}", HandlePrefix + number, time)
        {
            Status = ProductStatus.Published, ProductType = noun, Subtitle = $"{char.ToUpperInvariant(material[0])}{material[1..]} {noun.ToLowerInvariant()}",
            Description = $"A {adjective.ToLowerInvariant()} {color.ToLowerInvariant()} {noun.ToLowerInvariant()} in {material}, " +
                $"made to last and easy to care for. Generated product number {number} for benchmarks.",
            Version = 1,
        };
        var sizes = Sizes[..(2 + n % 3)];
        ProductEditor.ApplyOptions(product, [new OptionRequest("Size", sizes), new OptionRequest("Color", [color])], time);
        // In long: n * 7919 overflows an int past product 271,000 and gave a million-product catalog negative prices.
        var basePrice = (int)(900 + (long)n * 7919 % 20_000);
        foreach (var size in sizes)
        {
            var price = basePrice + Array.IndexOf(Sizes, size) * 200;
            product.Variants.Add(ProductEditor.NewVariant(product, new VariantRequest($"GEN-{number}-{size}", $"{size} / {color}", null,
                new Dictionary<string, string> { ["Size"] = size, ["Color"] = color }, 250 + n % 5 * 100, true, false,
                [.. shop.Currencies.Select((c, i) => new PriceRequest(price * (100 - i * 8) / 100, c))]), time));
        }
        ProductEditor.ApplyLinks(product, [shop.CategoryIds[n % shop.CategoryIds.Count]], [], [shop.ChannelId],
            [noun.ToLowerInvariant(), color.ToLowerInvariant(), Tags[n % Tags.Length], Tags[(n / 10 + 3) % Tags.Length]],
            [new MediaRequest($"/media/demo/{Pictures[n % Pictures.Length]}.svg", $"{adjective} {noun}")], time);
        ProductEditor.ApplyAttributes(product, [.. Attributes(n, material, shop)]);
        product.Touch(time.GetUtcNow());
        return product;
    }

    private static IEnumerable<(string Key, string Text, double? Number)> Attributes(int n, string material, Shop shop)
    {
        foreach (var (key, value) in new (string, object)[] { ("material", material), ("fit", Fits[n % Fits.Length]), ("organic", n % 3 == 0) })
        {
            if (!shop.Attributes.TryGetValue(key, out var definition)) continue;
            if (definition.Canonical(JsonSerializer.SerializeToElement(value)) is { } canonical) yield return (key, canonical.Text, canonical.Number);
        }
    }

    /// <summary>One chunk's rows, table by table, in the order foreign keys need.</summary>
    private sealed class Batch
    {
        private readonly List<Product> _products = [];
        private readonly List<ProductOption> _options = [];
        private readonly List<Variant> _variants = [];
        private readonly List<VariantOptionValue> _optionValues = [];
        private readonly List<VariantPrice> _prices = [];
        private readonly List<ProductMedia> _media = [];
        private readonly List<ProductTag> _tags = [];
        private readonly List<ProductCategoryLink> _categories = [];
        private readonly List<ProductChannelLink> _channels = [];
        private readonly List<ProductAttributeValue> _attributes = [];
        private readonly List<ProductPriceSummary> _summaries = [];
        private readonly List<InventoryLevel> _levels = [];

        public void Add(Product product, string locationId, TimeProvider time)
        {
            _products.Add(product);
            _options.AddRange(product.Options);
            _variants.AddRange(product.Variants);
            _optionValues.AddRange(product.Variants.SelectMany(v => v.OptionValues));
            _prices.AddRange(product.Variants.SelectMany(v => v.Prices));
            _media.AddRange(product.Media);
            _tags.AddRange(product.Tags);
            _categories.AddRange(product.Categories);
            _channels.AddRange(product.Channels);
            _attributes.AddRange(product.Attributes);
            _summaries.AddRange(product.PriceSummaries);
            var now = time.GetUtcNow();
            _levels.AddRange(product.Variants.Select(v => new InventoryLevel(v.Sku, locationId, 1_000_000, now)));
        }

        public async Task WriteAsync(BulkRows bulk, CancellationToken ct)
        {
            await bulk.WriteAsync(_products, ct);
            await bulk.WriteAsync(_options, ct);
            await bulk.WriteAsync(_variants, ct);
            await bulk.WriteAsync(_optionValues, ct);
            await bulk.WriteAsync(_prices, ct);
            await bulk.WriteAsync(_media, ct);
            await bulk.WriteAsync(_tags, ct);
            await bulk.WriteAsync(_categories, ct);
            await bulk.WriteAsync(_channels, ct);
            await bulk.WriteAsync(_attributes, ct);
            await bulk.WriteAsync(_summaries, ct);
            await bulk.WriteAsync(_levels, ct);
        }

        public void Clear()
        {
            _products.Clear();
            _options.Clear();
            _variants.Clear();
            _optionValues.Clear();
            _prices.Clear();
            _media.Clear();
            _tags.Clear();
            _categories.Clear();
            _channels.Clear();
            _attributes.Clear();
            _summaries.Clear();
            _levels.Clear();
        }
    }
}
