namespace Mercato.Api.Tests.Store.Categories;

public abstract class ListStoreCategoriesTests(MercatoApp app)
{
    [Fact]
    public async Task Categories_come_in_tree_order_with_their_paths()
    {
        var root = await app.Given.CategoryAsync(handle: Given.Unique("tree"));
        var child = await app.Given.CategoryAsync(root.Str("id"), handle: "b" + Guid.NewGuid().ToString("N")[..8]);
        var grandchild = await app.Given.CategoryAsync(child.Str("id"));
        var secondChild = await app.Given.CategoryAsync(root.Str("id"), handle: "a" + Guid.NewGuid().ToString("N")[..8]);

        var mine = await MineAsync(root, child, grandchild, secondChild);

        Assert.Equal([root.Str("id"), secondChild.Str("id"), child.Str("id"), grandchild.Str("id")], mine.Select(c => c.Str("id")));
        var listedGrandchild = mine[3];
        Assert.Equal($"{root.Str("handle")}/{child.Str("handle")}/{grandchild.Str("handle")}", listedGrandchild.Str("path"));
        Assert.Equal(child.Str("id"), listedGrandchild.Str("parentId"));
        Assert.Equal(grandchild.Str("handle"), listedGrandchild.Str("handle"));
        Assert.Equal("Category", listedGrandchild.Str("name"));
        Assert.Null(mine[0]!["parentId"]);
    }

    [Fact]
    public async Task A_child_follows_its_parent_even_when_a_sibling_handle_extends_the_parents()
    {
        var handle = Given.Unique("coats");
        var parent = await app.Given.CategoryAsync(handle: handle);
        var sibling = await app.Given.CategoryAsync(handle: handle + "-sale");
        var child = await app.Given.CategoryAsync(parent.Str("id"));

        var mine = await MineAsync(parent, sibling, child);

        Assert.Equal([parent.Str("id"), child.Str("id"), sibling.Str("id")], mine.Select(c => c.Str("id")));
    }

    [Fact]
    public async Task An_inactive_category_hides_its_whole_subtree()
    {
        var root = await app.Given.CategoryAsync();
        var hidden = await app.Given.CategoryAsync(root.Str("id"));
        var hiddenChild = await app.Given.CategoryAsync(hidden.Str("id"));
        var hiddenGrandchild = await app.Given.CategoryAsync(hiddenChild.Str("id"));
        var visible = await app.Given.CategoryAsync(root.Str("id"));
        await app.Admin.PatchJsonAsync($"/admin/categories/{hidden.Str("id")}", new { isActive = false });

        var mine = await MineAsync(root, hidden, hiddenChild, hiddenGrandchild, visible);

        Assert.Equal([root.Str("id"), visible.Str("id")], mine.Select(c => c.Str("id")));
    }

    [Fact]
    public async Task The_list_is_cacheable_and_changes_its_etag_when_a_category_is_added()
    {
        var first = await app.Store.GetAsync("/store/categories");
        await first.ShouldSucceedAsync();
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Headers.CacheControl?.MaxAge);
        Assert.Null((await first.ShouldSucceedAsync())["nextCursor"]);

        await app.Given.CategoryAsync();
        var second = await app.Store.GetAsync("/store/categories");

        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
    }

    /// <summary>This test's categories, in the order the store lists them; other tests' categories share the database.</summary>
    private async Task<List<JsonNode>> MineAsync(params JsonNode[] categories)
    {
        var ids = categories.Select(c => c.Str("id")).ToHashSet();
        var list = await app.Store.GetJsonAsync("/store/categories");
        return [.. list.Arr("items").Where(c => ids.Contains(c.Str("id"))).Select(c => c!)];
    }
}

public sealed class ListStoreCategoriesOnSqlite(SqliteApp app) : ListStoreCategoriesTests(app), IClassFixture<SqliteApp>;

public sealed class ListStoreCategoriesOnPostgres(PostgresApp app) : ListStoreCategoriesTests(app), IClassFixture<PostgresApp>;
