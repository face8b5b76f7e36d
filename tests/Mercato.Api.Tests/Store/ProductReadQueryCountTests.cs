namespace Mercato.Api.Tests.Store;

/// <summary>A product page costs a fixed, small number of SQL commands, however many variants, media and links it has.</summary>
public abstract class ProductReadQueryCountTests(MercatoApp app)
{
    [Fact]
    public async Task A_whole_product_is_read_in_four_commands()
    {
        var material = await app.AttributeAsync("enum", ["linen", "cotton"]);
        var parent = await app.Given.CategoryAsync();
        var category = await app.Given.CategoryAsync(parentId: parent.Str("id"));
        var collection = await app.Given.CollectionAsync();
        var handle = Given.Unique("counted");
        var body = Given.ProductBody(handle, sizes: ["XS", "S", "M", "L", "XL"]);
        body["tags"] = new[] { "summer", "linen", "shirt" };
        body["categoryIds"] = new[] { category.Str("id"), parent.Str("id") };
        body["collectionIds"] = new[] { collection.Str("id") };
        body["media"] = new[] { new { url = "/media/one.svg", alt = "Front" }, new { url = "/media/two.svg", alt = "Back" } };
        body["attributes"] = new Dictionary<string, object> { [material] = "linen" };
        await app.Given.ProductAsync(body);

        JsonNode product;
        IReadOnlyList<string> commands;
        using (app.Queries.Record(out commands)) product = await app.Store.GetJsonAsync($"/store/products/{handle}?region={app.UsRegionId}");

        Assert.Equal(5, product.Arr("variants").Count);
        Assert.Equal(2, product.Arr("categories").Count);
        Assert.Single(product.Arr("collections"));
        // Lookups the server remembers between requests (the key, whether a price list is active) are not counted.
        var counted = QueryCounter.PerRequest(commands);
        // The region, the product row, the rest of its aggregate in one result set, the stock of its tracked variants and the
        // price lists that may price them (ADR 8).
        Assert.True(counted.Count <= 5, $"{counted.Count} commands for one product:\n{string.Join("\n---\n", counted)}");
    }
}

public sealed class ProductReadQueryCountOnSqlite(SqliteApp app) : ProductReadQueryCountTests(app), IClassFixture<SqliteApp>;

public sealed class ProductReadQueryCountOnPostgres(PostgresApp app) : ProductReadQueryCountTests(app), IClassFixture<PostgresApp>;
