namespace Mercato.Api.Tests.Admin.Collections;

/// <summary>The whole /admin/collections resource: it is small enough for one class.</summary>
public abstract class CollectionTests(MercatoApp app)
{
    [Fact]
    public async Task Creating_a_collection_is_201_with_id_version_etag_and_location()
    {
        var handle = Given.Unique("summer");

        var response = await app.Admin.PostAsJsonAsync("/admin/collections", new { title = " Summer ", handle, description = "Hot" });

        var collection = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("pcol_", collection.Str("id"));
        Assert.Equal($"/admin/collections/{collection.Str("id")}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(1, collection.Int("version"));
        Assert.EndsWith("Z", collection.Str("createdAt"), StringComparison.Ordinal);
        Assert.Equal("Summer", collection.Str("title"));
        Assert.Equal(handle, collection.Str("handle"));
        Assert.Equal("Hot", collection.Str("description"));
        var read = await app.Admin.GetAsync($"/admin/collections/{collection.Str("id")}");
        Assert.True(JsonNode.DeepEquals(collection, await read.ShouldSucceedAsync()));
        Assert.Equal("\"1\"", read.ETag());
    }

    [Fact]
    public async Task Without_a_handle_the_title_gives_one()
    {
        var word = Guid.NewGuid().ToString("N")[..8];

        var collection = await app.Admin.PostJsonAsync("/admin/collections", new { title = $"Gifts under 50 {word}" });

        Assert.Equal($"gifts-under-50-{word}", collection.Str("handle"));
    }

    [Fact]
    public async Task A_taken_handle_is_409_handle_taken_on_create_and_update()
    {
        var first = await app.Given.CollectionAsync();
        var second = await app.Given.CollectionAsync();
        var url = $"/admin/collections/{second.Str("id")}";

        var create = await app.Admin.PostAsJsonAsync("/admin/collections", new { title = "Again", handle = first.Str("handle") });
        var update = await app.Admin.PatchAsJsonAsync(url, new { handle = first.Str("handle"), title = "Again" });

        await create.ShouldBeProblemAsync(409, "handle_taken");
        await update.ShouldBeProblemAsync(409, "handle_taken");
        await app.Admin.ShouldBeUnchangedAsync(url, second);
        Assert.Single(await app.Admin.ListAllAsync("/admin/collections"), c => c.Str("handle") == first.Str("handle"));
    }

    [Fact]
    public async Task Of_concurrent_creations_with_one_handle_one_wins_and_the_others_are_409_handle_taken()
    {
        var handle = Given.Unique("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.Admin.PostAsJsonAsync("/admin/collections", new { title = "Race", handle })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created)) await loser.ShouldBeProblemAsync(409, "handle_taken");
    }

    [Theory]
    [InlineData("missing title", "title")]
    [InlineData("title over 200 characters", "title")]
    [InlineData("handle with bad characters", "handle")]
    [InlineData("description over 20000 characters", "description")]
    public async Task Invalid_input_on_create_is_400_validation_failed_and_creates_nothing(string change, string field)
    {
        var handle = Given.Unique("bad");
        var body = new Dictionary<string, object?> { ["title"] = "Bad", ["handle"] = handle };
        switch (change)
        {
            case "missing title": body.Remove("title"); break;
            case "title over 200 characters": body["title"] = new string('t', 201); break;
            case "handle with bad characters": body["handle"] = handle + "--x"; break;
            case "description over 20000 characters": body["description"] = new string('d', 20_001); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        var response = await app.Admin.PostAsJsonAsync("/admin/collections", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
        Assert.DoesNotContain(await app.Admin.ListAllAsync("/admin/collections"), c => c.Str("handle").StartsWith(handle, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patch_changes_the_given_fields_and_bumps_the_version()
    {
        var collection = await app.Given.CollectionAsync();
        var url = $"/admin/collections/{collection.Str("id")}";
        var handle = Given.Unique("renamed");

        var response = await app.Admin.PatchAsJsonAsync(url, new { title = "Renamed", handle }, "\"1\"");

        var updated = await response.ShouldSucceedAsync();
        Assert.Equal("Renamed", updated.Str("title"));
        Assert.Equal(handle, updated.Str("handle"));
        Assert.Equal(2, updated.Int("version"));
        Assert.Equal("\"2\"", response.ETag());
        Assert.True(JsonNode.DeepEquals(updated, await app.Admin.GetJsonAsync(url)));
    }

    [Theory]
    [InlineData("blank title", "title")]
    [InlineData("bad handle", "handle")]
    [InlineData("description over 20000 characters", "description")]
    public async Task Invalid_input_on_update_is_400_validation_failed_and_changes_nothing(string change, string field)
    {
        var collection = await app.Given.CollectionAsync();
        var url = $"/admin/collections/{collection.Str("id")}";
        object body = change switch
        {
            "blank title" => new { title = "" },
            "bad handle" => new { handle = "-x" },
            "description over 20000 characters" => new { description = new string('d', 20_001) },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        var response = await app.Admin.PatchAsJsonAsync(url, body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
        await app.Admin.ShouldBeUnchangedAsync(url, collection);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_on_update_and_delete_and_changes_nothing()
    {
        var collection = await app.Given.CollectionAsync();
        var url = $"/admin/collections/{collection.Str("id")}";
        var current = await app.Admin.PatchJsonAsync(url, new { title = "Changed" });

        var update = await app.Admin.PatchAsJsonAsync(url, new { title = "Mine" }, "\"1\"");
        var delete = await app.Admin.DeleteAsync(url, "\"1\"");

        await update.ShouldBeProblemAsync(412, "version_conflict");
        await delete.ShouldBeProblemAsync(412, "version_conflict");
        await app.Admin.ShouldBeUnchangedAsync(url, current);
    }

    [Fact]
    public async Task Deleting_a_collection_is_204_and_its_products_stay_without_it()
    {
        var keep = await app.Given.CollectionAsync();
        var gone = await app.Given.CollectionAsync();
        var product = await app.Given.ProductAsync(b => b["collectionIds"] = new[] { keep.Str("id"), gone.Str("id") });

        var response = await app.Admin.DeleteAsync($"/admin/collections/{gone.Str("id")}", "\"1\"");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await app.Admin.GetAsync($"/admin/collections/{gone.Str("id")}")).ShouldBeProblemAsync(404, "not_found");
        Assert.Equal([keep.Str("id")], (await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}")).Strings("collectionIds"));
    }

    [Fact]
    public async Task The_list_is_ordered_by_handle_and_pages_without_gaps()
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var handles = new[] { "c", "a", "e", "b", "d" }.Select(x => $"{prefix}-{x}").ToArray();
        foreach (var handle in handles) await app.Given.CollectionAsync(handle);

        var byTwo = await app.Admin.ListAllAsync("/admin/collections", limit: 2);

        Assert.Equal(handles.Order(StringComparer.Ordinal), byTwo.Select(c => c.Str("handle")).Where(h => h.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal(byTwo.Select(c => c.Str("handle")).Order(StringComparer.Ordinal), byTwo.Select(c => c.Str("handle")));
        Assert.Equal(byTwo.Count, byTwo.Select(c => c.Str("id")).Distinct().Count());
    }

    [Theory]
    [InlineData("limit=0", "validation_failed")]
    [InlineData("limit=101", "validation_failed")]
    [InlineData("cursor=%25%25", "invalid_cursor")]
    public async Task Bad_paging_parameters_are_400(string query, string code)
    {
        var response = await app.Admin.GetAsync($"/admin/collections?{query}");

        await response.ShouldBeProblemAsync(400, code);
    }

    [Fact]
    public async Task Unknown_ids_are_404_not_found()
    {
        await (await app.Admin.GetAsync("/admin/collections/pcol_nope")).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.PatchAsJsonAsync("/admin/collections/pcol_nope", new { title = "x" })).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.DeleteAsync("/admin/collections/pcol_nope")).ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class CollectionOnSqlite(SqliteApp app) : CollectionTests(app), IClassFixture<SqliteApp>;

public sealed class CollectionOnPostgres(PostgresApp app) : CollectionTests(app), IClassFixture<PostgresApp>;
