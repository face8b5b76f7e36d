using Mercato.Api.Tests.Store.Checkout;
using Mercato.Api.Tests.Store.Search;
using Mercato.Kernel.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Store.Products;

/// <summary>An API node on a database other nodes share, optionally with the shared output cache on Redis.</summary>
public sealed class CacheNodeApp(ITestDatabase database, bool first, string? redis = null) : MercatoApp(database, "none")
{
    protected override bool CreatesBaseline => first;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (redis is not null) builder.UseSetting("Mercato:Cache:Redis", redis);
    }

    public Task<int> FollowOutboxAsync() => Services.GetRequiredService<OutboxCacheFollower>().FollowAsync(CancellationToken.None);
}

/// <summary>Several API nodes on one database: one node's change reaches the others' caches.</summary>
public sealed class CacheNodesTests
{
    private static async Task TwoNodesAsync(ITestDatabase inner, string? redis, Func<CacheNodeApp, CacheNodeApp, Task> test)
    {
        var database = new KeptTestDatabase(inner);
        try
        {
            await using var a = new CacheNodeApp(database, first: true, redis);
            await a.InitializeAsync();
            await using var b = new CacheNodeApp(database, first: false, redis);
            await b.InitializeAsync();
            await test(a, b);
        }
        finally
        {
            await database.DropNowAsync();
        }
    }

    private static async Task<string> TitleOnAsync(CacheNodeApp node, string handle) =>
        (await node.Store.GetJsonAsync($"/store/products/{handle}")).Str("title");

    private static Task NodeWithoutRedisFollowsTheOutboxAsync(ITestDatabase database) => TwoNodesAsync(database, redis: null, async (a, b) =>
    {
        var product = await a.Given.ProductAsync();
        var handle = product.Str("handle");
        await a.FollowOutboxAsync();
        var before = await TitleOnAsync(a, handle);

        await b.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { title = "Changed on node B" });

        // Node A's own cache has not heard of it yet: the answer is its cached one...
        Assert.Equal(before, await TitleOnAsync(a, handle));
        // ...until it follows the outbox, as it does every Mercato:Cache:FollowMilliseconds.
        Assert.True(await a.FollowOutboxAsync() >= 1);
        Assert.Equal("Changed on node B", await TitleOnAsync(a, handle));
        Assert.Equal(0, await a.FollowOutboxAsync());
    });

    [Fact]
    public Task A_node_evicts_what_another_node_changed_when_it_follows_the_outbox_on_sqlite() =>
        NodeWithoutRedisFollowsTheOutboxAsync(new SqliteTestDatabase());

    [Fact]
    public Task A_node_evicts_what_another_node_changed_when_it_follows_the_outbox_on_postgres() =>
        NodeWithoutRedisFollowsTheOutboxAsync(new PostgresTestDatabase());

    private static int Bucket(JsonNode facets, long min) =>
        facets.Arr("prices").FirstOrDefault(p => p!["min"].Long("amount") == min)?.Int("count") ?? 0;

    private static Task FacetsFollowAnotherNodeAsync(ITestDatabase database) => TwoNodesAsync(database, redis: null, async (a, b) =>
    {
        var word = SearchTestData.Word();
        var product = await a.Given.ProductAsync(body => body["title"] = $"{word} facet");
        await a.FollowOutboxAsync();
        var url = $"/store/products/facets?region={a.UsRegionId}&q={word}";
        Assert.Equal(0, Bucket(await a.Store.GetJsonAsync(url), 50000));

        var variantId = product.Arr("variants")[0].Str("id");
        await b.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}/variants/{variantId}",
            new { prices = new[] { new { amount = 60000L, currency = "USD" } } });

        // Node A's in-memory facet index (not only its cache) hears of it from the outbox.
        Assert.True(await a.FollowOutboxAsync() >= 1);
        Assert.Equal(1, Bucket(await a.Store.GetJsonAsync(url), 50000));
    });

    [Fact]
    public Task A_nodes_facets_count_what_another_node_changed_when_it_follows_the_outbox_on_sqlite() =>
        FacetsFollowAnotherNodeAsync(new SqliteTestDatabase());

    [Fact]
    public Task A_nodes_facets_count_what_another_node_changed_when_it_follows_the_outbox_on_postgres() =>
        FacetsFollowAnotherNodeAsync(new PostgresTestDatabase());

    private static async Task<long> UnitPriceOnAsync(HttpClient store, string regionId, string variantId)
    {
        var cartId = (await store.PostJsonAsync("/store/carts", new { regionId })).Str("id");
        var cart = await store.PostJsonAsync($"/store/carts/{cartId}/line-items", new { variantId, quantity = 1 });
        return cart.Arr("items").Single(i => i.Str("variantId") == variantId)!.Amount("unitPrice");
    }

    private static Task PriceListsReachAnotherNodeAsync(ITestDatabase database) => TwoNodesAsync(database, redis: null, async (a, b) =>
    {
        var variant = await a.StockedVariantAsync(100, usd: 1000);
        var storeOnB = b.StoreClient(a.PublishableKey);
        await a.FollowOutboxAsync();
        // Both nodes price a cart while no list is active, which each remembers so as to skip the list-price query.
        Assert.Equal(1000, await UnitPriceOnAsync(a.Store, a.UsRegionId, variant.VariantId));
        Assert.Equal(1000, await UnitPriceOnAsync(storeOnB, a.UsRegionId, variant.VariantId));

        await b.Admin.PostJsonAsync("/admin/price-lists", new
        {
            name = "Sale", status = "active",
            prices = new[] { new { variantId = variant.VariantId, currency = "USD", amount = 700L, minQuantity = 1 } },
        });

        // The node that made the list forgets at once; the other when it follows the outbox.
        Assert.Equal(700, await UnitPriceOnAsync(storeOnB, a.UsRegionId, variant.VariantId));
        Assert.True(await a.FollowOutboxAsync() >= 1);
        Assert.Equal(700, await UnitPriceOnAsync(a.Store, a.UsRegionId, variant.VariantId));
    });

    [Fact]
    public Task A_price_list_made_on_one_node_prices_carts_on_another_once_it_follows_the_outbox_on_sqlite() =>
        PriceListsReachAnotherNodeAsync(new SqliteTestDatabase());

    [Fact]
    public Task A_price_list_made_on_one_node_prices_carts_on_another_once_it_follows_the_outbox_on_postgres() =>
        PriceListsReachAnotherNodeAsync(new PostgresTestDatabase());

    private static Task CategoriesReachAnotherNodeAsync(ITestDatabase database) => TwoNodesAsync(database, redis: null, async (a, b) =>
    {
        var word = SearchTestData.Word();
        var category = await a.Given.CategoryAsync();
        await a.Given.ProductAsync(body =>
        {
            body["title"] = $"{word} categorized";
            body["categoryIds"] = new[] { category.Str("id") };
        });
        await a.FollowOutboxAsync();
        string NameOn(JsonNode facets) => facets.Arr("categories").Single(f => f.Str("id") == category.Str("id")).Str("name");
        // Node A keeps the category tree in memory once it has read it.
        Assert.Equal(category.Str("name"), NameOn(await a.Store.GetJsonAsync($"/store/products/facets?region={a.UsRegionId}&q={word}")));

        await b.Admin.PatchJsonAsync($"/admin/categories/{category.Str("id")}", new { name = "Renamed elsewhere" });

        Assert.True(await a.FollowOutboxAsync() >= 1);
        // Another query, so the answer is counted afresh rather than taken from the output cache.
        Assert.Equal("Renamed elsewhere", NameOn(await a.Store.GetJsonAsync($"/store/products/facets?region={a.UsRegionId}&q={word}&minPrice=0")));
    });

    [Fact]
    public Task A_category_changed_on_one_node_reaches_another_once_it_follows_the_outbox_on_sqlite() =>
        CategoriesReachAnotherNodeAsync(new SqliteTestDatabase());

    [Fact]
    public Task A_category_changed_on_one_node_reaches_another_once_it_follows_the_outbox_on_postgres() =>
        CategoriesReachAnotherNodeAsync(new PostgresTestDatabase());

    private static async Task<string> NewCartCurrencyAsync(HttpClient store, string regionId) =>
        (await store.PostJsonAsync("/store/carts", new { regionId })).Str("currency");

    private static Task RegionsReachAnotherNodeAsync(ITestDatabase database) => TwoNodesAsync(database, redis: null, async (a, b) =>
    {
        var region = (await a.Admin.PostJsonAsync("/admin/regions", new { name = "Switzerland", currency = "USD", countries = new[] { "CH" } })).Str("id");
        var storeOnB = b.StoreClient(a.PublishableKey);
        await a.FollowOutboxAsync();
        // Both nodes keep the regions in memory once they have read them.
        Assert.Equal("USD", await NewCartCurrencyAsync(a.Store, region));
        Assert.Equal("USD", await NewCartCurrencyAsync(storeOnB, region));

        await b.Admin.PatchJsonAsync($"/admin/regions/{region}", new { currency = "CHF" });

        // The node that changed the region forgets at once; the other when it follows the outbox.
        Assert.Equal("CHF", await NewCartCurrencyAsync(storeOnB, region));
        Assert.True(await a.FollowOutboxAsync() >= 1);
        Assert.Equal("CHF", await NewCartCurrencyAsync(a.Store, region));
    });

    [Fact]
    public Task A_region_changed_on_one_node_reaches_another_once_it_follows_the_outbox_on_sqlite() =>
        RegionsReachAnotherNodeAsync(new SqliteTestDatabase());

    [Fact]
    public Task A_region_changed_on_one_node_reaches_another_once_it_follows_the_outbox_on_postgres() =>
        RegionsReachAnotherNodeAsync(new PostgresTestDatabase());

    private static Task PromotionsAndShippingReachAnotherNodeAsync(ITestDatabase database) => TwoNodesAsync(database, redis: null, async (a, b) =>
    {
        var variant = await a.StockedVariantAsync(100, usd: 2000);
        var cartId = await a.ReadyCartAsync(a.Store, (variant.VariantId, 1));
        var lineId = (await a.Store.GetJsonAsync($"/store/carts/{cartId}")).Arr("items").Single()!.Str("id");
        var optionId = (await a.Store.GetJsonAsync($"/store/carts/{cartId}"))["shippingMethod"]!.Str("optionId");
        var storeOnB = b.StoreClient(a.PublishableKey);
        await a.FollowOutboxAsync();
        // Both nodes price the cart once, and so keep the promotions and shipping options in memory.
        await a.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{lineId}", new { quantity = 2 });
        await storeOnB.PatchJsonAsync($"/store/carts/{cartId}/line-items/{lineId}", new { quantity = 1 });

        await b.Admin.PostJsonAsync("/admin/promotions", new
        {
            name = "Elsewhere", action = new { type = "items_percentage", percentBasisPoints = 1000 },
            conditions = new { variantIds = new[] { variant.VariantId } },
        });
        await b.Admin.PatchJsonAsync($"/admin/shipping-options/{optionId}", new { amount = 1234 });

        // The node that made the changes prices with them at once; the other once it follows the outbox.
        var onB = await storeOnB.PatchJsonAsync($"/store/carts/{cartId}/line-items/{lineId}", new { quantity = 2 });
        Assert.Equal(400, onB["totals"].Amount("discount"));
        Assert.Equal(1234, onB["shippingMethod"]!.Amount("price"));
        Assert.True(await a.FollowOutboxAsync() >= 2);
        var onA = await a.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{lineId}", new { quantity = 3 });
        Assert.Equal(600, onA["totals"].Amount("discount"));
        Assert.Equal(1234, onA["shippingMethod"]!.Amount("price"));
    });

    [Fact]
    public Task Promotions_and_shipping_options_changed_on_one_node_reach_another_once_it_follows_the_outbox_on_sqlite() =>
        PromotionsAndShippingReachAnotherNodeAsync(new SqliteTestDatabase());

    [Fact]
    public Task Promotions_and_shipping_options_changed_on_one_node_reach_another_once_it_follows_the_outbox_on_postgres() =>
        PromotionsAndShippingReachAnotherNodeAsync(new PostgresTestDatabase());

    private static async Task<List<string>> HandlesFoundAsync(CacheNodeApp node, string q) =>
        [.. (await node.Store.GetJsonAsync($"/store/products?q={q}&region={node.UsRegionId}")).Arr("items").Select(i => i!.Str("handle"))];

    private static Task SearchFollowsAnotherNodeAsync(ITestDatabase database) => TwoNodesAsync(database, redis: null, async (a, b) =>
    {
        var before = SearchTestData.Word();
        var after = SearchTestData.Word();
        var product = await a.Given.ProductAsync(body => body["title"] = $"{before} lantern");
        await a.FollowOutboxAsync();
        Assert.Equal([product.Str("handle")], await HandlesFoundAsync(a, before));

        await b.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { title = $"{after} lantern" });

        // Node A's in-memory postings hear of the new title from the outbox: the new word finds it, the old one no longer.
        Assert.True(await a.FollowOutboxAsync() >= 1);
        Assert.Equal([product.Str("handle")], await HandlesFoundAsync(a, after));
        Assert.Empty(await HandlesFoundAsync(a, before));
    });

    [Fact]
    public Task A_nodes_search_finds_what_another_node_changed_when_it_follows_the_outbox_on_sqlite() =>
        SearchFollowsAnotherNodeAsync(new SqliteTestDatabase());

    [Fact]
    public Task A_nodes_search_finds_what_another_node_changed_when_it_follows_the_outbox_on_postgres() =>
        SearchFollowsAnotherNodeAsync(new PostgresTestDatabase());

    [Fact]
    public async Task Two_nodes_sharing_postgres_and_redis_see_each_others_changes_at_once()
    {
        await using var redis = await RedisServer.StartAsync();
        await TwoNodesAsync(new PostgresTestDatabase(), redis.ConnectionString, async (a, b) =>
        {
            Assert.Equal("RedisOutputCacheStoreImpl", a.Services.GetRequiredService<IOutputCacheStore>().GetType().Name);
            var product = await a.Given.ProductAsync();
            var handle = product.Str("handle");
            var url = $"/store/products/{handle}";
            var first = await TitleOnAsync(a, handle);
            // Node B answers from the entry node A stored in Redis, without a query.
            using (b.Queries.Record(out var queries))
            {
                var fromB = await b.StoreClient(a.PublishableKey).GetAsync(url);
                await fromB.ShouldSucceedAsync();
                Assert.DoesNotContain(queries, q => q.Contains("catalog_product", StringComparison.Ordinal));
            }

            await b.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { title = "Changed on node B" });

            Assert.NotEqual("Changed on node B", first);
            Assert.Equal("Changed on node B", await TitleOnAsync(a, handle));
        });
    }
}
