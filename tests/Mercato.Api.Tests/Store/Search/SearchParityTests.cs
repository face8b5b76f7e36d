namespace Mercato.Api.Tests.Store.Search;

/// <summary>
/// The same catalog on SQLite and on PostgreSQL answers the same queries with the same products in the same order, and the
/// same facet counts and suggestions.
/// </summary>
public sealed class SearchParityTests(SqliteApp sqlite, PostgresApp postgres) : IClassFixture<SqliteApp>, IClassFixture<PostgresApp>
{
    private static readonly (string Title, string Description, string[] Sizes, long Usd)[] Products =
    [
        ("Linen Shirt", "Breathable summer shirt in washed linen.", ["S", "M", "L"], 4900),
        ("Linen Trousers", "Pairs with the linen shirt.", ["M", "L"], 6900),
        ("Wool Sweater", "Warm knit for winter.", ["S", "M"], 8900),
        ("Shirt Dress", "A linen blend dress.", ["S"], 7900),
        ("Sweatshirt", "Soft fleece, relaxed fit.", ["M", "L"], 3900),
        ("Silk Scarf", "The shirt's best accessory.", ["S"], 2900),
        ("Crème Brûlée Mug", "Stoneware mug, dishwasher safe.", ["S"], 1500),
        ("Shirts Gift Set", "Three shirts in a box.", ["M"], 12900),
        ("Sweater Vest", "Wool and linen.", ["L"], 5900),
        ("Linnen Tote", "A tote with a typo in its name.", ["S"], 1900),
    ];

    private static readonly string[] Queries =
    [
        "shirt", "shirts", "shi", "sh", "linen", "lin", "linen shirt", "shirt linen", "shrit", "sweater", "swaeter", "sweatr",
        "wool sweater", "creme brulee", "crème", "brul", "linnen", "mug", "tote", "dress linen", "xyzzy", "s", "linen%20sh",
    ];

    [Fact]
    public async Task Both_databases_give_the_same_results_facets_and_suggestions()
    {
        var word = SearchTestData.Word();
        var categoryHandle = Given.Unique("parity");
        foreach (var app in new MercatoApp[] { sqlite, postgres })
        {
            var category = await app.Given.CategoryAsync(handle: categoryHandle);
            var child = await app.Given.CategoryAsync(parentId: category.Str("id"), handle: categoryHandle + "-child");
            for (var i = 0; i < Products.Length; i++)
            {
                var (title, description, sizes, usd) = Products[i];
                var n = i;
                await app.SearchProductAsync(b =>
                {
                    b["title"] = $"{word} {title}";
                    b["description"] = description;
                    b["categoryIds"] = n % 3 == 0 ? new[] { category.Str("id") } : n % 3 == 1 ? new[] { child.Str("id") } : Array.Empty<string>();
                }, handle: $"{word}-{n}", sizes: sizes, usd: usd);
            }
        }

        foreach (var query in Queries)
        {
            foreach (var extra in new[] { "&limit=100", "&limit=100&sort=price_asc", "&limit=100&option=Size:M", "&limit=100&maxPrice=6000", "&limit=3" })
            {
                var url = $"/store/products?q={word}%20{query}{extra}";
                var onSqlite = (await sqlite.Store.GetJsonAsync(url + $"&region={sqlite.UsRegionId}")).Handles();
                var onPostgres = (await postgres.Store.GetJsonAsync(url + $"&region={postgres.UsRegionId}")).Handles();
                Assert.True(onSqlite.SequenceEqual(onPostgres), $"{query}{extra}: [{string.Join(", ", onSqlite)}] vs [{string.Join(", ", onPostgres)}]");
            }
            var facets = $"/store/products/facets?q={word}%20{query}";
            Assert.Equal(Normalize(await sqlite.Store.GetJsonAsync(facets + $"&region={sqlite.UsRegionId}")),
                Normalize(await postgres.Store.GetJsonAsync(facets + $"&region={postgres.UsRegionId}")));
            var suggestions = $"/store/search/suggestions?limit=10&q={word}%20{query}";
            Assert.Equal(Normalize(await sqlite.Store.GetJsonAsync(suggestions + $"&region={sqlite.UsRegionId}")),
                Normalize(await postgres.Store.GetJsonAsync(suggestions + $"&region={postgres.UsRegionId}")));
        }
        // The set is not trivially empty: the queries find what they should.
        var shirts = (await sqlite.Store.GetJsonAsync($"/store/products?q={word}%20shirt&region={sqlite.UsRegionId}")).Handles();
        Assert.Equal($"{word}-0", shirts[0]);
        Assert.Contains($"{word}-9", (await sqlite.Store.GetJsonAsync($"/store/products?q={word}%20linen&region={sqlite.UsRegionId}")).Handles());
    }

    /// <summary>The response without database-specific ids (products and categories are compared by handle).</summary>
    private static string Normalize(JsonNode node)
    {
        var clone = JsonNode.Parse(node.ToJsonString())!;
        void Strip(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var key in o.Select(p => p.Key).Where(k => k is "id" or "parentId").ToList()) o.Remove(key);
                    foreach (var (_, value) in o) Strip(value);
                    break;
                case JsonArray a:
                    foreach (var item in a) Strip(item);
                    break;
            }
        }
        Strip(clone);
        return clone.ToJsonString();
    }
}
