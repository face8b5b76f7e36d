namespace Mercato.Api.Tests.Admin.Products;

public abstract class CreateProductTests(MercatoApp app)
{
    [Fact]
    public async Task The_contract_shape_creates_a_product_with_ids_and_version_1()
    {
        var handle = Given.Unique("linen-shirt");
        var response = await app.Admin.PostAsJsonAsync("/admin/products", new
        {
            title = "Linen Shirt", handle, status = "published", description = "Markdown text",
            options = new[] { new { name = "Size", values = new[] { "S", "M" } } },
            variants = new[]
            {
                new { sku = handle + "-S", title = "S", options = new Dictionary<string, string> { ["Size"] = "S" }, manageInventory = true,
                    prices = new[] { new { amount = 4900, currency = "USD" }, new { amount = 4500, currency = "EUR" } } },
            },
            categoryIds = Array.Empty<string>(), collectionIds = Array.Empty<string>(), tags = new[] { "summer" },
        });

        var product = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("prod_", product.Str("id"));
        Assert.Equal(1, product.Int("version"));
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal($"/admin/products/{product.Str("id")}", response.Headers.Location?.OriginalString);
        var variant = product.Arr("variants").Single();
        Assert.StartsWith("var_", variant.Str("id"));
        Assert.Equal((handle + "-S").ToUpperInvariant(), variant.Str("sku"));
        Assert.Equal(4900, variant!["prices"]!.AsArray().Single(p => p.Str("currency") == "USD").Long("amount"));
        Assert.Equal([app.ChannelId], product.Arr("salesChannelIds").Select(x => x!.GetValue<string>()));
    }

    [Fact]
    public async Task A_taken_handle_is_409_handle_taken_and_creates_nothing()
    {
        var first = await app.Given.ProductAsync();
        var body = Given.ProductBody(handle: first.Str("handle"));

        var response = await app.Admin.PostAsJsonAsync("/admin/products", body);

        await response.ShouldBeProblemAsync(409, "handle_taken");
        var sku = ((dynamic)((Array)body["variants"]!).GetValue(0)!).sku;
        var search = await app.Admin.GetJsonAsync($"/admin/products?q={first.Str("handle")}");
        Assert.Single(search.Arr("items"));
        Assert.NotNull(sku);
    }
}

public sealed class CreateProductOnSqlite(SqliteApp app) : CreateProductTests(app), IClassFixture<SqliteApp>;

public sealed class CreateProductOnPostgres(PostgresApp app) : CreateProductTests(app), IClassFixture<PostgresApp>;
