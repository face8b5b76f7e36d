using System.Net.Http.Headers;
using Mercato.Api.Tests.Admin.Inventory;
using Mercato.Api.Tests.Store.Customers;
using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Store.Products;

/// <summary>The output cache of catalog answers: hits cost no query, and committed changes evict exactly what they show.</summary>
public abstract class StoreOutputCacheTests(MercatoApp app)
{
    private static string DetailUrl(JsonNode product) => $"/store/products/{product.Str("handle")}";

    /// <summary>Reads <paramref name="url"/> with <paramref name="client"/> and returns the answer and the SQL it cost.</summary>
    private async Task<(HttpResponseMessage Response, IReadOnlyList<string> Queries)> ReadAsync(string url, HttpClient? client = null,
        Action<HttpRequestMessage>? change = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        change?.Invoke(request);
        using (app.Queries.Record(out var queries))
        {
            var response = await (client ?? app.Store).SendAsync(request);
            return (response, queries.ToList());
        }
    }

    [Fact]
    public async Task A_second_read_of_a_product_is_served_from_the_cache_without_a_query()
    {
        var product = await app.Given.ProductAsync();
        var (first, firstQueries) = await ReadAsync(DetailUrl(product));

        var (second, queries) = await ReadAsync(DetailUrl(product));

        Assert.NotEmpty(firstQueries);
        Assert.Empty(queries);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Headers.GetValues("Cache-Tag"), second.Headers.GetValues("Cache-Tag"));
    }

    [Fact]
    public async Task Lists_categories_and_collections_are_served_from_the_cache_without_a_query()
    {
        var tag = Given.Unique("cached-list");
        await app.Given.ProductAsync(b => b["tags"] = new[] { tag });
        foreach (var url in new[] { $"/store/products?tag={tag}", "/store/categories", "/store/collections" })
        {
            await (await app.Store.GetAsync(url)).ShouldSucceedAsync();

            var (response, queries) = await ReadAsync(url);

            await response.ShouldSucceedAsync();
            Assert.True(queries.Count == 0, $"{url} cost {queries.Count} queries.");
        }
    }

    [Fact]
    public async Task The_whole_query_is_part_of_the_key()
    {
        var tag = Given.Unique("query-key");
        await app.Given.ProductAsync(b => b["tags"] = new[] { tag });
        await app.Store.GetAsync($"/store/products?tag={tag}");

        var (other, queries) = await ReadAsync($"/store/products?tag={tag}&limit=1");

        Assert.NotEmpty(queries);
        Assert.Single((await other.ShouldSucceedAsync()).Arr("items"));
    }

    [Fact]
    public async Task If_none_match_on_a_cached_answer_is_304_without_a_query()
    {
        var product = await app.Given.ProductAsync();
        var etag = (await app.Store.GetAsync(DetailUrl(product))).Headers.ETag!;

        var (response, queries) = await ReadAsync(DetailUrl(product), change: r => r.Headers.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(queries);
    }

    [Fact]
    public async Task A_cached_compressed_answer_keeps_its_own_etag_and_revalidates()
    {
        var product = await app.Given.ProductAsync(b => b["description"] = new string('x', 4000));
        var plain = await app.Store.GetAsync(DetailUrl(product));
        await ReadAsync(DetailUrl(product), change: r => r.Headers.AcceptEncoding.ParseAdd("gzip"));

        var (gzip, queries) = await ReadAsync(DetailUrl(product), change: r => r.Headers.AcceptEncoding.ParseAdd("gzip"));
        var (notModified, _) = await ReadAsync(DetailUrl(product), change: r =>
        {
            r.Headers.AcceptEncoding.ParseAdd("gzip");
            r.Headers.IfNoneMatch.Add(gzip.Headers.ETag!);
        });

        Assert.Empty(queries);
        Assert.Equal("gzip", gzip.Content.Headers.ContentEncoding.Single());
        Assert.NotEqual(plain.Headers.ETag, gzip.Headers.ETag);
        Assert.EndsWith("-gzip\"", gzip.Headers.ETag!.Tag, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_product_change_evicts_its_answer_and_the_lists_at_once()
    {
        var tag = Given.Unique("evict");
        var product = await app.Given.ProductAsync(b => b["tags"] = new[] { tag });
        var listUrl = $"/store/products?tag={tag}";
        await app.Store.GetAsync(DetailUrl(product));
        await app.Store.GetAsync(listUrl);

        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { title = "Renamed at once" });

        Assert.Equal("Renamed at once", (await app.Store.GetJsonAsync(DetailUrl(product))).Str("title"));
        Assert.Equal("Renamed at once", (await app.Store.GetJsonAsync(listUrl)).Arr("items")[0].Str("title"));
    }

    [Fact]
    public async Task A_new_product_evicts_the_lists()
    {
        var tag = Given.Unique("new-in-list");
        await app.Given.ProductAsync(b => b["tags"] = new[] { tag });
        var listUrl = $"/store/products?tag={tag}";
        Assert.Single((await app.Store.GetJsonAsync(listUrl)).Arr("items"));

        await app.Given.ProductAsync(b => b["tags"] = new[] { tag });

        Assert.Equal(2, (await app.Store.GetJsonAsync(listUrl)).Arr("items").Count);
    }

    [Fact]
    public async Task A_change_of_one_product_leaves_another_products_answer_cached()
    {
        var changed = await app.Given.ProductAsync();
        var untouched = await app.Given.ProductAsync();
        await app.Store.GetAsync(DetailUrl(changed));
        await app.Store.GetAsync(DetailUrl(untouched));

        await app.Admin.PatchJsonAsync($"/admin/products/{changed.Str("id")}", new { title = "Changed" });
        var (response, queries) = await ReadAsync(DetailUrl(untouched));

        await response.ShouldSucceedAsync();
        Assert.Empty(queries);
    }

    [Fact]
    public async Task A_price_change_evicts_the_product()
    {
        var product = await app.Given.ProductAsync();
        var url = $"{DetailUrl(product)}?region={app.UsRegionId}";
        await app.Store.GetAsync(url);
        var variant = product.Arr("variants")[0]!;

        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}/variants/{variant.Str("id")}",
            new { prices = new[] { new { amount = 555, currency = "USD" }, new { amount = 1899, currency = "EUR" } } });

        Assert.Equal(555, (await app.Store.GetJsonAsync(url)).Arr("variants")[0]!["price"].Long("amount"));
    }

    [Fact]
    public async Task A_region_change_evicts_the_catalog_answers_priced_in_it()
    {
        var tag = Given.Unique("region-priced");
        var product = await app.Given.ProductAsync(b => b["tags"] = new[] { tag });
        var region = await app.Admin.PostJsonAsync("/admin/regions", new { name = Given.Unique("Market"), currency = "USD" });
        var detail = $"{DetailUrl(product)}?region={region.Str("id")}";
        var list = $"/store/products?tag={tag}&region={region.Str("id")}";
        Assert.Equal(1999, (await app.Store.GetJsonAsync(detail)).Arr("variants")[0]!["price"].Long("amount"));
        Assert.Equal(1999, (await app.Store.GetJsonAsync(list)).Arr("items")[0]!["price"]!["min"].Long("amount"));

        await app.Admin.PatchJsonAsync($"/admin/regions/{region.Str("id")}", new { currency = "EUR" });

        Assert.Equal(1899, (await app.Store.GetJsonAsync(detail)).Arr("variants")[0]!["price"].Long("amount"));
        Assert.Equal(1899, (await app.Store.GetJsonAsync(list)).Arr("items")[0]!["price"]!["min"].Long("amount"));
    }

    [Fact]
    public async Task A_stock_change_evicts_the_product_that_shows_the_sku()
    {
        var product = await app.Given.ProductAsync();
        var sku = product.Arr("variants")[0].Str("sku");
        var location = await app.StockLocationAsync(isDefault: true);
        Assert.Equal("out_of_stock", (await app.Store.GetJsonAsync(DetailUrl(product))).Arr("variants")[0].Str("availability"));

        await app.SetStockAsync(sku, location, 50);

        Assert.Equal("in_stock", (await app.Store.GetJsonAsync(DetailUrl(product))).Arr("variants")[0].Str("availability"));
    }

    [Fact]
    public async Task A_category_change_evicts_the_tree_and_the_products_that_show_it()
    {
        var category = await app.Given.CategoryAsync();
        var product = await app.Given.ProductAsync(b => b["categoryIds"] = new JsonArray(category.Str("id")));
        await app.Store.GetAsync("/store/categories");
        await app.Store.GetAsync(DetailUrl(product));

        await app.Admin.PatchJsonAsync($"/admin/categories/{category.Str("id")}", new { name = "Renamed category" });

        var tree = await app.Store.GetJsonAsync("/store/categories");
        Assert.Contains(tree.Arr("items"), c => c.Str("id") == category.Str("id") && c.Str("name") == "Renamed category");
        Assert.Equal("Renamed category", (await app.Store.GetJsonAsync(DetailUrl(product))).Arr("categories")[0].Str("name"));
    }

    [Fact]
    public async Task A_collection_change_evicts_the_collection_list()
    {
        var collection = await app.Given.CollectionAsync();
        await app.Store.GetAsync("/store/collections");

        await app.Admin.PatchJsonAsync($"/admin/collections/{collection.Str("id")}", new { title = "Renamed collection" });

        var list = await app.Store.GetJsonAsync("/store/collections");
        Assert.Contains(list.Arr("items"), c => c.Str("id") == collection.Str("id") && c.Str("title") == "Renamed collection");
    }

    [Fact]
    public async Task A_rolled_back_change_evicts_nothing()
    {
        var product = await app.Given.ProductAsync();
        await app.Store.GetAsync(DetailUrl(product));
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            var events = scope.ServiceProvider.GetRequiredService<IDomainEvents>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            events.Raise("product.updated", product.Str("id"), new { rolledBack = true });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var (response, queries) = await ReadAsync(DetailUrl(product));

        await response.ShouldSucceedAsync();
        Assert.Empty(queries);
    }

    [Fact]
    public async Task Requests_with_a_customer_token_are_never_cached()
    {
        var customer = await app.RegisteredCustomerAsync();
        var product = await app.Given.ProductAsync();
        await customer.Client.GetAsync(DetailUrl(product));

        var (response, queries) = await ReadAsync(DetailUrl(product), customer.Client);

        await response.ShouldSucceedAsync();
        Assert.NotEmpty(queries);
    }

    [Fact]
    public async Task An_anonymous_cached_answer_is_not_served_to_a_customer()
    {
        var customer = await app.RegisteredCustomerAsync();
        var product = await app.Given.ProductAsync();
        await app.Store.GetAsync(DetailUrl(product));

        var (response, queries) = await ReadAsync(DetailUrl(product), customer.Client);

        await response.ShouldSucceedAsync();
        Assert.NotEmpty(queries);
    }

    [Fact]
    public async Task Two_sales_channels_never_share_a_cached_answer()
    {
        var product = await app.Given.ProductAsync();
        await (await app.Store.GetAsync(DetailUrl(product))).ShouldSucceedAsync();
        var (_, otherStore) = await app.Given.ChannelAsync();

        var other = await otherStore.GetAsync(DetailUrl(product));

        await other.ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Errors_are_not_cached()
    {
        var handle = Given.Unique("later");
        await (await app.Store.GetAsync($"/store/products/{handle}")).ShouldBeProblemAsync(404, "not_found");

        await app.Given.ProductAsync(Given.ProductBody(handle));

        await (await app.Store.GetAsync($"/store/products/{handle}")).ShouldSucceedAsync();
    }

    [Fact]
    public async Task A_revoked_key_is_refused_although_its_answers_are_cached()
    {
        var (channelId, store) = await app.Given.ChannelAsync();
        var channel = await app.Admin.GetJsonAsync($"/admin/sales-channels/{channelId}");
        await (await store.GetAsync("/store/categories")).ShouldSucceedAsync();

        await (await app.Admin.DeleteAsync($"/admin/sales-channels/{channelId}/publishable-keys/{channel["publishableKeys"]![0].Str("id")}"))
            .ShouldSucceedAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await store.GetAsync("/store/categories")).StatusCode);
    }
}

public sealed class StoreOutputCacheOnSqlite(SqliteApp app) : StoreOutputCacheTests(app), IClassFixture<SqliteApp>;

public sealed class StoreOutputCacheOnPostgres(PostgresApp app) : StoreOutputCacheTests(app), IClassFixture<PostgresApp>;
