using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Search;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Store.Search;

public abstract class ProductSearchTests(MercatoApp app)
{
    [Fact]
    public async Task A_title_match_ranks_before_a_tag_match_and_a_tag_match_before_a_description_match()
    {
        var word = SearchTestData.Word();
        var inDescription = await app.SearchProductAsync(b => b["description"] = $"Made of {word} cotton.");
        var inTitle = await app.SearchProductAsync(b => b["title"] = $"The {word} shirt");
        var inTag = await app.SearchProductAsync(b => b["tags"] = new[] { word });

        Assert.Equal([inTitle, inTag, inDescription], await app.SearchAsync(word));
        Assert.Equal([inTitle, inTag, inDescription], await app.SearchAsync(word.ToUpperInvariant()));
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix_and_exact_matches_rank_before_prefix_matches()
    {
        var word = SearchTestData.Word();
        var longer = await app.SearchProductAsync(b => b["title"] = $"{word}xyz parka");
        var exact = await app.SearchProductAsync(b => b["title"] = $"{word} parka");

        Assert.Equal([exact], await app.SearchAsync($"{word}%20par"));
        Assert.Equal([exact, longer], await app.SearchAsync(word));
        // Both only complete the word: equal ranks fall back to id order (creation order here).
        Assert.Equal([longer, exact], await app.SearchAsync(word[..6]));
        Assert.Equal([longer, exact], await app.SearchAsync($"parka%20{word[..3]}"));
        // Only the last word is completed: an earlier word must be whole.
        Assert.Empty(await app.SearchAsync($"{word[..6]}%20parka"));
    }

    [Fact]
    public async Task Small_typos_are_tolerated_and_rank_after_exact_matches()
    {
        var word = SearchTestData.Word();
        var neighbour = SearchTestData.Substitute(word, 4);
        var typo = await app.SearchProductAsync(b => b["title"] = $"{neighbour} boots");
        var exact = await app.SearchProductAsync(b => b["title"] = $"{word} boots cap");
        var swapped = word[..2] + word[3] + word[2] + word[4..];

        Assert.Equal([exact, typo], await app.SearchAsync(word));
        Assert.Equal([exact, typo], await app.SearchAsync($"{word}%20boots"));
        Assert.Contains(exact, await app.SearchAsync(SearchTestData.Substitute(word, 1)));
        Assert.Contains(exact, await app.SearchAsync(word[..7] + word[8..]));
        Assert.Contains(exact, await app.SearchAsync(word[..5] + "q" + word[5..]));
        if (swapped != word) Assert.Contains(exact, await app.SearchAsync(swapped));
        // Three typos are too many, and short words must be exact (or a prefix, when last).
        Assert.Empty(await app.SearchAsync("qqq" + word[3..]));
        Assert.Empty(await app.SearchAsync($"cat%20{word}"));
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        var word = SearchTestData.Word();
        var red = await app.SearchProductAsync(b => b["title"] = $"{word} red scarf");
        var blue = await app.SearchProductAsync(b => b["title"] = $"{word} blue scarf");

        Assert.Equal([red], await app.SearchAsync($"{word}%20red"));
        Assert.Equal([red, blue], await app.SearchAsync($"scarf%20{word}"));
        Assert.Empty(await app.SearchAsync($"{word}%20green"));
    }

    [Fact]
    public async Task Search_covers_skus_option_values_and_attribute_values()
    {
        var word = SearchTestData.Word();
        var key = await app.AttributeAsync("text");
        var bySku = await app.SearchProductAsync(b => b["variants"] = new[] { StoreTestData.Variant($"{word}-X1", "S", ("USD", 1000)) },
            sizes: ["S"]);
        var byAttribute = await app.SearchProductAsync(b => b["attributes"] = new Dictionary<string, object> { [key] = $"{word} weave" });
        var byOption = await app.SearchProductAsync(b =>
        {
            b["options"] = new[] { new { name = "Colour", values = new[] { $"{word}green" } } };
            b["variants"] = new[]
            {
                new { sku = Given.Unique("opt").ToUpperInvariant(), title = "G", options = new Dictionary<string, string> { ["Colour"] = $"{word}green" },
                    manageInventory = true, prices = new[] { new { amount = 1000L, currency = "USD" } } },
            };
        });

        Assert.Equal([bySku], await app.SearchAsync($"{word}-x1"));
        Assert.Equal([bySku], await app.SearchAsync($"{word}x1"));
        Assert.Equal([byAttribute], await app.SearchAsync($"{word}%20weave"));
        Assert.Equal([byOption], await app.SearchAsync($"{word}green"));
    }

    [Fact]
    public async Task Search_combines_with_filters_and_other_sorts()
    {
        var word = SearchTestData.Word();
        var tag = Given.Unique("combo");
        var cheap = await app.SearchProductAsync(b => { b["title"] = $"{word} mug"; b["tags"] = new[] { tag }; }, sizes: ["S"], usd: 1000);
        var dear = await app.SearchProductAsync(b => b["title"] = $"{word} jug", sizes: ["M"], usd: 5000);
        var other = await app.SearchProductAsync(b => { b["title"] = "Plain mug"; b["tags"] = new[] { tag }; }, usd: 1000);

        Assert.Equal([cheap], await app.SearchAsync($"{word}&maxPrice=2000"));
        Assert.Equal([dear], await app.SearchAsync($"{word}&option=Size:M"));
        Assert.Equal([cheap], await app.SearchAsync($"{word}&tag={tag}"));
        Assert.Equal([dear, cheap], await app.SearchAsync($"{word}&sort=price_desc"));
        Assert.Equal([cheap, dear], await app.SearchAsync($"{word}&sort=price_asc"));
        Assert.Equal([dear, cheap], await app.SearchAsync($"{word}&sort=newest"));
        Assert.Equal([cheap, dear], await app.SearchAsync($"{word}&sort=relevance"));
        Assert.Contains(other, await app.Store.ListHandlesAsync($"tag={tag}&sort=relevance"));
    }

    [Theory]
    [InlineData("price_asc")]
    [InlineData("price_desc")]
    public async Task A_search_sorted_by_price_pages_in_the_order_the_list_sorted_by_price_gives(string sort)
    {
        var word = SearchTestData.Word();
        var tag = Given.Unique("byprice");
        // Ties on price, so the id tie-breaker is exercised too.
        foreach (var usd in new long[] { 3000, 1000, 2000, 1000, 5000, 3000 })
            await app.SearchProductAsync(b => { b["title"] = $"{word} vase"; b["tags"] = new[] { tag }; }, sizes: ["S"], usd: usd);

        // The list filtered by tag is sorted by the database; the search is sorted on the index's prices.
        var expected = await app.Store.ListHandlesAsync($"region={app.UsRegionId}&tag={tag}&sort={sort}");
        Assert.Equal(6, expected.Count);
        foreach (var limit in new[] { 1, 2, 4 })
        {
            var pages = await app.Store.WalkAsync($"region={app.UsRegionId}&q={word}&sort={sort}", limit);
            Assert.Equal(expected, pages.SelectMany(p => p));
            Assert.All(pages.SkipLast(1), p => Assert.Equal(limit, p.Count));
        }
        JsonNode first;
        using (app.Queries.Record(out var commands))
        {
            first = await app.Store.GetJsonAsync($"/store/products?region={app.UsRegionId}&q={word}&sort={sort}&limit=3");
            // Sorted on the index's prices: the database reads the page's summaries only, it sorts nothing by price.
            Assert.NotEmpty(commands);
            Assert.DoesNotContain(commands, c => Regex.IsMatch(c, "ORDER BY[^\\n]*min_amount"));
        }
        var otherSort = sort == "price_asc" ? "price_desc" : "price_asc";
        await (await app.Store.GetAsync(
                $"/store/products?region={app.UsRegionId}&q={word}&sort={otherSort}&limit=2&cursor={Uri.EscapeDataString(first.NextCursor()!)}"))
            .ShouldBeProblemAsync(400, "invalid_cursor");
    }

    [Fact]
    public async Task Relevance_pages_follow_each_other_without_gaps_or_repeats()
    {
        var word = SearchTestData.Word();
        var all = new List<string>();
        for (var i = 0; i < 5; i++) all.Add(await app.SearchProductAsync(b => b["title"] = i % 2 == 0 ? $"{word} lamp" : $"{word}s lamp"));

        var single = await app.SearchAsync(word);
        var pages = await app.Store.WalkAsync($"region={app.UsRegionId}&q={word}", 2);

        Assert.Equal(all.Order(), single.Order());
        Assert.Equal(single, pages.SelectMany(p => p));
        Assert.Equal(3, pages.Count);
    }

    [Fact]
    public async Task Ties_in_a_freshly_loaded_index_rank_by_product_id_and_pages_follow_each_other()
    {
        var word = SearchTestData.Word();
        var created = new List<string>();
        for (var i = 0; i < 5; i++) created.Add(await app.SearchProductAsync(b => b["title"] = $"{word} lamp"));
        // A full load puts the products in the snapshot, where ties compare ordinals rather than ids.
        app.Services.GetRequiredService<CatalogFacetIndex>().Reset();

        var single = await app.SearchAsync(word);
        var pages = await app.Store.WalkAsync($"region={app.UsRegionId}&q={word}", 2);

        // The same words in the same fields: the product id decides, and ids follow creation (SearchProductAsync).
        Assert.Equal(created, single);
        Assert.Equal(single, pages.SelectMany(p => p));
    }

    [Fact]
    public async Task The_index_follows_creates_renames_variant_changes_unpublishing_and_deletes_at_once()
    {
        var first = SearchTestData.Word();
        var second = SearchTestData.Word();
        var sku = SearchTestData.Word();
        var handle = await app.SearchProductAsync(b => b["title"] = $"{first} lamp");
        var product = await app.Admin.GetJsonAsync($"/admin/products?q={handle}");
        var id = product.Arr("items")[0].Str("id");
        Assert.Equal([handle], await app.SearchAsync(first));

        await app.Admin.PatchJsonAsync($"/admin/products/{id}", new { title = $"{second} lamp" });
        Assert.Empty(await app.SearchAsync(first));
        Assert.Equal([handle], await app.SearchAsync(second));

        var variantId = product.Arr("items")[0].Arr("variants")[0].Str("id");
        await app.Admin.PatchJsonAsync($"/admin/products/{id}/variants/{variantId}", new { sku = sku.ToUpperInvariant() });
        Assert.Equal([handle], await app.SearchAsync(sku));

        await app.Admin.PatchJsonAsync($"/admin/products/{id}", new { status = "draft" });
        Assert.Empty(await app.SearchAsync(second));
        var hidden = await app.Store.GetJsonAsync($"/store/search/suggestions?q={second}");
        Assert.Empty(hidden.Arr("terms"));

        await app.Admin.PatchJsonAsync($"/admin/products/{id}", new { status = "published" });
        Assert.Equal([handle], await app.SearchAsync(second));

        (await app.Admin.DeleteAsync($"/admin/products/{id}")).EnsureSuccessStatusCode();
        Assert.Empty(await app.SearchAsync(second));
        Assert.Empty(await app.SearchAsync(sku));
    }

    [Fact]
    public async Task Bad_search_input_is_a_400_problem()
    {
        var tooLong = new string('a', 201);
        var manyWords = string.Join("%20", Enumerable.Range(1, 11).Select(i => $"w{i}"));
        await (await app.Store.GetAsync($"/store/products?q={tooLong}")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync($"/store/products?q={manyWords}")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync("/store/products?q=lamp&sort=best")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync("/store/products?q=lamp&cursor=nonsense")).ShouldBeProblemAsync(400, "invalid_cursor");
        var otherSort = Uri.EscapeDataString(Kernel.Paging.Cursor.Encode("relevance", "x.y.z", "prod_1"));
        await (await app.Store.GetAsync($"/store/products?q=lamp&cursor={otherSort}")).ShouldBeProblemAsync(400, "invalid_cursor");
        await (await app.Store.GetAsync($"/store/products/facets?q={tooLong}")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync("/store/products/facets?option=nocolon")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync("/store/search/suggestions")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync($"/store/search/suggestions?q={tooLong}")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync("/store/search/suggestions?q=la&limit=0")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync("/store/search/suggestions?q=la&limit=21")).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.GetAsync("/store/search/suggestions?q=la&limit=many")).ShouldBeProblemAsync(400, "malformed_request");
        // A query of punctuation only looks for no word: nothing matches, and nothing fails.
        Assert.Empty(await app.SearchAsync("%25%27%22%3B"));
    }

    [Fact]
    public async Task A_search_page_costs_the_same_queries_whatever_its_size()
    {
        var word = SearchTestData.Word();
        for (var i = 0; i < 12; i++)
        {
            await app.SearchProductAsync(b =>
            {
                b["title"] = $"{word} candle {i}";
                b["media"] = new[] { new { url = "/media/a.svg", alt = "A" } };
            });
        }

        // The in-memory index (postings and facet data) loads once per node, on first use; after that a search or a facet
        // request reads no posting nor product row but the page's.
        await app.Store.GetJsonAsync($"/store/products/facets?region={app.UsRegionId}");
        var small = await CountAsync($"/store/products?q={word}%20cand&limit=2&region={app.UsRegionId}");
        var large = await CountAsync($"/store/products?q={word}%20cand&limit=12&region={app.UsRegionId}");
        var facets = await CountAsync($"/store/products/facets?q={word}&region={app.UsRegionId}", "categories");

        Assert.Equal(small, large);
        // The region, the completions of the last word, the typo neighbours, the page's products and their sale prices.
        Assert.True(large <= 5, $"{large} commands for one search page");
        // The region, the query's terms (completions, typo neighbours), the category tree, attribute names.
        Assert.True(facets <= 5, $"{facets} commands for the facets");
    }

    [Fact]
    public async Task A_rebuild_restores_an_emptied_index_and_the_reindex_route_queues_one()
    {
        var word = SearchTestData.Word();
        var handle = await app.SearchProductAsync(b => b["title"] = $"{word} stool");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM catalog_search_postings");
            Assert.Empty(await app.SearchAsync(word));
            Assert.True(await scope.ServiceProvider.GetRequiredService<ICatalogSearchIndex>().RebuildIfEmptyAsync(CancellationToken.None));
        }
        Assert.Equal([handle], await app.SearchAsync(word));

        var queued = await app.Admin.PostAsync("/admin/search/reindex", null);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.True(await app.RunJobsAsync() >= 1);
        Assert.Equal([handle], await app.SearchAsync(word));
    }

    private async Task<int> CountAsync(string url, string property = "items")
    {
        JsonNode page;
        IReadOnlyList<string> commands;
        using (app.Queries.Record(out commands)) page = await app.Store.GetJsonAsync(url);
        Assert.NotNull(page[property]);
        // Lookups the server remembers between requests (the key, whether a price list is active) are not counted.
        return QueryCounter.PerRequest(commands).Count;
    }
}

public sealed class ProductSearchOnSqlite(SqliteApp app) : ProductSearchTests(app), IClassFixture<SqliteApp>;

public sealed class ProductSearchOnPostgres(PostgresApp app) : ProductSearchTests(app), IClassFixture<PostgresApp>;
