namespace Mercato.Api.Tests.Admin.Products;

public abstract class DeleteProductTests(MercatoApp app)
{
    [Fact]
    public async Task Deleting_a_product_is_204_and_removes_it_with_its_variants()
    {
        var product = await app.Given.ProductAsync();

        var response = await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await app.Admin.GetAsync($"/admin/products/{product.Str("id")}")).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.GetAsync($"/admin/products/{product.Str("id")}/variants")).ShouldBeProblemAsync(404, "not_found");
        await app.Admin.ShouldHaveNoProductAsync(product.Str("handle"));
    }

    [Fact]
    public async Task A_matching_if_match_deletes()
    {
        var product = await app.Given.ProductAsync();

        var response = await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}", "\"1\"");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await app.Admin.GetAsync($"/admin/products/{product.Str("id")}")).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_deletes_nothing()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";
        var current = await app.Admin.PatchJsonAsync(url, new { title = "Changed" });

        var response = await app.Admin.DeleteAsync(url, "\"1\"");

        await response.ShouldBeProblemAsync(412, "version_conflict");
        await app.Admin.ShouldBeUnchangedAsync(url, current);
    }

    [Fact]
    public async Task Deleting_an_unknown_or_already_deleted_product_is_404_not_found()
    {
        var product = await app.Given.ProductAsync();
        (await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}")).EnsureSuccessStatusCode();

        var again = await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}");
        var unknown = await app.Admin.DeleteAsync("/admin/products/prod_nope");

        await again.ShouldBeProblemAsync(404, "not_found");
        await unknown.ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Deleting_a_product_leaves_its_category_and_collection()
    {
        var category = await app.Given.CategoryAsync();
        var collection = await app.Given.CollectionAsync();
        var product = await app.Given.ProductAsync(b =>
        {
            b["categoryIds"] = new[] { category.Str("id") };
            b["collectionIds"] = new[] { collection.Str("id") };
        });

        (await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}")).EnsureSuccessStatusCode();

        await app.Admin.ShouldBeUnchangedAsync($"/admin/categories/{category.Str("id")}", category);
        await app.Admin.ShouldBeUnchangedAsync($"/admin/collections/{collection.Str("id")}", collection);
    }
}

public sealed class DeleteProductOnSqlite(SqliteApp app) : DeleteProductTests(app), IClassFixture<SqliteApp>;

public sealed class DeleteProductOnPostgres(PostgresApp app) : DeleteProductTests(app), IClassFixture<PostgresApp>;
