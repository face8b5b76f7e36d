namespace Mercato.Api.Tests.Admin.Variants;

public abstract class ListVariantsTests(MercatoApp app)
{
    [Fact]
    public async Task The_variants_of_a_product_are_listed_in_order_with_the_product_etag()
    {
        var product = await app.Given.ProductAsync(Given.ProductBody(sizes: ["S", "M", "L"]));

        var response = await app.Admin.GetAsync($"/admin/products/{product.Str("id")}/variants");

        var page = await response.ShouldSucceedAsync();
        Assert.True(JsonNode.DeepEquals(product["variants"], page["items"]));
        Assert.Null(page["nextCursor"]);
        Assert.Equal("\"1\"", response.ETag());
    }

    [Fact]
    public async Task The_list_follows_changes_and_the_etag_follows_the_product_version()
    {
        var product = await app.Given.ProductAsync(Given.ProductBody(sizes: ["S", "M", "L"]));
        var url = $"/admin/products/{product.Str("id")}/variants";
        await app.Admin.DeleteAsync($"{url}/{product.Arr("variants")[1].Str("id")}");

        var response = await app.Admin.GetAsync(url);

        var page = await response.ShouldSucceedAsync();
        Assert.Equal(["S", "L"], page.Arr("items").Select(v => v!["options"].Str("Size")));
        Assert.Equal("\"2\"", response.ETag());
    }

    [Fact]
    public async Task One_variant_reads_by_its_id_with_the_product_etag()
    {
        var product = await app.Given.ProductAsync();
        var variant = product.Arr("variants")[1]!;

        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { title = "Bumped" });

        var response = await app.Admin.GetAsync($"/admin/products/{product.Str("id")}/variants/{variant.Str("id")}");

        Assert.True(JsonNode.DeepEquals(variant, await response.ShouldSucceedAsync()));
        Assert.Equal("\"2\"", response.ETag());
    }

    [Fact]
    public async Task Unknown_products_and_variants_are_404_not_found()
    {
        var product = await app.Given.ProductAsync();
        var other = await app.Given.ProductAsync();

        await (await app.Admin.GetAsync("/admin/products/prod_nope/variants")).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.GetAsync($"/admin/products/{product.Str("id")}/variants/var_nope")).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.GetAsync($"/admin/products/{product.Str("id")}/variants/{other.Arr("variants")[0].Str("id")}"))
            .ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class ListVariantsOnSqlite(SqliteApp app) : ListVariantsTests(app), IClassFixture<SqliteApp>;

public sealed class ListVariantsOnPostgres(PostgresApp app) : ListVariantsTests(app), IClassFixture<PostgresApp>;
