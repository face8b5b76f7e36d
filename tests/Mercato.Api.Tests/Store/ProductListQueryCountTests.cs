namespace Mercato.Api.Tests.Store;

/// <summary>No N+1: a store list costs the same few SQL commands whatever its page size.</summary>
public abstract class ProductListQueryCountTests(MercatoApp app)
{
    [Fact]
    public async Task A_page_of_20_costs_as_many_queries_as_a_page_of_2()
    {
        var tag = Given.Unique("nplus1");
        for (var i = 0; i < 20; i++)
        {
            await app.Given.ProductAsync(b =>
            {
                b["tags"] = new[] { tag };
                b["media"] = new[] { new { url = "/media/a.svg", alt = "A" }, new { url = "/media/b.svg", alt = "B" } };
            });
        }

        // The regions are read once and then remembered, like the key; this read makes sure they are.
        await CountAsync($"/store/products?tag={tag}&limit=1&region={app.UsRegionId}");
        var small = await CountAsync($"/store/products?tag={tag}&limit=2&region={app.UsRegionId}");
        var large = await CountAsync($"/store/products?tag={tag}&limit=20&region={app.UsRegionId}");

        Assert.Equal(small, large);
        // At most the page itself and the price lists that may price it (ADR 8; one more when a sale is on the page).
        Assert.True(large <= 2, $"{large} commands for one list request");
    }

    private async Task<int> CountAsync(string url)
    {
        JsonNode page;
        IReadOnlyList<string> commands;
        using (app.Queries.Record(out commands)) page = await app.Store.GetJsonAsync(url);
        Assert.NotEmpty(page.Arr("items"));
        // Lookups the server remembers between requests (the key, the regions, whether a price list is active) are not counted.
        return QueryCounter.PerRequest(commands).Count;
    }
}

public sealed class ProductListQueryCountOnSqlite(SqliteApp app) : ProductListQueryCountTests(app), IClassFixture<SqliteApp>;

public sealed class ProductListQueryCountOnPostgres(PostgresApp app) : ProductListQueryCountTests(app), IClassFixture<PostgresApp>;
