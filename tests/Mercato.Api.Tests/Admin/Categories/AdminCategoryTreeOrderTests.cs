namespace Mercato.Api.Tests.Admin.Categories;

public abstract class AdminCategoryTreeOrderTests(MercatoApp app)
{
    [Fact]
    public async Task Pages_list_each_subtree_right_after_its_parent()
    {
        // "<root>-sale" sorts between "<root>" and "<root>/child" in raw path order, because '-' sorts before '/'.
        var root = await app.Given.CategoryAsync(handle: Given.Unique("tree"));
        var sale = await app.Given.CategoryAsync(handle: root.Str("handle") + "-sale");
        var child = await app.Given.CategoryAsync(parentId: root.Str("id"), handle: Given.Unique("child"));

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await app.Admin.GetJsonAsync($"/admin/categories?limit=1{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.Arr("items").Select(c => c.Str("id")));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        var mine = seen.Where(id => id == root.Str("id") || id == sale.Str("id") || id == child.Str("id")).ToList();
        Assert.Equal([root.Str("id"), child.Str("id"), sale.Str("id")], mine);
    }
}

public sealed class AdminCategoryTreeOrderOnSqlite(SqliteApp app) : AdminCategoryTreeOrderTests(app), IClassFixture<SqliteApp>;

public sealed class AdminCategoryTreeOrderOnPostgres(PostgresApp app) : AdminCategoryTreeOrderTests(app), IClassFixture<PostgresApp>;
