namespace Mercato.Api.Tests.Admin.Attributes;

/// <summary>The /admin/attributes resource: typed definitions, and how they guard the values products hold.</summary>
public abstract class AttributeTests(MercatoApp app)
{
    [Theory]
    [InlineData("text")]
    [InlineData("number")]
    [InlineData("boolean")]
    public async Task Creating_a_plain_attribute_is_201_with_id_version_etag_and_location(string type)
    {
        var key = "k" + Guid.NewGuid().ToString("N")[..10];

        var response = await app.Admin.PostAsJsonAsync("/admin/attributes", new { key, name = " Material ", type });

        var attribute = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("attr_", attribute.Str("id"));
        Assert.Equal($"/admin/attributes/{attribute.Str("id")}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(1, attribute.Int("version"));
        Assert.EndsWith("Z", attribute.Str("createdAt"), StringComparison.Ordinal);
        Assert.Equal(key, attribute.Str("key"));
        Assert.Equal("Material", attribute.Str("name"));
        Assert.Equal(type, attribute.Str("type"));
        Assert.Empty(attribute.Arr("values"));
        Assert.True(attribute["filterable"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(attribute, await app.Admin.GetJsonAsync($"/admin/attributes/{attribute.Str("id")}")));
    }

    [Fact]
    public async Task An_enum_attribute_keeps_its_values_in_order()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/attributes",
            new { key = "fit" + Guid.NewGuid().ToString("N")[..8], name = "Fit", type = "enum", values = new[] { "slim", "regular", "loose" }, filterable = false });

        var attribute = await response.ShouldSucceedAsync();
        Assert.Equal("enum", attribute.Str("type"));
        Assert.Equal(["slim", "regular", "loose"], attribute.Strings("values"));
        Assert.False(attribute["filterable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_taken_key_is_409_attribute_key_taken()
    {
        var first = await app.AttributeAsync("text");

        var response = await app.Admin.PostAsJsonAsync("/admin/attributes", new { key = first.Str("key"), name = "Again", type = "number" });

        await response.ShouldBeProblemAsync(409, "attribute_key_taken");
        await app.Admin.ShouldBeUnchangedAsync($"/admin/attributes/{first.Str("id")}", first);
    }

    [Theory]
    [InlineData("missing key", "key")]
    [InlineData("key with a hyphen", "key")]
    [InlineData("key starting with a digit", "key")]
    [InlineData("key over 64 characters", "key")]
    [InlineData("missing name", "name")]
    [InlineData("enum without values", "values")]
    [InlineData("enum with duplicate values", "values")]
    [InlineData("enum with a blank value", "values")]
    [InlineData("text with values", "values")]
    [InlineData("missing type", "type")]
    public async Task Invalid_input_is_400_validation_failed_and_creates_nothing(string change, string field)
    {
        var key = "bad" + Guid.NewGuid().ToString("N")[..10];
        var body = new Dictionary<string, object?> { ["key"] = key, ["name"] = "Bad", ["type"] = "enum", ["values"] = new[] { "a", "b" } };
        switch (change)
        {
            case "missing key": body.Remove("key"); break;
            case "key with a hyphen": body["key"] = key + "-x"; break;
            case "key starting with a digit": body["key"] = "1" + key; break;
            case "key over 64 characters": body["key"] = key + new string('x', 60); break;
            case "missing name": body.Remove("name"); break;
            case "enum without values": body.Remove("values"); break;
            case "enum with duplicate values": body["values"] = new[] { "a", "a" }; break;
            case "enum with a blank value": body["values"] = new[] { "a", " " }; break;
            case "text with values": body["type"] = "text"; break;
            case "missing type": body.Remove("type"); body.Remove("values"); break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        var response = await app.Admin.PostAsJsonAsync("/admin/attributes", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Contains(field, problem.ErrorFields());
        Assert.DoesNotContain(await app.Admin.ListAllAsync("/admin/attributes"), a => a.Str("key").Contains(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "key": "color", "name": "Color", "type": "colour" }""", "malformed_request")]
    [InlineData("""{ "key": "color", "name": "Color", "type": "enum", "values": ["red"], "version": 3 }""", "unknown_field")]
    public async Task A_malformed_body_is_400(string json, string code)
    {
        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/attributes", json);

        await response.ShouldBeProblemAsync(400, code);
    }

    [Fact]
    public async Task Enum_values_can_be_added_and_unused_ones_removed()
    {
        var attribute = await app.AttributeAsync("enum", ["red", "green"]);
        var url = $"/admin/attributes/{attribute.Str("id")}";
        await app.Given.ProductAsync(b => b["attributes"] = new Dictionary<string, object> { [attribute.Str("key")] = "red" });

        var response = await app.Admin.PatchAsJsonAsync(url, new { values = new[] { "red", "blue" }, name = "Colour" }, "\"1\"");

        var updated = await response.ShouldSucceedAsync();
        Assert.Equal(["red", "blue"], updated.Strings("values"));
        Assert.Equal("Colour", updated.Str("name"));
        Assert.Equal(2, updated.Int("version"));
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal(attribute.Str("key"), updated.Str("key"));
        Assert.Equal("enum", updated.Str("type"));
    }

    [Fact]
    public async Task Removing_an_enum_value_in_use_is_409_attribute_value_in_use_and_changes_nothing()
    {
        var attribute = await app.AttributeAsync("enum", ["red", "green"]);
        var url = $"/admin/attributes/{attribute.Str("id")}";
        var product = await app.Given.ProductAsync(b => b["attributes"] = new Dictionary<string, object> { [attribute.Str("key")] = "green" });

        var response = await app.Admin.PatchAsJsonAsync(url, new { values = new[] { "red" }, name = "Renamed" });

        await response.ShouldBeProblemAsync(409, "attribute_value_in_use");
        await app.Admin.ShouldBeUnchangedAsync(url, attribute);
        await app.Admin.ShouldBeUnchangedAsync($"/admin/products/{product.Str("id")}", product);
    }

    [Fact]
    public async Task A_value_used_by_another_attribute_does_not_block_removal()
    {
        var colour = await app.AttributeAsync("enum", ["red", "green"]);
        var other = await app.AttributeAsync("enum", ["green"]);
        await app.Given.ProductAsync(b => b["attributes"] = new Dictionary<string, object> { [other.Str("key")] = "green" });

        var updated = await app.Admin.PatchJsonAsync($"/admin/attributes/{colour.Str("id")}", new { values = new[] { "red" } });

        Assert.Equal(["red"], updated.Strings("values"));
    }

    [Theory]
    [InlineData("blank name", "name")]
    [InlineData("no values", "values")]
    [InlineData("duplicate values", "values")]
    public async Task Invalid_updates_are_400_validation_failed_and_change_nothing(string change, string field)
    {
        var attribute = await app.AttributeAsync("enum", ["a", "b"]);
        var url = $"/admin/attributes/{attribute.Str("id")}";
        object body = change switch
        {
            "blank name" => new { name = "" },
            "no values" => new { values = Array.Empty<string>() },
            "duplicate values" => new { values = new[] { "a", "a" } },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        var response = await app.Admin.PatchAsJsonAsync(url, body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
        await app.Admin.ShouldBeUnchangedAsync(url, attribute);
    }

    [Fact]
    public async Task Values_cannot_be_given_to_a_text_attribute()
    {
        var attribute = await app.AttributeAsync("text");
        var url = $"/admin/attributes/{attribute.Str("id")}";

        var response = await app.Admin.PatchAsJsonAsync(url, new { values = new[] { "x" } });

        await response.ShouldBeProblemAsync(400, "validation_failed");
        await app.Admin.ShouldBeUnchangedAsync(url, attribute);
    }

    [Fact]
    public async Task The_key_and_type_cannot_be_changed()
    {
        var attribute = await app.AttributeAsync("text");
        var url = $"/admin/attributes/{attribute.Str("id")}";

        var response = await app.Admin.SendRawAsync(HttpMethod.Patch, url, """{ "type": "number" }""");

        await response.ShouldBeProblemAsync(400, "unknown_field");
        await app.Admin.ShouldBeUnchangedAsync(url, attribute);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_on_update_and_delete_and_changes_nothing()
    {
        var attribute = await app.AttributeAsync("text");
        var url = $"/admin/attributes/{attribute.Str("id")}";
        var current = await app.Admin.PatchJsonAsync(url, new { name = "Changed" });

        var update = await app.Admin.PatchAsJsonAsync(url, new { name = "Mine" }, "\"1\"");
        var delete = await app.Admin.DeleteAsync(url, "\"1\"");

        await update.ShouldBeProblemAsync(412, "version_conflict");
        await delete.ShouldBeProblemAsync(412, "version_conflict");
        await app.Admin.ShouldBeUnchangedAsync(url, current);
    }

    [Fact]
    public async Task Deleting_an_attribute_is_204_and_removes_its_values_from_products()
    {
        var gone = await app.AttributeAsync("number");
        var keep = await app.AttributeAsync("boolean");
        var product = await app.Given.ProductAsync(b => b["attributes"] = new Dictionary<string, object>
        {
            [gone.Str("key")] = 12.5, [keep.Str("key")] = true,
        });

        var response = await app.Admin.DeleteAsync($"/admin/attributes/{gone.Str("id")}", "\"1\"");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await app.Admin.GetAsync($"/admin/attributes/{gone.Str("id")}")).ShouldBeProblemAsync(404, "not_found");
        var read = await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}");
        Assert.Equal([keep.Str("key")], read["attributes"]!.AsObject().Select(a => a.Key));
    }

    [Fact]
    public async Task The_list_is_ordered_by_key_and_pages_without_gaps()
    {
        for (var i = 0; i < 4; i++) await app.AttributeAsync("text");

        var byThree = await app.Admin.ListAllAsync("/admin/attributes", limit: 3);
        var whole = await app.Admin.ListAllAsync("/admin/attributes");

        Assert.Equal(whole.Select(a => a.Str("id")), byThree.Select(a => a.Str("id")));
        Assert.Equal(byThree.Select(a => a.Str("key")).Order(StringComparer.Ordinal), byThree.Select(a => a.Str("key")));
        Assert.True(byThree.Count >= 4);
    }

    [Theory]
    [InlineData("limit=0", "validation_failed")]
    [InlineData("limit=101", "validation_failed")]
    [InlineData("cursor=nonsense", "invalid_cursor")]
    public async Task Bad_paging_parameters_are_400(string query, string code)
    {
        var response = await app.Admin.GetAsync($"/admin/attributes?{query}");

        await response.ShouldBeProblemAsync(400, code);
    }

    [Fact]
    public async Task Unknown_ids_are_404_not_found()
    {
        await (await app.Admin.GetAsync("/admin/attributes/attr_nope")).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.PatchAsJsonAsync("/admin/attributes/attr_nope", new { name = "x" })).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.DeleteAsync("/admin/attributes/attr_nope")).ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class AttributeOnSqlite(SqliteApp app) : AttributeTests(app), IClassFixture<SqliteApp>;

public sealed class AttributeOnPostgres(PostgresApp app) : AttributeTests(app), IClassFixture<PostgresApp>;
