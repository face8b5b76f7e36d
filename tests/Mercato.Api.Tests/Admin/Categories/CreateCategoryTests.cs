namespace Mercato.Api.Tests.Admin.Categories;

public abstract class CreateCategoryTests(MercatoApp app)
{
    [Fact]
    public async Task A_root_category_is_201_with_its_handle_as_path()
    {
        var handle = Given.Unique("men");

        var response = await app.Admin.PostAsJsonAsync("/admin/categories",
            new { name = " Men ", handle, description = "All for men", position = 3, isActive = false });

        var category = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("pcat_", category.Str("id"));
        Assert.Equal($"/admin/categories/{category.Str("id")}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(1, category.Int("version"));
        Assert.EndsWith("Z", category.Str("createdAt"), StringComparison.Ordinal);
        Assert.Equal("Men", category.Str("name"));
        Assert.Equal(handle, category.Str("handle"));
        Assert.Equal(handle, category.Str("path"));
        Assert.Equal("All for men", category.Str("description"));
        Assert.Null(category["parentId"]);
        Assert.Equal(3, category.Int("position"));
        Assert.False(category["isActive"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(category, await app.Admin.GetJsonAsync($"/admin/categories/{category.Str("id")}")));
    }

    [Fact]
    public async Task A_child_category_extends_its_parents_path()
    {
        var root = await app.Given.CategoryAsync();
        var child = await app.Given.CategoryAsync(root.Str("id"));

        var grandchild = await app.Given.CategoryAsync(child.Str("id"));

        Assert.Equal(root.Str("id"), child.Str("parentId"));
        Assert.Equal($"{root.Str("handle")}/{child.Str("handle")}", child.Str("path"));
        Assert.Equal($"{root.Str("handle")}/{child.Str("handle")}/{grandchild.Str("handle")}", grandchild.Str("path"));
        Assert.True(grandchild["isActive"]!.GetValue<bool>());
        Assert.Equal(0, grandchild.Int("position"));
    }

    [Fact]
    public async Task Without_a_handle_the_name_gives_one()
    {
        var word = Guid.NewGuid().ToString("N")[..8];

        var category = await app.Admin.PostJsonAsync("/admin/categories", new { name = $"Shoes & Boots {word}" });

        Assert.Equal($"shoes-boots-{word}", category.Str("handle"));
    }

    [Fact]
    public async Task A_taken_handle_is_409_handle_taken_and_creates_nothing()
    {
        var parent = await app.Given.CategoryAsync();
        var first = await app.Given.CategoryAsync();

        var response = await app.Admin.PostAsJsonAsync("/admin/categories", new { name = "Again", handle = first.Str("handle"), parentId = parent.Str("id") });

        await response.ShouldBeProblemAsync(409, "handle_taken");
        Assert.DoesNotContain(await app.Admin.ListAllAsync("/admin/categories"), c => c["parentId"]?.GetValue<string>() == parent.Str("id"));
    }

    [Theory]
    [InlineData("missing name", "name")]
    [InlineData("name over 200 characters", "name")]
    [InlineData("handle with bad characters", "handle")]
    [InlineData("handle with a slash", "handle")]
    [InlineData("description over 20000 characters", "description")]
    [InlineData("negative position", "position")]
    [InlineData("unknown parent", "parentId")]
    public async Task Invalid_input_is_400_validation_failed_and_creates_nothing(string change, string field)
    {
        var handle = Given.Unique("bad");
        var body = new Dictionary<string, object?> { ["name"] = "Bad", ["handle"] = handle };
        switch (change)
        {
            case "missing name": body.Remove("name"); break;
            case "name over 200 characters": body["name"] = new string('n', 201); break;
            case "handle with bad characters": body["handle"] = handle + "_X"; break;
            case "handle with a slash": body["handle"] = handle + "/x"; break;
            case "description over 20000 characters": body["description"] = new string('d', 20_001); break;
            case "negative position": body["position"] = -1; break;
            case "unknown parent": body["parentId"] = "pcat_nope"; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        var response = await app.Admin.PostAsJsonAsync("/admin/categories", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
        Assert.DoesNotContain(await app.Admin.ListAllAsync("/admin/categories"), c => c.Str("handle").StartsWith(handle, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_category_whose_path_would_pass_2000_characters_is_400_and_creates_nothing()
    {
        JsonNode? parent = null;
        for (var depth = 0; depth < 9; depth++) parent = await app.Given.CategoryAsync(parent?.Str("id"), LongHandle());
        Assert.Equal(1808, parent.Str("path").Length);
        var handle = LongHandle();

        var response = await app.Admin.PostAsJsonAsync("/admin/categories", new { name = "Too deep", handle, parentId = parent.Str("id") });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal(["parentId"], problem.ErrorFields());
        Assert.DoesNotContain(await app.Admin.ListAllAsync("/admin/categories"), c => c.Str("handle") == handle);
    }

    /// <summary>A unique handle of the maximum 200 characters.</summary>
    internal static string LongHandle() => Given.Unique(new string('h', 189));

    [Fact]
    public async Task An_unknown_id_is_404_not_found()
    {
        var response = await app.Admin.GetAsync("/admin/categories/pcat_nope");

        await response.ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class CreateCategoryOnSqlite(SqliteApp app) : CreateCategoryTests(app), IClassFixture<SqliteApp>;

public sealed class CreateCategoryOnPostgres(PostgresApp app) : CreateCategoryTests(app), IClassFixture<PostgresApp>;
