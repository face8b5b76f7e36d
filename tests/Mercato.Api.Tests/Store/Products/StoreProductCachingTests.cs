using System.Net.Http.Headers;

namespace Mercato.Api.Tests.Store.Products;

public abstract class StoreProductCachingTests(MercatoApp app)
{
    [Fact]
    public async Task A_product_answer_has_a_strong_etag_and_cache_control_with_stale_while_revalidate()
    {
        var product = await app.Given.ProductAsync();

        var response = await app.Store.GetAsync($"/store/products/{product.Str("handle")}");

        await response.ShouldSucceedAsync();
        AssertCacheable(response);
    }

    [Fact]
    public async Task A_list_answer_has_a_strong_etag_and_cache_control_with_stale_while_revalidate()
    {
        var response = await app.Store.GetAsync($"/store/products?tag={Given.Unique("none")}");

        await response.ShouldSucceedAsync();
        AssertCacheable(response);
    }

    [Fact]
    public async Task A_compressed_answer_has_its_own_strong_etag_which_revalidates()
    {
        var product = await app.Given.ProductAsync(b => b["description"] = new string('x', 4000));
        var url = $"/store/products/{product.Str("handle")}";
        var plain = await app.Store.GetAsync(url);
        var gzipRequest = new HttpRequestMessage(HttpMethod.Get, url);
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");

        var gzip = await app.Store.SendAsync(gzipRequest);

        Assert.Equal("gzip", gzip.Content.Headers.ContentEncoding.Single());
        Assert.False(gzip.Headers.ETag!.IsWeak);
        Assert.NotEqual(plain.Headers.ETag, gzip.Headers.ETag);
        var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.AcceptEncoding.ParseAdd("gzip");
        revalidate.Headers.IfNoneMatch.Add(gzip.Headers.ETag);
        var notModified = await app.Store.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(gzip.Headers.ETag, notModified.Headers.ETag);
    }

    [Fact]
    public async Task Answers_name_the_products_and_categories_they_show_in_cache_tag_and_surrogate_key()
    {
        var category = await app.Given.CategoryAsync();
        var product = await app.Given.ProductAsync(b => b["categoryIds"] = new JsonArray(category.Str("id")));
        var id = product.Str("id");

        var detail = await app.Store.GetAsync($"/store/products/{product.Str("handle")}");
        var list = await app.Store.GetAsync($"/store/products?category={category.Str("id")}");

        await detail.ShouldSucceedAsync();
        // product-pages: every product answer, which a region's change (its currency) evicts.
        Assert.Equal([id, "product-pages", category.Str("id")], detail.Headers.GetValues("Cache-Tag").Single().Split(','));
        Assert.Equal($"{id} product-pages {category.Str("id")}", detail.Headers.GetValues("Surrogate-Key").Single());
        await list.ShouldSucceedAsync();
        Assert.Equal(["products", id], list.Headers.GetValues("Cache-Tag").Single().Split(','));
    }

    [Fact]
    public async Task The_same_product_gives_the_same_etag_twice()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/store/products/{product.Str("handle")}";

        var first = await app.Store.GetAsync(url);
        var second = await app.Store.GetAsync(url);

        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task If_none_match_with_the_etag_is_304_without_a_body()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/store/products/{product.Str("handle")}";
        var etag = (await app.Store.GetAsync(url)).Headers.ETag!;

        var response = await SendIfNoneMatchAsync(url, etag);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, response.Headers.ETag);
    }

    [Fact]
    public async Task If_none_match_on_a_list_is_304_until_the_list_changes()
    {
        var tag = Given.Unique("etag-list");
        await app.TaggedProductAsync(tag);
        var url = $"/store/products?tag={tag}";
        var etag = (await app.Store.GetAsync(url)).Headers.ETag!;
        Assert.Equal(HttpStatusCode.NotModified, (await SendIfNoneMatchAsync(url, etag)).StatusCode);

        await app.TaggedProductAsync(tag);
        var response = await SendIfNoneMatchAsync(url, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.ShouldSucceedAsync()).Arr("items").Count);
        Assert.NotEqual(etag, response.Headers.ETag);
    }

    [Fact]
    public async Task A_stale_etag_gets_the_full_answer_after_an_admin_change()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/store/products/{product.Str("handle")}";
        var before = (await app.Store.GetAsync(url)).Headers.ETag!;

        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { title = "Renamed" });
        var response = await SendIfNoneMatchAsync(url, before);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Renamed", (await response.ShouldSucceedAsync()).Str("title"));
        Assert.NotNull(response.Headers.ETag);
        Assert.NotEqual(before, response.Headers.ETag);
    }

    [Fact]
    public async Task A_price_change_changes_the_etag()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/store/products/{product.Str("handle")}?region={app.UsRegionId}";
        var before = (await app.Store.GetAsync(url)).Headers.ETag!;
        var variant = product.Arr("variants")[0]!;

        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}/variants/{variant.Str("id")}",
            new { prices = new[] { new { amount = 777, currency = "USD" }, new { amount = 1899, currency = "EUR" } } });
        var response = await app.Store.GetAsync(url);

        Assert.Equal(777, (await response.ShouldSucceedAsync()).Arr("variants")[0]!["price"].Long("amount"));
        Assert.NotEqual(before, response.Headers.ETag);
    }

    private static void AssertCacheable(HttpResponseMessage response)
    {
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Matches("^\"[^\"]+\"$", etag.Tag);
        var cache = response.Headers.CacheControl;
        Assert.NotNull(cache);
        Assert.True(cache.MaxAge > TimeSpan.Zero, $"max-age in '{cache}'");
        var swr = cache.Extensions.SingleOrDefault(e => e.Name == "stale-while-revalidate");
        Assert.NotNull(swr);
        Assert.True(int.Parse(swr.Value!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    private Task<HttpResponseMessage> SendIfNoneMatchAsync(string url, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return app.Store.SendAsync(request);
    }
}

public sealed class StoreProductCachingOnSqlite(SqliteApp app) : StoreProductCachingTests(app), IClassFixture<SqliteApp>;

public sealed class StoreProductCachingOnPostgres(PostgresApp app) : StoreProductCachingTests(app), IClassFixture<PostgresApp>;
