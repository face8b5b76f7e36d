namespace Mercato.Api.Tests.Admin.Categories;

public abstract class UpdateCategoryTests(MercatoApp app)
{
    private async Task<JsonNode> ReadAsync(JsonNode category) => await app.Admin.GetJsonAsync($"/admin/categories/{category.Str("id")}");

    [Fact]
    public async Task Renaming_changes_the_given_fields_and_bumps_the_version()
    {
        var category = await app.Given.CategoryAsync();

        var response = await app.Admin.PatchAsJsonAsync($"/admin/categories/{category.Str("id")}",
            new { name = " Tops ", description = "Shirts and more", position = 4, isActive = false });

        var updated = await response.ShouldSucceedAsync();
        Assert.Equal("Tops", updated.Str("name"));
        Assert.Equal("Shirts and more", updated.Str("description"));
        Assert.Equal(4, updated.Int("position"));
        Assert.False(updated["isActive"]!.GetValue<bool>());
        Assert.Equal(category.Str("handle"), updated.Str("handle"));
        Assert.Equal(category.Str("path"), updated.Str("path"));
        Assert.Equal(2, updated.Int("version"));
        Assert.Equal("\"2\"", response.ETag());
        Assert.True(JsonNode.DeepEquals(updated, await ReadAsync(category)));
    }

    [Fact]
    public async Task Moving_a_category_rewrites_the_paths_of_its_whole_subtree()
    {
        var men = await app.Given.CategoryAsync();
        var women = await app.Given.CategoryAsync();
        var shirts = await app.Given.CategoryAsync(men.Str("id"));
        var linen = await app.Given.CategoryAsync(shirts.Str("id"));
        var silk = await app.Given.CategoryAsync(linen.Str("id"));
        var sibling = await app.Given.CategoryAsync(men.Str("id"));

        var moved = await app.Admin.PatchJsonAsync($"/admin/categories/{shirts.Str("id")}", new { parentId = women.Str("id") });

        var prefix = $"{women.Str("handle")}/{shirts.Str("handle")}";
        Assert.Equal(women.Str("id"), moved.Str("parentId"));
        Assert.Equal(prefix, moved.Str("path"));
        Assert.Equal($"{prefix}/{linen.Str("handle")}", (await ReadAsync(linen)).Str("path"));
        Assert.Equal($"{prefix}/{linen.Str("handle")}/{silk.Str("handle")}", (await ReadAsync(silk)).Str("path"));
        Assert.Equal(linen.Str("parentId"), (await ReadAsync(linen)).Str("parentId"));
        await app.Admin.ShouldBeUnchangedAsync($"/admin/categories/{sibling.Str("id")}", sibling);
        await app.Admin.ShouldBeUnchangedAsync($"/admin/categories/{men.Str("id")}", men);
    }

    [Fact]
    public async Task A_new_handle_rewrites_the_paths_of_the_subtree()
    {
        var root = await app.Given.CategoryAsync();
        var child = await app.Given.CategoryAsync(root.Str("id"));
        var handle = Given.Unique("renamed");

        var updated = await app.Admin.PatchJsonAsync($"/admin/categories/{root.Str("id")}", new { handle });

        Assert.Equal(handle, updated.Str("path"));
        Assert.Equal($"{handle}/{child.Str("handle")}", (await ReadAsync(child)).Str("path"));
    }

    [Fact]
    public async Task Move_to_root_makes_a_root_and_rewrites_the_subtree()
    {
        var root = await app.Given.CategoryAsync();
        var child = await app.Given.CategoryAsync(root.Str("id"));
        var grandchild = await app.Given.CategoryAsync(child.Str("id"));

        var moved = await app.Admin.PatchJsonAsync($"/admin/categories/{child.Str("id")}", new { moveToRoot = true });

        Assert.Null(moved["parentId"]);
        Assert.Equal(child.Str("handle"), moved.Str("path"));
        Assert.Equal($"{child.Str("handle")}/{grandchild.Str("handle")}", (await ReadAsync(grandchild)).Str("path"));
    }

    [Fact]
    public async Task Moving_a_category_under_itself_or_a_descendant_is_409_category_cycle_and_changes_nothing()
    {
        var root = await app.Given.CategoryAsync();
        var child = await app.Given.CategoryAsync(root.Str("id"));
        var grandchild = await app.Given.CategoryAsync(child.Str("id"));
        var url = $"/admin/categories/{root.Str("id")}";

        var underSelf = await app.Admin.PatchAsJsonAsync(url, new { parentId = root.Str("id") });
        var underChild = await app.Admin.PatchAsJsonAsync(url, new { parentId = child.Str("id"), name = "Loop" });
        var underGrandchild = await app.Admin.PatchAsJsonAsync(url, new { parentId = grandchild.Str("id") });

        await underSelf.ShouldBeProblemAsync(409, "category_cycle");
        await underChild.ShouldBeProblemAsync(409, "category_cycle");
        await underGrandchild.ShouldBeProblemAsync(409, "category_cycle");
        await app.Admin.ShouldBeUnchangedAsync(url, root);
        await app.Admin.ShouldBeUnchangedAsync($"/admin/categories/{child.Str("id")}", child);
        await app.Admin.ShouldBeUnchangedAsync($"/admin/categories/{grandchild.Str("id")}", grandchild);
    }

    [Fact]
    public async Task A_category_may_move_under_one_whose_handle_starts_with_its_own()
    {
        var root = await app.Given.CategoryAsync();
        var lookalike = await app.Given.CategoryAsync(handle: root.Str("handle") + "-more");

        var moved = await app.Admin.PatchJsonAsync($"/admin/categories/{root.Str("id")}", new { parentId = lookalike.Str("id") });

        Assert.Equal($"{lookalike.Str("handle")}/{root.Str("handle")}", moved.Str("path"));
    }

    [Fact]
    public async Task A_move_that_would_make_a_descendant_path_pass_2000_characters_is_400_and_changes_nothing()
    {
        JsonNode? deep = null;
        for (var depth = 0; depth < 6; depth++) deep = await app.Given.CategoryAsync(deep?.Str("id"), CreateCategoryTests.LongHandle());
        var subtree = await app.Given.CategoryAsync(handle: CreateCategoryTests.LongHandle());
        var child = await app.Given.CategoryAsync(subtree.Str("id"), CreateCategoryTests.LongHandle());
        var grandchild = await app.Given.CategoryAsync(child.Str("id"), CreateCategoryTests.LongHandle());
        var leaf = await app.Given.CategoryAsync(grandchild.Str("id"), CreateCategoryTests.LongHandle());
        var url = $"/admin/categories/{subtree.Str("id")}";

        var response = await app.Admin.PatchAsJsonAsync(url, new { parentId = deep.Str("id") });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal(["parentId"], problem.ErrorFields());
        await app.Admin.ShouldBeUnchangedAsync(url, subtree);
        await app.Admin.ShouldBeUnchangedAsync($"/admin/categories/{leaf.Str("id")}", leaf);
    }

    [Fact]
    public async Task A_taken_handle_is_409_handle_taken_and_changes_nothing()
    {
        var other = await app.Given.CategoryAsync();
        var category = await app.Given.CategoryAsync();
        var url = $"/admin/categories/{category.Str("id")}";

        var response = await app.Admin.PatchAsJsonAsync(url, new { handle = other.Str("handle"), name = "x" });

        await response.ShouldBeProblemAsync(409, "handle_taken");
        await app.Admin.ShouldBeUnchangedAsync(url, category);
    }

    [Theory]
    [InlineData("blank name", "name")]
    [InlineData("bad handle", "handle")]
    [InlineData("unknown parent", "parentId")]
    [InlineData("parent and move to root", "parentId")]
    [InlineData("position too large", "position")]
    public async Task Invalid_input_is_400_validation_failed_and_changes_nothing(string change, string field)
    {
        var parent = await app.Given.CategoryAsync();
        var category = await app.Given.CategoryAsync(parent.Str("id"));
        var url = $"/admin/categories/{category.Str("id")}";
        object body = change switch
        {
            "blank name" => new { name = " " },
            "bad handle" => new { handle = "Bad Handle" },
            "unknown parent" => new { parentId = "pcat_nope" },
            "parent and move to root" => new { parentId = parent.Str("id"), moveToRoot = true },
            "position too large" => new { position = 1_000_001 },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        var response = await app.Admin.PatchAsJsonAsync(url, body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
        await app.Admin.ShouldBeUnchangedAsync(url, category);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing_and_a_matching_one_is_200()
    {
        var category = await app.Given.CategoryAsync();
        var url = $"/admin/categories/{category.Str("id")}";

        var matching = await app.Admin.PatchAsJsonAsync(url, new { name = "First" }, "\"1\"");
        var current = await matching.ShouldSucceedAsync();
        var stale = await app.Admin.PatchAsJsonAsync(url, new { name = "Second", moveToRoot = true }, "\"1\"");

        Assert.Equal(2, current.Int("version"));
        await stale.ShouldBeProblemAsync(412, "version_conflict");
        await app.Admin.ShouldBeUnchangedAsync(url, current);
    }

    [Fact]
    public async Task An_unknown_id_is_404_not_found()
    {
        var response = await app.Admin.PatchAsJsonAsync("/admin/categories/pcat_nope", new { name = "x" });

        await response.ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class UpdateCategoryOnSqlite(SqliteApp app) : UpdateCategoryTests(app), IClassFixture<SqliteApp>;

public sealed class UpdateCategoryOnPostgres(PostgresApp app) : UpdateCategoryTests(app), IClassFixture<PostgresApp>;
