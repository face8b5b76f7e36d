namespace Mercato.Api.Tests.Admin.Products;

public abstract class UpdateProductTests(MercatoApp app)
{
    [Fact]
    public async Task A_patch_changes_the_given_fields_keeps_the_others_and_bumps_the_version()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.PatchAsJsonAsync(url, new { title = "  New title ", description = "New text", status = "archived", subtitle = "Sub" });

        var updated = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("New title", updated.Str("title"));
        Assert.Equal("New text", updated.Str("description"));
        Assert.Equal("archived", updated.Str("status"));
        Assert.Equal("Sub", updated.Str("subtitle"));
        Assert.Equal(product.Str("handle"), updated.Str("handle"));
        Assert.True(JsonNode.DeepEquals(product["variants"], updated["variants"]));
        Assert.True(JsonNode.DeepEquals(product["options"], updated["options"]));
        Assert.Equal(product.Strings("tags"), updated.Strings("tags"));
        Assert.Equal([app.ChannelId], updated.Strings("salesChannelIds"));
        Assert.Equal(2, updated.Int("version"));
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal(product.Str("createdAt"), updated.Str("createdAt"));
        Assert.True(DateTimeOffset.Parse(updated.Str("updatedAt")) > DateTimeOffset.Parse(product.Str("updatedAt")));
        Assert.True(JsonNode.DeepEquals(updated, await app.Admin.GetJsonAsync(url)));
    }

    [Fact]
    public async Task A_matching_if_match_is_200_and_every_write_bumps_the_version()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var first = await app.Admin.PatchAsJsonAsync(url, new { title = "One" }, "\"1\"");
        var second = await app.Admin.PatchAsJsonAsync(url, new { title = "Two" }, "\"2\"");

        Assert.Equal(2, (await first.ShouldSucceedAsync()).Int("version"));
        Assert.Equal(3, (await second.ShouldSucceedAsync()).Int("version"));
        Assert.Equal("\"3\"", second.ETag());
    }

    [Fact]
    public async Task A_stale_if_match_is_412_version_conflict_and_changes_nothing()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";
        await app.Admin.PatchJsonAsync(url, new { title = "Changed by someone else" });
        var before = await app.Admin.GetJsonAsync(url);

        var response = await app.Admin.PatchAsJsonAsync(url, new { title = "Mine", tags = new[] { "mine" } }, "\"1\"");

        var problem = await response.ShouldBeProblemAsync(412, "version_conflict");
        Assert.Contains("2", problem.Str("detail"));
        await app.Admin.ShouldBeUnchangedAsync(url, before);
    }

    [Fact]
    public async Task Of_concurrent_writers_with_the_same_if_match_exactly_one_wins()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            app.Admin.PatchAsJsonAsync(url, new { title = $"Writer {i}", tags = new[] { $"w{i}" } }, "\"1\"")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK)) await loser.ShouldBeProblemAsync(412, "version_conflict");
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ShouldSucceedAsync();
        Assert.Equal(2, winner.Int("version"));
        await app.Admin.ShouldBeUnchangedAsync(url, winner);
    }

    [Fact]
    public async Task A_weak_if_match_never_matches()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.SendJsonAsync(HttpMethod.Patch, url, new { title = "Weak" }, ifMatch: "W/\"1\"");

        await response.ShouldBeProblemAsync(412, "version_conflict");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task If_match_star_matches_any_version()
    {
        var product = await app.Given.ProductAsync();

        var response = await app.Admin.SendJsonAsync(HttpMethod.Patch, $"/admin/products/{product.Str("id")}", new { title = "Any" }, ifMatch: "*");

        Assert.Equal("Any", (await response.ShouldSucceedAsync()).Str("title"));
    }

    [Fact]
    public async Task Lists_given_replace_the_whole_list()
    {
        var (otherChannel, _) = await app.Given.ChannelAsync();
        var oldCategory = await app.Given.CategoryAsync();
        var newCategory = await app.Given.CategoryAsync();
        var collection = await app.Given.CollectionAsync();
        var product = await app.Given.ProductAsync(b =>
        {
            b["categoryIds"] = new[] { oldCategory.Str("id") };
            b["media"] = new[] { new { url = "/a.jpg", alt = "a" } };
        });

        var updated = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new
        {
            categoryIds = new[] { newCategory.Str("id"), newCategory.Str("id") },
            collectionIds = new[] { collection.Str("id") },
            salesChannelIds = new[] { otherChannel },
            tags = new[] { "B", "a" },
            media = new[] { new { url = "/b.jpg", alt = "b" }, new { url = "/c.jpg", alt = "c" } },
        });

        Assert.Equal([newCategory.Str("id")], updated.Strings("categoryIds"));
        Assert.Equal([collection.Str("id")], updated.Strings("collectionIds"));
        Assert.Equal([otherChannel], updated.Strings("salesChannelIds"));
        Assert.Equal(["a", "b"], updated.Strings("tags"));
        Assert.Equal(["/b.jpg", "/c.jpg"], updated.Arr("media").Select(m => m.Str("url")));
        Assert.Equal([0, 1], updated.Arr("media").Select(m => m.Int("position")));
    }

    [Fact]
    public async Task Empty_lists_clear_links()
    {
        var category = await app.Given.CategoryAsync();
        var product = await app.Given.ProductAsync(b => b["categoryIds"] = new[] { category.Str("id") });

        var updated = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}",
            new { categoryIds = Array.Empty<string>(), tags = Array.Empty<string>(), salesChannelIds = Array.Empty<string>() });

        Assert.Empty(updated.Arr("categoryIds"));
        Assert.Empty(updated.Arr("tags"));
        Assert.Empty(updated.Arr("salesChannelIds"));
    }

    [Fact]
    public async Task Options_can_gain_values_for_new_variants()
    {
        var product = await app.Given.ProductAsync();

        var updated = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}",
            new { options = new[] { new { name = "Size", values = new[] { "S", "M", "L" } } } });

        var option = updated.Arr("options").Single();
        Assert.Equal(product.Arr("options")[0].Str("id"), option.Str("id"));
        Assert.Equal(["S", "M", "L"], option.Strings("values"));
    }

    [Fact]
    public async Task A_new_option_gives_existing_variants_its_first_value()
    {
        var product = await app.Given.ProductAsync();

        var response = await app.Admin.PatchAsJsonAsync($"/admin/products/{product.Str("id")}", new
        {
            options = new[] { new { name = "Size", values = new[] { "S", "M" } }, new { name = "Color", values = new[] { "Blue", "Red" } } },
        }, "\"1\"");

        var updated = await response.ShouldSucceedAsync();
        Assert.Equal(2, updated.Int("version"));
        Assert.Equal(["Size", "Color"], updated.Arr("options").Select(o => o.Str("name")));
        Assert.Equal(["""{"Color":"Blue","Size":"S"}""", """{"Color":"Blue","Size":"M"}"""], updated.Arr("variants").Select(Options));
    }

    [Fact]
    public async Task A_product_made_without_options_can_gain_one()
    {
        var product = await app.Given.ProductAsync(new Dictionary<string, object?> { ["title"] = "Plain", ["handle"] = Given.Unique("plain") });

        var updated = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}",
            new { options = new[] { new { name = "Size", values = new[] { "One size", "XL" } } } });

        Assert.Equal(["""{"Size":"One size"}"""], updated.Arr("variants").Select(Options));
        var withSecond = await app.Admin.PostJsonAsync($"/admin/products/{product.Str("id")}/variants",
            new { sku = Given.Unique("plain-xl"), options = new Dictionary<string, string> { ["Size"] = "XL" } });
        Assert.Equal(2, withSecond.Arr("variants").Count);
    }

    [Fact]
    public async Task Removing_an_option_drops_it_from_variants_that_stay_distinct()
    {
        var product = await app.Given.ProductAsync(b =>
        {
            b["options"] = new[] { new { name = "Size", values = new[] { "S", "M" } }, new { name = "Color", values = new[] { "Blue" } } };
            foreach (var variant in AdminTestData.Variants(b).Cast<dynamic>().ToArray())
                ((Dictionary<string, string>)variant.options)["Color"] = "Blue";
        });

        var updated = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}",
            new { options = new[] { new { name = "Size", values = new[] { "S", "M" } } } });

        Assert.Equal(["""{"Size":"S"}""", """{"Size":"M"}"""], updated.Arr("variants").Select(Options));
    }

    [Fact]
    public async Task Removing_an_option_that_tells_variants_apart_is_400_and_changes_nothing()
    {
        var product = await app.Given.ProductAsync(b =>
        {
            b["options"] = new[] { new { name = "Size", values = new[] { "S", "M" } }, new { name = "Color", values = new[] { "Blue", "Red" } } };
            var variants = AdminTestData.Variants(b).Cast<dynamic>().ToArray();
            ((Dictionary<string, string>)variants[0].options)["Color"] = "Blue";
            ((Dictionary<string, string>)variants[1].options)["Color"] = "Red";
            ((Dictionary<string, string>)variants[1].options)["Size"] = "S";
        });
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.PatchAsJsonAsync(url, new { options = new[] { new { name = "Size", values = new[] { "S", "M" } } } });

        await response.ShouldBeProblemAsync(400, "validation_failed");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task Respelling_an_option_respells_the_variants()
    {
        var product = await app.Given.ProductAsync();

        var updated = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}",
            new { options = new[] { new { name = "size", values = new[] { "s", "m" } } } });

        Assert.Equal(["""{"size":"s"}""", """{"size":"m"}"""], updated.Arr("variants").Select(Options));
        Assert.Equal(["s", "m"], updated.Arr("options").Single().Strings("values"));
    }

    private static string Options(JsonNode? variant) =>
        new JsonObject(variant!["options"]!.AsObject().OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => KeyValuePair.Create(o.Key, o.Value?.DeepClone()))).ToJsonString();

    [Fact]
    public async Task The_product_keeps_its_own_handle_and_may_take_a_free_one()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";
        var free = Given.Unique("free");

        var same = await app.Admin.PatchJsonAsync(url, new { handle = product.Str("handle") });
        var moved = await app.Admin.PatchJsonAsync(url, new { handle = free });

        Assert.Equal(product.Str("handle"), same.Str("handle"));
        Assert.Equal(free, moved.Str("handle"));
        Assert.Equal([product.Str("id")], (await app.Admin.GetJsonAsync($"/admin/products?q={free}")).Ids());
    }

    [Fact]
    public async Task A_handle_of_another_product_is_409_handle_taken_and_changes_nothing()
    {
        var other = await app.Given.ProductAsync();
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.PatchAsJsonAsync(url, new { handle = other.Str("handle"), title = "Renamed" });

        await response.ShouldBeProblemAsync(409, "handle_taken");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task External_ids_are_unique_and_an_empty_one_clears_it()
    {
        var externalId = Given.Unique("ERP");
        var holder = await app.Given.ProductAsync(b => b["externalId"] = externalId);
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var taken = await app.Admin.PatchAsJsonAsync(url, new { externalId });
        var cleared = await app.Admin.PatchJsonAsync($"/admin/products/{holder.Str("id")}", new { externalId = "" });

        await taken.ShouldBeProblemAsync(409, "external_id_taken");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
        Assert.Null(cleared["externalId"]);
    }

    public static TheoryData<string, string> BadPatches => new()
    {
        { "blank title", "title" },
        { "title over 200 characters", "title" },
        { "handle with bad characters", "handle" },
        { "description over 20000 characters", "description" },
        { "unknown category", "categoryIds" },
        { "unknown collection", "collectionIds" },
        { "unknown sales channel", "salesChannelIds" },
        { "unknown attribute", "attributes.nosuchattribute" },
        { "option losing a value a variant uses", "variants" },
        { "option removed while variants use it", "variants" },
        { "duplicate option names", "options" },
        { "too many tags", "tags" },
    };

    [Theory]
    [MemberData(nameof(BadPatches))]
    public async Task Invalid_input_is_400_validation_failed_and_changes_nothing(string change, string field)
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";
        object body = change switch
        {
            "blank title" => new { title = "" },
            "title over 200 characters" => new { title = new string('t', 201) },
            "handle with bad characters" => new { handle = "Linen Shirt" },
            "description over 20000 characters" => new { description = new string('d', 20_001) },
            "unknown category" => new { title = "x", categoryIds = new[] { "pcat_nope" } },
            "unknown collection" => new { title = "x", collectionIds = new[] { "pcol_nope" } },
            "unknown sales channel" => new { title = "x", salesChannelIds = new[] { app.ChannelId, "sc_nope" } },
            "unknown attribute" => new { title = "x", attributes = new Dictionary<string, object> { ["nosuchattribute"] = 1 } },
            "option losing a value a variant uses" => new { title = "x", options = new[] { new { name = "Size", values = new[] { "S" } } } },
            "option removed while variants use it" => new { title = "x", options = Array.Empty<object>() },
            "duplicate option names" => new { options = new[] { new { name = "Size", values = new[] { "S" } }, new { name = "size", values = new[] { "M" } } } },
            "too many tags" => new { tags = Enumerable.Range(0, 51).Select(i => $"t{i}").ToArray() },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        var response = await app.Admin.PatchAsJsonAsync(url, body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Contains(problem.ErrorFields(), f => f.StartsWith(field, StringComparison.Ordinal));
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Theory]
    [InlineData("""{ "version": 9 }""", "unknown_field")]
    [InlineData("""{ "variants": [] }""", "unknown_field")]
    [InlineData("""{ "status": "gone" }""", "malformed_request")]
    [InlineData("""{ "title": [] }""", "malformed_request")]
    public async Task A_malformed_patch_is_400_and_changes_nothing(string json, string code)
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.SendRawAsync(HttpMethod.Patch, url, json);

        await response.ShouldBeProblemAsync(400, code);
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task An_unknown_id_is_404_not_found()
    {
        var response = await app.Admin.PatchAsJsonAsync("/admin/products/prod_nope", new { title = "x" });

        await response.ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class UpdateProductOnSqlite(SqliteApp app) : UpdateProductTests(app), IClassFixture<SqliteApp>;

public sealed class UpdateProductOnPostgres(PostgresApp app) : UpdateProductTests(app), IClassFixture<PostgresApp>;
