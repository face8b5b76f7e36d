namespace Mercato.Api.Tests.Store.Search;

public abstract class FacetAndSuggestionTests(MercatoApp app)
{
    private sealed record Catalog(string Word, string Key, JsonNode Root, JsonNode Left, JsonNode Right);

    /// <summary>
    /// Four products under one word: P1 in Left (S, M; $5; linen), P2 in Right (M, L; $30; linen), P3 in Left and Right (S; $300;
    /// wool), P4 in no category (L; $19.99). Left and Right are children of Root.
    /// </summary>
    private async Task<Catalog> CatalogAsync()
    {
        var word = SearchTestData.Word();
        var key = await app.AttributeAsync("text");
        var root = await app.Given.CategoryAsync();
        var left = await app.Given.CategoryAsync(parentId: root.Str("id"));
        var right = await app.Given.CategoryAsync(parentId: root.Str("id"));
        await app.SearchProductAsync(b => Set(b, "one", [left], "linen"), sizes: ["S", "M"], usd: 500);
        await app.SearchProductAsync(b => Set(b, "two", [right], "linen"), sizes: ["M", "L"], usd: 3000);
        await app.SearchProductAsync(b => Set(b, "three", [left, right], "wool"), sizes: ["S"], usd: 30000);
        await app.SearchProductAsync(b => Set(b, "four", [], null), sizes: ["L"], usd: 1999);
        return new Catalog(word, key, root, left, right);

        void Set(Dictionary<string, object?> b, string name, JsonNode[] categories, string? material)
        {
            b["title"] = $"{word} {name}";
            b["categoryIds"] = categories.Select(c => c.Str("id")).ToArray();
            if (material is not null) b["attributes"] = new Dictionary<string, object> { [key] = material };
        }
    }

    private Task<JsonNode> FacetsAsync(Catalog c, string filters = "") =>
        app.Store.GetJsonAsync($"/store/products/facets?region={app.UsRegionId}&q={c.Word}{filters}");

    private static Dictionary<string, int> Categories(JsonNode facets, Catalog c) =>
        facets.Arr("categories").Where(f => new[] { c.Root, c.Left, c.Right }.Any(x => x.Str("id") == f.Str("id")))
            .ToDictionary(f => f.Str("id") == c.Root.Str("id") ? "root" : f.Str("id") == c.Left.Str("id") ? "left" : "right", f => f.Int("count"));

    private static Dictionary<string, int> Values(JsonNode facets, string list, string name, string nameProperty = "name") =>
        facets.Arr(list).Single(f => f.Str(nameProperty) == name).Arr("values").ToDictionary(v => v.Str("value"), v => v.Int("count"));

    private static Dictionary<long, int> Prices(JsonNode facets) =>
        facets.Arr("prices").ToDictionary(p => p!["min"].Long("amount"), p => p.Int("count"));

    [Fact]
    public async Task Facets_count_categories_with_their_ancestors_option_values_attributes_and_price_ranges()
    {
        var c = await CatalogAsync();
        var facets = await FacetsAsync(c);

        Assert.Equal(new Dictionary<string, int> { ["root"] = 3, ["left"] = 2, ["right"] = 2 }, Categories(facets, c));
        Assert.Equal(new Dictionary<string, int> { ["S"] = 2, ["M"] = 2, ["L"] = 2 }, Values(facets, "options", "Size"));
        Assert.Equal(new Dictionary<string, int> { ["linen"] = 2, ["wool"] = 1 }, Values(facets, "attributes", c.Key, "key"));
        Assert.Equal(new Dictionary<long, int> { [0] = 1, [1000] = 1, [2500] = 1, [25000] = 1 }, Prices(facets));
        var open = facets.Arr("prices").Single(p => p!["min"].Long("amount") == 25000);
        Assert.Equal(50000, open!["max"].Long("amount"));
        Assert.Equal("USD", open!["min"].Str("currency"));
    }

    [Fact]
    public async Task A_facets_own_filter_does_not_narrow_its_own_counts_but_narrows_the_others()
    {
        var c = await CatalogAsync();

        var bySize = await FacetsAsync(c, "&option=Size:S");
        Assert.Equal(new Dictionary<string, int> { ["S"] = 2, ["M"] = 2, ["L"] = 2 }, Values(bySize, "options", "Size"));
        Assert.Equal(new Dictionary<string, int> { ["root"] = 2, ["left"] = 2, ["right"] = 1 }, Categories(bySize, c));
        Assert.Equal(new Dictionary<long, int> { [0] = 1, [25000] = 1 }, Prices(bySize));

        var byCategory = await FacetsAsync(c, $"&category={c.Right.Str("id")}");
        Assert.Equal(new Dictionary<string, int> { ["root"] = 3, ["left"] = 2, ["right"] = 2 }, Categories(byCategory, c));
        Assert.Equal(new Dictionary<string, int> { ["S"] = 1, ["M"] = 1, ["L"] = 1 }, Values(byCategory, "options", "Size"));

        var byPrice = await FacetsAsync(c, "&minPrice=0&maxPrice=999");
        Assert.Equal(new Dictionary<long, int> { [0] = 1, [1000] = 1, [2500] = 1, [25000] = 1 }, Prices(byPrice));
        Assert.Equal(new Dictionary<string, int> { ["S"] = 1, ["M"] = 1 }, Values(byPrice, "options", "Size"));

        var byAttribute = await FacetsAsync(c, $"&attribute={c.Key}:wool");
        Assert.Equal(new Dictionary<string, int> { ["linen"] = 2, ["wool"] = 1 }, Values(byAttribute, "attributes", c.Key, "key"));
        Assert.Equal(new Dictionary<string, int> { ["S"] = 1 }, Values(byAttribute, "options", "Size"));
        Assert.Single(await app.Store.ListHandlesAsync($"q={c.Word}&attribute={c.Key}:wool&region={app.UsRegionId}"));
    }

    [Fact]
    public async Task Facets_count_a_change_as_soon_as_it_is_committed()
    {
        var c = await CatalogAsync();
        Assert.Equal(new Dictionary<string, int> { ["root"] = 3, ["left"] = 2, ["right"] = 2 }, Categories(await FacetsAsync(c), c));
        var five = await app.Given.ProductAsync(b =>
        {
            b["title"] = $"{c.Word} five";
            b["categoryIds"] = new[] { c.Left.Str("id") };
        });
        var id = five.Str("id");
        var facets = await FacetsAsync(c);
        Assert.Equal(new Dictionary<string, int> { ["root"] = 4, ["left"] = 3, ["right"] = 2 }, Categories(facets, c));

        // Moved to another category, repriced, unpublished, published again, deleted: each counted by the next request.
        await app.Admin.PatchJsonAsync($"/admin/products/{id}", new { categoryIds = new[] { c.Right.Str("id") } });
        Assert.Equal(new Dictionary<string, int> { ["root"] = 4, ["left"] = 2, ["right"] = 3 }, Categories(await FacetsAsync(c), c));
        var variantId = five.Arr("variants")[0].Str("id");
        var before = Prices(await FacetsAsync(c));
        await app.Admin.PatchJsonAsync($"/admin/products/{id}/variants/{variantId}",
            new { prices = new[] { new { amount = 60000L, currency = "USD" }, new { amount = 1899L, currency = "EUR" } } });
        var after = Prices(await FacetsAsync(c));
        Assert.Equal(before.GetValueOrDefault(50000) + 1, after.GetValueOrDefault(50000));
        await app.Admin.PatchJsonAsync($"/admin/products/{id}", new { status = "draft" });
        Assert.Equal(new Dictionary<string, int> { ["root"] = 3, ["left"] = 2, ["right"] = 2 }, Categories(await FacetsAsync(c), c));
        await app.Admin.PatchJsonAsync($"/admin/products/{id}", new { status = "published" });
        Assert.Equal(3, Categories(await FacetsAsync(c), c)["right"]);
        (await app.Admin.DeleteAsync($"/admin/products/{id}")).EnsureSuccessStatusCode();
        Assert.Equal(new Dictionary<string, int> { ["root"] = 3, ["left"] = 2, ["right"] = 2 }, Categories(await FacetsAsync(c), c));
    }

    [Fact]
    public async Task Facets_answer_with_cache_headers_and_tags()
    {
        var c = await CatalogAsync();
        var response = await app.Store.GetAsync($"/store/products/facets?region={app.UsRegionId}&q={c.Word}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var tags = response.Headers.GetValues("Cache-Tag").Single().Split(',');
        Assert.Contains("products", tags);
        Assert.Contains(c.Left.Str("id"), tags);
    }

    [Fact]
    public async Task Suggestions_complete_the_last_word_and_list_top_products_and_matching_categories()
    {
        var word = SearchTestData.Word();
        var jacket = await app.SearchProductAsync(b => b["title"] = $"{word}coat jacket");
        var jeans = await app.SearchProductAsync(b => b["description"] = $"Pairs with a {word}coat.");
        await app.SearchProductAsync(b => { b["title"] = $"{word}coat draft"; b["status"] = "draft"; });
        var category = await app.Admin.PostJsonAsync("/admin/categories", new { name = $"{word}coats and jackets", handle = Given.Unique("cat") });

        var s = await app.Store.GetJsonAsync($"/store/search/suggestions?q={word[..6]}&region={app.UsRegionId}");

        var term = Assert.Single(s.Arr("terms"));
        Assert.Equal($"{word}coat", term.Str("term"));
        Assert.Equal($"{word}coat", term.Str("text"));
        Assert.Equal(2, term.Int("count"));
        Assert.Equal([jacket, jeans], s.Arr("products").Select(p => p.Str("handle")));
        Assert.Equal(1999, s.Arr("products")[0]!["price"]!["min"].Long("amount"));
        Assert.Equal([category.Str("id")], s.Arr("categories").Select(x => x.Str("id")));

        var twoWords = await app.Store.GetJsonAsync($"/store/search/suggestions?q={word}coat%20jac&limit=1");
        Assert.Equal($"{word}coat jacket", twoWords.Arr("terms")[0].Str("text"));
        Assert.Equal([jacket], twoWords.Arr("products").Select(p => p.Str("handle")));
        Assert.Empty(twoWords.Arr("categories"));
    }

    [Fact]
    public async Task Facets_read_the_category_tree_once_and_count_a_category_change_at_the_next_request()
    {
        var c = await CatalogAsync();
        await FacetsAsync(c);

        // Other filters each time: a new answer, not one from the output cache.
        JsonNode bySize;
        IReadOnlyList<string> commands;
        using (app.Queries.Record(out commands)) bySize = await FacetsAsync(c, "&option=Size:S");
        await app.Admin.PatchJsonAsync($"/admin/categories/{c.Right.Str("id")}", new { isActive = false });
        var afterHiding = await FacetsAsync(c, "&option=Size:M");
        await app.Admin.PatchJsonAsync($"/admin/categories/{c.Right.Str("id")}", new { isActive = true, name = "Renamed" });
        var afterShowing = await FacetsAsync(c, "&option=Size:L");

        Assert.DoesNotContain(commands, x => x.Contains("FROM \"catalog_category\"", StringComparison.Ordinal));
        Assert.Equal(new Dictionary<string, int> { ["root"] = 2, ["left"] = 2, ["right"] = 1 }, Categories(bySize, c));
        // Size M: one in Left, one in Right, which is hidden, then shown again; size L: one in Right, one in none.
        Assert.Equal(new Dictionary<string, int> { ["root"] = 1, ["left"] = 1 }, Categories(afterHiding, c));
        Assert.Equal(new Dictionary<string, int> { ["root"] = 1, ["right"] = 1 }, Categories(afterShowing, c));
        Assert.Equal("Renamed", afterShowing.Arr("categories").Single(f => f.Str("id") == c.Right.Str("id")).Str("name"));
    }
}

public sealed class FacetAndSuggestionOnSqlite(SqliteApp app) : FacetAndSuggestionTests(app), IClassFixture<SqliteApp>;

public sealed class FacetAndSuggestionOnPostgres(PostgresApp app) : FacetAndSuggestionTests(app), IClassFixture<PostgresApp>;
