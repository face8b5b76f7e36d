using System.Buffers.Text;
using System.Text;

namespace Mercato.Api.Tests.Store.Products;

public abstract class StoreProductPagingTests(MercatoApp app)
{
    public static TheoryData<string> Sorts => ["newest", "price_asc", "price_desc", "title"];

    /// <summary>Ties on price and on title (case apart) so the id tie-breaker is exercised too.</summary>
    private static readonly (string Title, long Usd)[] Set =
        [("Maple", 3000), ("alder", 1000), ("Birch", 3000), ("maple", 2000), ("Cedar", 1000), ("Oak", 5000), ("Pine", 3000)];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Paging_through_a_sort_gives_every_product_once_in_order_and_ends_with_a_null_cursor(string sort)
    {
        var tag = Given.Unique("paging");
        var products = new List<Listed>();
        foreach (var (title, usd) in Set) products.Add(await CreateAsync(tag, title, usd));
        var expected = Order(products, sort);
        var query = $"tag={tag}&sort={sort}&region={app.UsRegionId}";

        Assert.Equal(expected, await app.Store.ListHandlesAsync(query));
        foreach (var limit in new[] { 1, 2, 3, 7 })
        {
            var pages = await app.Store.WalkAsync(query, limit);
            Assert.Equal(expected, pages.SelectMany(p => p));
            Assert.All(pages.SkipLast(1), p => Assert.Equal(limit, p.Count));
            Assert.NotEmpty(pages[^1]);
        }
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Products_added_between_two_pages_never_repeat_or_hide_the_others(string sort)
    {
        var tag = Given.Unique("moving");
        var products = new List<Listed>();
        foreach (var (title, usd) in Set) products.Add(await CreateAsync(tag, title, usd));
        var query = $"tag={tag}&sort={sort}&region={app.UsRegionId}";
        var first = await app.Store.GetJsonAsync($"/store/products?{query}&limit=3");

        // One that sorts before the cursor, one in the middle, one at the very end (for newest, all are newer).
        products.Add(await CreateAsync(tag, "aaa", 500));
        products.Add(await CreateAsync(tag, "Lime", 2500));
        products.Add(await CreateAsync(tag, "zzz", 9000));
        var walked = first.Handles();
        var cursor = first.NextCursor();
        while (cursor is not null)
        {
            var page = await app.Store.GetJsonAsync($"/store/products?{query}&limit=3&cursor={Uri.EscapeDataString(cursor)}");
            walked.AddRange(page.Handles());
            cursor = page.NextCursor();
        }

        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Subset(walked.ToHashSet(), products.Take(Set.Length).Select(p => p.Handle).ToHashSet());
        var fullOrder = Order(products, sort);
        Assert.Equal(fullOrder.Where(walked.Contains), walked);
        Assert.Equal(fullOrder[^1], walked[^1]);
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Deleting_the_product_a_cursor_points_at_does_not_break_the_walk(string sort)
    {
        var tag = Given.Unique("deleted");
        var products = new List<Listed>();
        foreach (var (title, usd) in Set) products.Add(await CreateAsync(tag, title, usd));
        var expected = Order(products, sort);
        var query = $"tag={tag}&sort={sort}&region={app.UsRegionId}";
        var first = await app.Store.GetJsonAsync($"/store/products?{query}&limit=2");
        var atCursor = products.Single(p => p.Handle == first.Handles()[^1]);

        (await app.Admin.DeleteAsync($"/admin/products/{atCursor.Id}")).EnsureSuccessStatusCode();
        var rest = await app.Store.GetJsonAsync($"/store/products?{query}&limit=100&cursor={Uri.EscapeDataString(first.NextCursor()!)}");

        Assert.Equal(expected.Skip(2), rest.Handles());
        Assert.Null(rest.NextCursor());
    }

    [Fact]
    public async Task A_cursor_from_another_sort_is_400_invalid_cursor()
    {
        var tag = Given.Unique("cross");
        await CreateAsync(tag, "One", 1000);
        await CreateAsync(tag, "Two", 2000);
        var byPrice = await app.Store.GetJsonAsync($"/store/products?tag={tag}&sort=price_asc&limit=1");
        var cursor = Uri.EscapeDataString(byPrice.NextCursor()!);

        await (await app.Store.GetAsync($"/store/products?tag={tag}&sort=title&limit=1&cursor={cursor}")).ShouldBeProblemAsync(400, "invalid_cursor");
        await (await app.Store.GetAsync($"/store/products?tag={tag}&limit=1&cursor={cursor}")).ShouldBeProblemAsync(400, "invalid_cursor");
        await (await app.Store.GetAsync($"/store/products?tag={tag}&sort=price_desc&limit=1&cursor={cursor}")).ShouldBeProblemAsync(400, "invalid_cursor");
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("%25%25%25")]
    [InlineData("W10")]
    [InlineData("__4")]
    public async Task A_garbage_cursor_is_400_invalid_cursor(string cursor)
    {
        var response = await app.Store.GetAsync($"/store/products?cursor={cursor}");

        await response.ShouldBeProblemAsync(400, "invalid_cursor");
    }

    [Theory]
    [InlineData("[\"newest\",\"\"]")]
    [InlineData("[\"price_asc\",\"cheap\",\"prod_01\"]")]
    [InlineData("[\"title\",null,\"prod_01\"]")]
    [InlineData("{\"sort\":\"newest\"}")]
    public async Task A_well_encoded_cursor_of_the_wrong_shape_is_400_invalid_cursor(string json)
    {
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        var sort = json.Contains("price_asc", StringComparison.Ordinal) ? "price_asc" : json.Contains("title", StringComparison.Ordinal) ? "title" : "newest";

        var response = await app.Store.GetAsync($"/store/products?sort={sort}&cursor={cursor}");

        await response.ShouldBeProblemAsync(400, "invalid_cursor");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-5")]
    public async Task A_limit_outside_1_to_100_is_400(string limit)
    {
        var response = await app.Store.GetAsync($"/store/products?limit={limit}");

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]!["limit"]);
    }

    [Fact]
    public async Task Without_a_limit_a_page_holds_20_products()
    {
        var tag = Given.Unique("default-limit");
        for (var i = 0; i < 21; i++) await app.TaggedProductAsync(tag);

        var first = await app.Store.GetJsonAsync($"/store/products?tag={tag}");
        var second = await app.Store.GetJsonAsync($"/store/products?tag={tag}&cursor={Uri.EscapeDataString(first.NextCursor()!)}");

        Assert.Equal(20, first.Arr("items").Count);
        Assert.Single(second.Arr("items"));
        Assert.Null(second.NextCursor());
    }

    [Fact]
    public async Task A_limit_of_100_is_accepted()
    {
        var response = await app.Store.GetAsync("/store/products?limit=100");

        await response.ShouldSucceedAsync();
    }

    private async Task<Listed> CreateAsync(string tag, string title, long usd)
    {
        var product = await app.TaggedProductAsync(tag, title, usd: usd);
        return new Listed(product.Str("id"), product.Str("handle"), title, usd);
    }

    /// <summary>The order the API promises, worked out here from what was created (ids are ordinal-sortable).</summary>
    private static List<string> Order(IEnumerable<Listed> products, string sort)
    {
        var ordered = sort switch
        {
            "price_asc" => products.OrderBy(p => p.Usd).ThenBy(p => p.Id, StringComparer.Ordinal),
            "price_desc" => products.OrderByDescending(p => p.Usd).ThenByDescending(p => p.Id, StringComparer.Ordinal),
            "title" => products.OrderBy(p => p.Title.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal),
            _ => products.OrderByDescending(p => p.Id, StringComparer.Ordinal),
        };
        return [.. ordered.Select(p => p.Handle)];
    }

    private sealed record Listed(string Id, string Handle, string Title, long Usd);
}

public sealed class StoreProductPagingOnSqlite(SqliteApp app) : StoreProductPagingTests(app), IClassFixture<SqliteApp>;

public sealed class StoreProductPagingOnPostgres(PostgresApp app) : StoreProductPagingTests(app), IClassFixture<PostgresApp>;
