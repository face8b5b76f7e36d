namespace Mercato.Api.Tests.Admin.Products;

public abstract class LinkedChangesTests(MercatoApp app)
{
    [Fact]
    public async Task Deleting_a_category_moves_the_version_of_its_products()
    {
        var category = await app.Given.CategoryAsync();
        var product = await app.Given.ProductAsync(b => b["categoryIds"] = new[] { category.Str("id") });

        (await app.Admin.DeleteAsync($"/admin/categories/{category.Str("id")}")).EnsureSuccessStatusCode();

        var after = await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}");
        Assert.Empty(after.Arr("categoryIds"));
        Assert.Equal(product.Int("version") + 1, after.Int("version"));
    }

    [Fact]
    public async Task Deleting_a_collection_moves_the_version_of_its_products()
    {
        var collection = await app.Given.CollectionAsync();
        var product = await app.Given.ProductAsync(b => b["collectionIds"] = new[] { collection.Str("id") });
        var bystander = await app.Given.ProductAsync();

        (await app.Admin.DeleteAsync($"/admin/collections/{collection.Str("id")}")).EnsureSuccessStatusCode();

        Assert.Equal(product.Int("version") + 1, (await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}")).Int("version"));
        Assert.Equal(bystander.Int("version"), (await app.Admin.GetJsonAsync($"/admin/products/{bystander.Str("id")}")).Int("version"));
    }

    [Fact]
    public async Task A_product_without_a_handle_gets_a_free_one_from_its_title()
    {
        var title = "Same Title " + Guid.NewGuid().ToString("N")[..6];

        var first = await app.Admin.PostJsonAsync("/admin/products", new { title });
        var second = await app.Admin.PostJsonAsync("/admin/products", new { title });

        var slug = title.ToLowerInvariant().Replace(' ', '-');
        Assert.Equal(slug, first.Str("handle"));
        Assert.Equal(slug + "-2", second.Str("handle"));
    }
}

public sealed class LinkedChangesOnSqlite(SqliteApp app) : LinkedChangesTests(app), IClassFixture<SqliteApp>;

public sealed class LinkedChangesOnPostgres(PostgresApp app) : LinkedChangesTests(app), IClassFixture<PostgresApp>;
