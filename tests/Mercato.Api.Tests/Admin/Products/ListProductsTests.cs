namespace Mercato.Api.Tests.Admin.Products;

public abstract class ListProductsTests(MercatoApp app)
{
    [Fact]
    public async Task Paging_with_a_cursor_visits_every_product_once_newest_first()
    {
        var prefix = Given.Unique("paged");
        var created = new List<string>();
        for (var i = 0; i < 25; i++) created.Add((await app.Given.ProductAsync(AdminTestData.OneVariantBody($"{prefix}-{i:00}"))).Str("id"));

        var seen = new List<string>();
        var sizes = new List<int>();
        string? cursor = null;
        do
        {
            var page = await app.Admin.GetJsonAsync($"/admin/products?q={prefix}&limit=7" + (cursor is null ? "" : $"&cursor={cursor}"));
            sizes.Add(page.Arr("items").Count);
            seen.AddRange(page.Ids());
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null && sizes.Count < 10);

        Assert.Equal([7, 7, 7, 4], sizes);
        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task Products_added_or_deleted_while_paging_cause_no_gaps_or_duplicates_among_the_others()
    {
        var prefix = Given.Unique("moving");
        var created = new List<string>();
        for (var i = 0; i < 6; i++) created.Add((await app.Given.ProductAsync(AdminTestData.OneVariantBody($"{prefix}-{i}"))).Str("id"));

        var first = await app.Admin.GetJsonAsync($"/admin/products?q={prefix}&limit=2");
        var added = await app.Given.ProductAsync(AdminTestData.OneVariantBody($"{prefix}-new"));
        (await app.Admin.DeleteAsync($"/admin/products/{first.Ids()[1]}")).EnsureSuccessStatusCode();
        var rest = new List<string>();
        var cursor = first["nextCursor"]?.GetValue<string>();
        while (cursor is not null)
        {
            var page = await app.Admin.GetJsonAsync($"/admin/products?q={prefix}&limit=2&cursor={cursor}");
            rest.AddRange(page.Ids());
            cursor = page["nextCursor"]?.GetValue<string>();
        }

        Assert.Equal([created[5], created[4]], first.Ids());
        Assert.Equal([created[3], created[2], created[1], created[0]], rest);
        Assert.DoesNotContain(added.Str("id"), rest);
    }

    [Fact]
    public async Task A_page_that_ends_exactly_at_the_last_product_has_a_null_next_cursor()
    {
        var prefix = Given.Unique("exact");
        for (var i = 0; i < 3; i++) await app.Given.ProductAsync(AdminTestData.OneVariantBody($"{prefix}-{i}"));

        var all = await app.Admin.GetJsonAsync($"/admin/products?q={prefix}&limit=3");
        var first = await app.Admin.GetJsonAsync($"/admin/products?q={prefix}&limit=2");
        var last = await app.Admin.GetJsonAsync($"/admin/products?q={prefix}&limit=2&cursor={first.Str("nextCursor")}");

        Assert.Equal(3, all.Arr("items").Count);
        Assert.Null(all["nextCursor"]);
        Assert.Single(last.Arr("items"));
        Assert.Null(last["nextCursor"]);
    }

    [Fact]
    public async Task The_default_page_size_is_20()
    {
        var prefix = Given.Unique("default");
        for (var i = 0; i < 21; i++) await app.Given.ProductAsync(AdminTestData.OneVariantBody($"{prefix}-{i}"));

        var page = await app.Admin.GetJsonAsync($"/admin/products?q={prefix}");

        Assert.Equal(20, page.Arr("items").Count);
        Assert.NotNull(page["nextCursor"]);
    }

    [Fact]
    public async Task Status_filters_by_status()
    {
        var prefix = Given.Unique("status");
        var draft = await app.Given.ProductAsync(AdminTestData.OneVariantBody($"{prefix}-d", status: "draft"));
        var published = await app.Given.ProductAsync(AdminTestData.OneVariantBody($"{prefix}-p", status: "published"));
        var archived = await app.Given.ProductAsync(AdminTestData.OneVariantBody($"{prefix}-a", status: "archived"));

        Assert.Equal([draft.Str("id")], (await app.Admin.GetJsonAsync($"/admin/products?q={prefix}&status=draft")).Ids());
        Assert.Equal([published.Str("id")], (await app.Admin.GetJsonAsync($"/admin/products?q={prefix}&status=published")).Ids());
        Assert.Equal([archived.Str("id")], (await app.Admin.GetJsonAsync($"/admin/products?q={prefix}&status=archived")).Ids());
        Assert.Equal([draft.Str("id")], (await app.Admin.GetJsonAsync($"/admin/products?q={prefix}&status=Draft")).Ids());
        Assert.Equal(3, (await app.Admin.GetJsonAsync($"/admin/products?q={prefix}")).Arr("items").Count);
    }

    [Theory]
    [InlineData("sold")]
    [InlineData("1")]
    public async Task An_unknown_status_is_400_validation_failed(string status)
    {
        var response = await app.Admin.GetAsync($"/admin/products?status={status}");

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal(["status"], problem.ErrorFields());
    }

    [Fact]
    public async Task Q_matches_the_title_case_insensitively_or_the_handle()
    {
        var word = Guid.NewGuid().ToString("N")[..10];
        var byTitle = await app.Given.ProductAsync(b => b["title"] = $"Blue {word.ToUpperInvariant()} Shirt");
        var byHandle = await app.Given.ProductAsync(AdminTestData.OneVariantBody($"shirt-{word}-x"));
        await app.Given.ProductAsync();

        var page = await app.Admin.GetJsonAsync($"/admin/products?q=%20{word.ToUpperInvariant()}%20");

        Assert.Equal([byHandle.Str("id"), byTitle.Str("id")], page.Ids());
    }

    [Theory]
    [InlineData("_")]
    [InlineData("%")]
    public async Task Q_matches_like_wildcards_literally(string wildcard)
    {
        var word = Guid.NewGuid().ToString("N")[..10];
        var literal = await app.Given.ProductAsync(b => b["title"] = $"Sale {wildcard}{word}");
        await app.Given.ProductAsync(b => b["title"] = $"Sale x{word}");

        var page = await app.Admin.GetJsonAsync($"/admin/products?q={Uri.EscapeDataString(wildcard + word)}");

        Assert.Equal([literal.Str("id")], page.Ids());
    }

    [Theory]
    [InlineData("q=%00")]
    [InlineData("q=a%00b")]
    [InlineData("externalId=%00")]
    public async Task A_nul_character_in_a_filter_is_400_malformed_request(string query)
    {
        await app.Given.ProductAsync();

        var response = await app.Admin.GetAsync($"/admin/products?{query}");

        await response.ShouldBeProblemAsync(400, "malformed_request");
    }

    [Fact]
    public async Task ExternalId_finds_the_product_with_that_external_id()
    {
        var externalId = Given.Unique("ERP");
        var wanted = await app.Given.ProductAsync(b => b["externalId"] = externalId);
        await app.Given.ProductAsync(b => b["externalId"] = externalId + "-other");

        var page = await app.Admin.GetJsonAsync($"/admin/products?externalId={externalId}");

        Assert.Equal([wanted.Str("id")], page.Ids());
        Assert.Equal(externalId, page.Arr("items")[0].Str("externalId"));
    }

    [Fact]
    public async Task Items_are_whole_products_with_variants_and_prices()
    {
        var product = await app.Given.ProductAsync();

        var page = await app.Admin.GetJsonAsync($"/admin/products?q={product.Str("handle")}");

        Assert.True(JsonNode.DeepEquals(product, page.Arr("items").Single()));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=-5")]
    public async Task A_limit_outside_1_to_100_is_400_validation_failed(string query)
    {
        var response = await app.Admin.GetAsync($"/admin/products?{query}");

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal(["limit"], problem.ErrorFields());
    }

    [Fact]
    public async Task Limit_100_is_allowed()
    {
        var page = await app.Admin.GetJsonAsync("/admin/products?limit=100&q=nothing-matches-this");

        Assert.Empty(page.Arr("items"));
        Assert.Null(page["nextCursor"]);
    }

    [Fact]
    public async Task A_non_numeric_limit_is_400()
    {
        var response = await app.Admin.GetAsync("/admin/products?limit=ten");

        await response.ShouldBeProblemAsync(400, "malformed_request");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("!!!")]
    [InlineData("bnVsbA")]
    [InlineData("WyJhIiwiYiJd")]
    [InlineData("e30")]
    [InlineData("WyJcdTAwMDAiXQ")]
    public async Task A_garbage_cursor_is_400_invalid_cursor(string cursor)
    {
        var response = await app.Admin.GetAsync($"/admin/products?cursor={Uri.EscapeDataString(cursor)}");

        await response.ShouldBeProblemAsync(400, "invalid_cursor");
    }

    [Fact]
    public async Task A_cursor_from_another_list_is_400_invalid_cursor()
    {
        await app.Given.CategoryAsync();
        await app.Given.CategoryAsync();
        var categories = await app.Admin.GetJsonAsync("/admin/categories?limit=1");

        var response = await app.Admin.GetAsync($"/admin/products?cursor={categories.Str("nextCursor")}");

        await response.ShouldBeProblemAsync(400, "invalid_cursor");
    }

    [Fact]
    public async Task Listing_needs_a_secret_key()
    {
        var anonymous = await app.Anonymous.GetAsync("/admin/products");
        var store = await app.Store.GetAsync("/admin/products");

        await anonymous.ShouldBeProblemAsync(401, "unauthorized");
        Assert.Equal(HttpStatusCode.Unauthorized, store.StatusCode);
    }
}

public sealed class ListProductsOnSqlite(SqliteApp app) : ListProductsTests(app), IClassFixture<SqliteApp>;

public sealed class ListProductsOnPostgres(PostgresApp app) : ListProductsTests(app), IClassFixture<PostgresApp>;
