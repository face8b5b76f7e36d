using Mercato.Api.Seed;
using Mercato.Api.Tests.Store;
using Mercato.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mercato.Api.Tests.Seed;

/// <summary>The demo shop seeded into an empty database. These tests only read, so they can share the seeded database.</summary>
public abstract class DemoSeedTests(MercatoApp app)
{
    [Fact]
    public async Task About_fifty_products_are_seeded_and_the_store_lists_exactly_the_published_ones()
    {
        var all = await AdminProductsAsync();
        var published = all.Where(p => p.Str("status") == "published").Select(p => p.Str("handle")).ToHashSet();
        var drafts = all.Count(p => p.Str("status") == "draft");
        var store = await StoreAsync();

        Assert.InRange(published.Count + drafts, 45, 60);
        Assert.True(drafts > 0, "The demo has no draft to hide.");
        foreach (var region in await RegionIdsAsync(store))
        {
            var listed = (await store.WalkAsync($"region={region}", 20)).SelectMany(p => p).ToList();
            Assert.Equal(listed.Count, listed.Distinct().Count());
            Assert.Equal(published, listed.ToHashSet());
        }
    }

    [Fact]
    public async Task Two_regions_are_seeded_one_in_usd_and_one_in_eur()
    {
        var regions = (await app.Admin.GetJsonAsync("/admin/regions")).Arr("items");

        Assert.Equal(["EUR", "USD"], regions.Select(r => r.Str("currency")).Order(StringComparer.Ordinal));
        Assert.Contains("US", regions.Single(r => r.Str("currency") == "USD").Arr("countries").Select(c => c!.GetValue<string>()));
        Assert.Contains("DE", regions.Single(r => r.Str("currency") == "EUR").Arr("countries").Select(c => c!.GetValue<string>()));
        var store = await StoreAsync();
        Assert.Equal(2, (await store.GetJsonAsync("/store/regions")).Arr("items").Count);
    }

    [Fact]
    public async Task A_web_sales_channel_is_seeded_with_a_working_publishable_key()
    {
        var channels = (await app.Admin.GetJsonAsync("/admin/sales-channels")).Arr("items");

        var web = Assert.Single(channels);
        Assert.Equal("Web", web.Str("name"));
        Assert.True(web!["isDefault"]!.GetValue<bool>());
        var key = Assert.Single(web.Arr("publishableKeys"));
        Assert.StartsWith("pk_", key.Str("token"));
        Assert.Null(key!["revokedAt"]);
        await app.StoreClient(key.Str("token")).GetJsonAsync("/store/products");
    }

    [Fact]
    public async Task One_default_stock_location_is_seeded()
    {
        var locations = (await app.Admin.GetJsonAsync("/admin/stock-locations")).Arr("items");

        var location = Assert.Single(locations);
        Assert.True(location!["isDefault"]!.GetValue<bool>());
        Assert.False(string.IsNullOrWhiteSpace(location.Str("name")));
    }

    [Fact]
    public async Task Every_listed_products_thumbnail_is_served_by_the_server_itself()
    {
        var store = await StoreAsync();
        var items = (await store.GetJsonAsync("/store/products?limit=100")).Arr("items");

        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var url = item!["thumbnail"].Str("url");
            Assert.StartsWith("/", url);
            var image = await app.Anonymous.GetAsync(url);
            Assert.True(image.StatusCode == HttpStatusCode.OK, $"{url}: {(int)image.StatusCode}");
            Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<svg", await image.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_seeded_product_comes_whole_from_the_store()
    {
        var store = await StoreAsync();
        var handle = (await store.GetJsonAsync("/store/products?sort=title&limit=1")).Handles().Single();

        var product = await store.GetJsonAsync($"/store/products/{handle}");

        Assert.NotEmpty(product.Arr("variants"));
        Assert.All(product.Arr("variants"), v => Assert.True(v!["price"].Long("amount") > 0));
        Assert.NotEmpty(product.Arr("images"));
        Assert.NotEmpty(product.Arr("categories"));
        Assert.False(string.IsNullOrWhiteSpace(product["seo"].Str("metaTitle")));
    }

    [Fact]
    public async Task The_seeded_category_tree_collections_and_attributes_are_in_place()
    {
        var store = await StoreAsync();

        var categories = (await store.GetJsonAsync("/store/categories")).Arr("items");
        var collections = (await store.GetJsonAsync("/store/collections")).Arr("items");
        var attributes = (await app.Admin.GetJsonAsync("/admin/attributes")).Arr("items");

        Assert.True(categories.Count >= 5, $"{categories.Count} categories");
        Assert.Contains(categories, c => c!["parentId"] is null);
        Assert.Contains(categories, c => c!["parentId"] is not null && c.Str("path").Contains('/', StringComparison.Ordinal));
        Assert.NotEmpty(collections);
        Assert.NotEmpty(attributes);
        var withProducts = 0;
        foreach (var category in categories.Where(c => c!["parentId"] is null))
            withProducts += (await store.GetJsonAsync($"/store/products?category={category.Str("handle")}&limit=1")).Arr("items").Count;
        Assert.True(withProducts > 0, "No root category has products.");
    }

    [Fact]
    public async Task Each_tracked_variant_has_its_demo_stock_at_the_default_location()
    {
        var location = (await app.Admin.GetJsonAsync("/admin/stock-locations")).Arr("items").Single(l => l!["isDefault"]!.GetValue<bool>());

        var shirt = Assert.Single((await app.Admin.GetJsonAsync("/admin/inventory/LS-XL-SND/levels")).Arr("levels"));
        var coat = Assert.Single((await app.Admin.GetJsonAsync("/admin/inventory/WOC-S-CML/levels")).Arr("levels"));
        var giftCard = await app.Admin.GetJsonAsync("/admin/inventory/GC-25/levels");

        Assert.Equal((25, location.Str("id")), (shirt.Int("onHand"), shirt.Str("locationId")));
        Assert.Equal(0, coat.Int("onHand"));
        Assert.Empty(giftCard.Arr("levels"));
        var store = await StoreAsync();
        var variants = (await store.GetJsonAsync("/store/products/wool-overcoat")).Arr("variants");
        Assert.All(variants, v => Assert.Equal("out_of_stock", v.Str("availability")));
        var cards = (await store.GetJsonAsync("/store/products/digital-gift-card")).Arr("variants");
        Assert.All(cards, v => Assert.Equal("in_stock", v.Str("availability")));
    }

    [Fact]
    public async Task Seeding_again_into_the_seeded_database_adds_nothing()
    {
        var before = (await AdminProductsAsync()).Count;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            var seeded = await DemoCatalog.SeedIfEmptyAsync(db, app.Clock, NullLogger.Instance, CancellationToken.None);
            Assert.False(seeded);
        }

        Assert.Equal(before, (await AdminProductsAsync()).Count);
        Assert.Single((await app.Admin.GetJsonAsync("/admin/sales-channels")).Arr("items"));
    }

    /// <summary>A store client for the seeded "Web" channel, whose key is only known through the Admin API.</summary>
    private async Task<HttpClient> StoreAsync()
    {
        var channels = (await app.Admin.GetJsonAsync("/admin/sales-channels")).Arr("items");
        var web = channels.Single(c => c.Str("name") == "Web");
        return app.StoreClient(web.Arr("publishableKeys").First(k => k!["revokedAt"] is null).Str("token"));
    }

    private static async Task<List<string>> RegionIdsAsync(HttpClient store) =>
        [.. (await store.GetJsonAsync("/store/regions")).Arr("items").Select(r => r.Str("id"))];

    /// <summary>Every product through the admin list, page by page.</summary>
    private async Task<List<JsonNode>> AdminProductsAsync()
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await app.Admin.GetJsonAsync("/admin/products?limit=20" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            all.AddRange(page.Arr("items").Select(p => p!));
            cursor = page.NextCursor();
            Assert.True(all.Count <= 1000, "The admin list does not end.");
        }
        while (cursor is not null);
        Assert.Equal(all.Count, all.Select(p => p.Str("id")).Distinct().Count());
        return all;
    }
}

public sealed class DemoSeedOnSqlite(SqliteDemoApp app) : DemoSeedTests(app), IClassFixture<SqliteDemoApp>;

public sealed class DemoSeedOnPostgres(PostgresDemoApp app) : DemoSeedTests(app), IClassFixture<PostgresDemoApp>;
