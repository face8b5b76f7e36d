namespace Mercato.Api.Tests.Admin.Categories;

public abstract class DeleteCategoryTests(MercatoApp app)
{
    [Fact]
    public async Task Deleting_a_leaf_is_204_and_unlinks_its_products()
    {
        var keep = await app.Given.CategoryAsync();
        var leaf = await app.Given.CategoryAsync();
        var product = await app.Given.ProductAsync(b => b["categoryIds"] = new[] { keep.Str("id"), leaf.Str("id") });

        var response = await app.Admin.DeleteAsync($"/admin/categories/{leaf.Str("id")}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await app.Admin.GetAsync($"/admin/categories/{leaf.Str("id")}")).ShouldBeProblemAsync(404, "not_found");
        var read = await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}");
        Assert.Equal([keep.Str("id")], read.Strings("categoryIds"));
    }

    [Fact]
    public async Task A_category_with_subcategories_is_409_category_has_children_and_stays()
    {
        var root = await app.Given.CategoryAsync();
        var child = await app.Given.CategoryAsync(root.Str("id"));

        var response = await app.Admin.DeleteAsync($"/admin/categories/{root.Str("id")}");

        await response.ShouldBeProblemAsync(409, "category_has_children");
        await app.Admin.ShouldBeUnchangedAsync($"/admin/categories/{root.Str("id")}", root);
        await app.Admin.ShouldBeUnchangedAsync($"/admin/categories/{child.Str("id")}", child);
    }

    [Fact]
    public async Task Once_its_children_are_gone_a_parent_can_be_deleted()
    {
        var root = await app.Given.CategoryAsync();
        var child = await app.Given.CategoryAsync(root.Str("id"));

        var first = await app.Admin.DeleteAsync($"/admin/categories/{child.Str("id")}");
        var second = await app.Admin.DeleteAsync($"/admin/categories/{root.Str("id")}");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_deletes_nothing_and_a_matching_one_deletes()
    {
        var category = await app.Given.CategoryAsync();
        var url = $"/admin/categories/{category.Str("id")}";
        var current = await app.Admin.PatchJsonAsync(url, new { name = "Changed" });

        var stale = await app.Admin.DeleteAsync(url, "\"1\"");
        await stale.ShouldBeProblemAsync(412, "version_conflict");
        await app.Admin.ShouldBeUnchangedAsync(url, current);

        var matching = await app.Admin.DeleteAsync(url, "\"2\"");
        Assert.Equal(HttpStatusCode.NoContent, matching.StatusCode);
    }

    [Fact]
    public async Task An_unknown_id_is_404_not_found()
    {
        var response = await app.Admin.DeleteAsync("/admin/categories/pcat_nope");

        await response.ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class DeleteCategoryOnSqlite(SqliteApp app) : DeleteCategoryTests(app), IClassFixture<SqliteApp>;

public sealed class DeleteCategoryOnPostgres(PostgresApp app) : DeleteCategoryTests(app), IClassFixture<PostgresApp>;
