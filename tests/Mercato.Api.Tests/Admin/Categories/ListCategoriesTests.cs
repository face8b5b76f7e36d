namespace Mercato.Api.Tests.Admin.Categories;

public abstract class ListCategoriesTests(MercatoApp app)
{
    [Fact]
    public async Task The_tree_lists_by_path_with_every_category_after_its_parent()
    {
        var men = await app.Given.CategoryAsync();
        var shirts = await app.Given.CategoryAsync(men.Str("id"));
        var linen = await app.Given.CategoryAsync(shirts.Str("id"));
        var shoes = await app.Given.CategoryAsync(men.Str("id"));
        var women = await app.Given.CategoryAsync();
        var mine = new[] { men, shirts, linen, shoes, women }.Select(c => c.Str("id")).ToHashSet();

        var listed = (await app.Admin.ListAllAsync("/admin/categories", limit: 2)).Where(c => mine.Contains(c.Str("id"))).ToList();

        Assert.Equal(5, listed.Count);
        var positions = listed.Select((c, i) => (c.Str("id"), i)).ToDictionary();
        Assert.All(listed.Where(c => c["parentId"] is not null), c => Assert.True(positions[c.Str("parentId")] < positions[c.Str("id")]));
        Assert.True(JsonNode.DeepEquals(linen, listed.Single(c => c.Str("id") == linen.Str("id"))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task A_subtree_is_listed_whole_before_a_root_whose_handle_extends_its_own(int limit)
    {
        var men = await app.Given.CategoryAsync();
        var shirts = await app.Given.CategoryAsync(men.Str("id"));
        var menShoes = await app.Given.CategoryAsync(handle: men.Str("handle") + "-shoes");
        var mine = new[] { men, shirts, menShoes }.Select(c => c.Str("id")).ToList();

        var listed = (await app.Admin.ListAllAsync("/admin/categories", limit)).Select(c => c.Str("id")).Where(mine.Contains);

        Assert.Equal(mine, listed);
    }

    [Fact]
    public async Task Paging_visits_every_category_once()
    {
        for (var i = 0; i < 5; i++) await app.Given.CategoryAsync();

        var byThree = await app.Admin.ListAllAsync("/admin/categories", limit: 3);
        var whole = await app.Admin.ListAllAsync("/admin/categories", limit: 100);

        Assert.Equal(whole.Select(c => c.Str("id")), byThree.Select(c => c.Str("id")));
        Assert.Equal(byThree.Count, byThree.Select(c => c.Str("id")).Distinct().Count());
    }

    [Theory]
    [InlineData("limit=0", "validation_failed")]
    [InlineData("limit=101", "validation_failed")]
    [InlineData("cursor=garbage", "invalid_cursor")]
    [InlineData("cursor=WyJhIl0", "invalid_cursor")]
    public async Task Bad_paging_parameters_are_400(string query, string code)
    {
        var response = await app.Admin.GetAsync($"/admin/categories?{query}");

        await response.ShouldBeProblemAsync(400, code);
    }
}

public sealed class ListCategoriesOnSqlite(SqliteApp app) : ListCategoriesTests(app), IClassFixture<SqliteApp>;

public sealed class ListCategoriesOnPostgres(PostgresApp app) : ListCategoriesTests(app), IClassFixture<PostgresApp>;
