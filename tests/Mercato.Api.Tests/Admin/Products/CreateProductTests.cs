namespace Mercato.Api.Tests.Admin.Products;

public abstract class CreateProductTests(MercatoApp app)
{
    [Fact]
    public async Task The_contract_shape_creates_a_product_with_ids_and_version_1()
    {
        var handle = Given.Unique("linen-shirt");
        var response = await app.Admin.PostAsJsonAsync("/admin/products", new
        {
            title = "Linen Shirt", handle, status = "published", description = "Markdown text",
            options = new[] { new { name = "Size", values = new[] { "S", "M" } } },
            variants = new[]
            {
                new { sku = handle + "-S", title = "S", options = new Dictionary<string, string> { ["Size"] = "S" }, manageInventory = true,
                    prices = new[] { new { amount = 4900, currency = "USD" }, new { amount = 4500, currency = "EUR" } } },
            },
            categoryIds = Array.Empty<string>(), collectionIds = Array.Empty<string>(), tags = new[] { "summer" },
        });

        var product = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("prod_", product.Str("id"));
        Assert.Equal(1, product.Int("version"));
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal($"/admin/products/{product.Str("id")}", response.Headers.Location?.OriginalString);
        var variant = product.Arr("variants").Single();
        Assert.StartsWith("var_", variant.Str("id"));
        Assert.Equal((handle + "-S").ToUpperInvariant(), variant.Str("sku"));
        Assert.Equal(4900, variant!["prices"]!.AsArray().Single(p => p.Str("currency") == "USD").Long("amount"));
        Assert.Equal([app.ChannelId], product.Arr("salesChannelIds").Select(x => x!.GetValue<string>()));
    }

    [Fact]
    public async Task The_response_echoes_every_field_and_the_product_reads_back_the_same()
    {
        var category = await app.Given.CategoryAsync();
        var collection = await app.Given.CollectionAsync();
        var handle = Given.Unique("echo");
        var body = Given.ProductBody(handle, status: "draft");
        body["subtitle"] = "Sub";
        body["productType"] = "shirt";
        body["categoryIds"] = new[] { category.Str("id") };
        body["collectionIds"] = new[] { collection.Str("id") };
        body["tags"] = new[] { " Summer ", "summer", "Linen" };
        body["media"] = new[] { new { url = "https://cdn.example.com/a.jpg", alt = (string?)"Front" }, new { url = "/img/b.jpg", alt = (string?)null } };
        body["seo"] = new { metaTitle = "Meta", metaDescription = "Meta description" };
        body["metadata"] = new { erp = new { code = 7 } };
        body["externalId"] = " " + handle + "-ext ";

        var response = await app.Admin.PostAsJsonAsync("/admin/products", body);

        var product = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"Product {handle}", product.Str("title"));
        Assert.Equal(handle, product.Str("handle"));
        Assert.Equal("draft", product.Str("status"));
        Assert.Equal("Sub", product.Str("subtitle"));
        Assert.Equal("shirt", product.Str("productType"));
        Assert.Equal("A **fine** product.", product.Str("description"));
        Assert.Equal([category.Str("id")], product.Strings("categoryIds"));
        Assert.Equal([collection.Str("id")], product.Strings("collectionIds"));
        Assert.Equal(["linen", "summer"], product.Strings("tags"));
        Assert.Equal(["https://cdn.example.com/a.jpg", "/img/b.jpg"], product.Arr("media").Select(m => m.Str("url")));
        Assert.All(product.Arr("media"), m => Assert.StartsWith("med_", m.Str("id")));
        Assert.Equal("Meta", product["seo"].Str("metaTitle"));
        Assert.Equal(7, product["metadata"]!["erp"].Int("code"));
        Assert.Equal(handle + "-ext", product.Str("externalId"));
        var option = product.Arr("options").Single();
        Assert.StartsWith("opt_", option.Str("id"));
        Assert.Equal(["S", "M"], option.Strings("values"));
        Assert.Equal(["S", "M"], product.Arr("variants").Select(v => v!["options"].Str("Size")));
        Assert.Equal(product.Str("createdAt"), product.Str("updatedAt"));
        Assert.Matches(@"^2026-11-25T12:00:\d\d(\.\d+)?Z$", product.Str("createdAt"));
        Assert.All(product.Arr("variants"), v => Assert.EndsWith("Z", v.Str("updatedAt"), StringComparison.Ordinal));

        var read = await app.Admin.GetAsync($"/admin/products/{product.Str("id")}");
        Assert.True(JsonNode.DeepEquals(product, await read.ShouldSucceedAsync()));
        Assert.Equal("\"1\"", read.ETag());
    }

    [Fact]
    public async Task A_product_without_sales_channels_joins_the_default_channel_and_an_explicit_list_is_kept()
    {
        var (otherChannel, _) = await app.Given.ChannelAsync();

        var joined = await app.Given.ProductAsync(b => b.Remove("salesChannelIds"));
        var chosen = await app.Given.ProductAsync(b => b["salesChannelIds"] = new[] { otherChannel });
        var none = await app.Given.ProductAsync(b => b["salesChannelIds"] = Array.Empty<string>());

        Assert.Equal([app.ChannelId], joined.Strings("salesChannelIds"));
        Assert.Equal([otherChannel], chosen.Strings("salesChannelIds"));
        Assert.Empty(none.Arr("salesChannelIds"));
    }

    [Fact]
    public async Task A_minimal_product_gets_a_handle_from_its_title_draft_status_and_one_variant()
    {
        var word = Given.Unique("Minimal").Replace("-", "", StringComparison.Ordinal);
        var response = await app.Admin.PostAsJsonAsync("/admin/products", new { title = $"  Café {word} (Blue)  " });

        var product = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"Café {word} (Blue)", product.Str("title"));
        Assert.Equal($"cafe-{word.ToLowerInvariant()}-blue", product.Str("handle"));
        Assert.Equal("draft", product.Str("status"));
        var variant = product.Arr("variants").Single();
        Assert.Equal(product.Str("handle").ToUpperInvariant(), variant.Str("sku"));
        Assert.Empty(variant.Arr("prices"));
    }

    [Fact]
    public async Task A_handle_the_store_api_uses_as_a_route_is_refused_and_never_derived_from_a_title()
    {
        var reserved = Given.ProductBody("facets");

        var refused = await app.Admin.PostAsJsonAsync("/admin/products", reserved);
        var derived = await app.Admin.PostAsJsonAsync("/admin/products", new { title = "Facets" });

        Assert.Contains("handle", (await refused.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields());
        var product = await derived.ShouldSucceedAsync();
        Assert.NotEqual("facets", product.Str("handle"));
        Assert.StartsWith("facets-", product.Str("handle"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variant_options_are_stored_as_the_product_spells_them()
    {
        var body = Given.ProductBody();
        AdminTestData.Variants(body)[1] = new { sku = Given.Unique("lower"), options = new Dictionary<string, string> { [" size "] = " m " } };

        var product = await app.Given.ProductAsync(body);

        Assert.Equal("""{"Size":"M"}""", product.Arr("variants")[1]!["options"]!.ToJsonString());
    }

    [Fact]
    public async Task A_taken_handle_is_409_handle_taken_and_creates_nothing()
    {
        var first = await app.Given.ProductAsync();
        var body = Given.ProductBody(handle: first.Str("handle"));

        var response = await app.Admin.PostAsJsonAsync("/admin/products", body);

        await response.ShouldBeProblemAsync(409, "handle_taken");
        var search = await app.Admin.GetJsonAsync($"/admin/products?q={first.Str("handle")}");
        Assert.Equal([first.Str("id")], search.Ids());
    }

    [Fact]
    public async Task Of_concurrent_creations_with_one_handle_one_wins_and_the_others_are_409_handle_taken()
    {
        var handle = Given.Unique("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
        {
            var body = AdminTestData.OneVariantBody(handle);
            AdminTestData.Variants(body)[0] = AdminTestData.VariantBody("S", sku: $"{handle}-{i}");
            return app.Admin.PostAsJsonAsync("/admin/products", body);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created)) await loser.ShouldBeProblemAsync(409, "handle_taken");
        Assert.Single((await app.Admin.GetJsonAsync($"/admin/products?q={handle}")).Arr("items"));
    }

    [Fact]
    public async Task A_sku_of_another_product_is_409_sku_taken_and_changes_nothing()
    {
        var other = await app.Given.ProductAsync();
        var before = await app.Admin.GetJsonAsync($"/admin/products/{other.Str("id")}");
        var handle = Given.Unique("sku-clash");
        var body = AdminTestData.OneVariantBody(handle);
        var takenSku = other.Arr("variants")[0].Str("sku");
        AdminTestData.Variants(body)[0] = AdminTestData.VariantBody("S", sku: takenSku.ToLowerInvariant());

        var response = await app.Admin.PostAsJsonAsync("/admin/products", body);

        var problem = await response.ShouldBeProblemAsync(409, "sku_taken");
        Assert.Contains(takenSku, problem.Str("detail"));
        await app.Admin.ShouldHaveNoProductAsync(handle);
        await app.Admin.ShouldBeUnchangedAsync($"/admin/products/{other.Str("id")}", before);
    }

    [Fact]
    public async Task A_product_can_reuse_the_skus_of_a_deleted_product()
    {
        var deleted = await app.Given.ProductAsync();
        (await app.Admin.DeleteAsync($"/admin/products/{deleted.Str("id")}")).EnsureSuccessStatusCode();
        var body = Given.ProductBody();
        body["variants"] = deleted.Arr("variants").Select(v => AdminTestData.VariantBody(v!["options"].Str("Size"), v.Str("sku"))).ToArray();

        var product = await app.Given.ProductAsync(body);

        Assert.Equal(deleted.Arr("variants").Select(v => v.Str("sku")), product.Arr("variants").Select(v => v.Str("sku")));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "missing title", "title" },
        { "blank title", "title" },
        { "title over 200 characters", "title" },
        { "handle with bad characters", "handle" },
        { "handle with upper case", "handle" },
        { "description over 20000 characters", "description" },
        { "negative price", "variants[0].prices[0].amount" },
        { "absurd price", "variants[0].prices[0].amount" },
        { "unknown currency", "variants[0].prices[0].currency" },
        { "price without an amount", "variants[0].prices[0].amount" },
        { "price without a currency", "variants[0].prices[0].currency" },
        { "duplicate currency in a variant", "variants[0].prices" },
        { "duplicate sku in the request", "variants" },
        { "duplicate sku differing in case", "variants" },
        { "sku with a space", "variants[1].sku" },
        { "missing sku", "variants[1].sku" },
        { "option value not among the option's values", "variants" },
        { "variant naming an unknown option", "variants" },
        { "variant missing an option", "variants" },
        { "variant naming an option twice in another case", "variants[1].options" },
        { "variant naming an option twice with spaces", "variants[1].options" },
        { "two variants with the same options", "variants" },
        { "options without variants", "variants" },
        { "duplicate option values", "options[0].values" },
        { "option values equal once trimmed", "options[0].values" },
        { "unknown category", "categoryIds" },
        { "unknown collection", "collectionIds" },
        { "unknown sales channel", "salesChannelIds" },
        { "unknown attribute", "attributes.nosuchattribute" },
        { "media url that is not http", "media[0].url" },
        { "metadata that is not an object", "metadata" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Invalid_input_is_400_validation_failed_on_the_field_and_creates_nothing(string change, string field)
    {
        var handle = Given.Unique("bad");
        var body = Given.ProductBody(handle);
        Break(body, change, handle);

        var response = await app.Admin.PostAsJsonAsync("/admin/products", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Contains(problem.ErrorFields(), f => f.StartsWith(field, StringComparison.Ordinal));
        await app.Admin.ShouldHaveNoProductAsync(handle);
    }

    [Fact]
    public async Task An_attribute_value_of_the_wrong_type_is_400_and_creates_nothing()
    {
        var number = await app.AttributeAsync("number");
        var handle = Given.Unique("typed");
        var body = Given.ProductBody(handle);
        body["attributes"] = new Dictionary<string, object> { [number.Str("key")] = "twelve" };

        var response = await app.Admin.PostAsJsonAsync("/admin/products", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal([$"attributes.{number.Str("key")}"], problem.ErrorFields());
        await app.Admin.ShouldHaveNoProductAsync(handle);
    }

    [Theory]
    [InlineData("""{ "title": "x", "version": 7 }""", "unknown_field")]
    [InlineData("""{ "title": "x", "id": "prod_01" }""", "unknown_field")]
    [InlineData("""{ "title": "x", "status": "sold" }""", "malformed_request")]
    [InlineData("""{ "title": 12 }""", "malformed_request")]
    [InlineData("""{ "title": "x", "variants": [ { "sku": "A", "prices": [ { "amount": 1e30, "currency": "USD" } ] } ] }""", "malformed_request")]
    [InlineData("""{ "title": "x", "variants": [ { "sku": "A", "prices": [ { "amount": 99999999999999999999999, "currency": "USD" } ] } ] }""", "malformed_request")]
    [InlineData("""{ "title": "x", """, "malformed_request")]
    [InlineData("""{ "title": "a\u0000b" }""", "malformed_request")]
    [InlineData("""{ "title": "x", "options": [ { "name": "Size", "values": ["S"] } ], "variants": [ { "sku": "A", "options": { "Si\u0000ze": "S" } } ] }""", "malformed_request")]
    public async Task A_malformed_body_is_400_and_never_a_500(string json, string code)
    {
        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/products", json);

        await response.ShouldBeProblemAsync(400, code);
    }

    [Fact]
    public async Task An_oversized_body_is_413_and_creates_nothing()
    {
        var handle = Given.Unique("huge");
        var body = Given.ProductBody(handle);
        body["description"] = new string('d', 300_000);

        var response = await app.Admin.PostAsJsonAsync("/admin/products", body);

        await response.ShouldBeProblemAsync(413, "payload_too_large");
        await app.Admin.ShouldHaveNoProductAsync(handle);
    }

    [Fact]
    public async Task Deeply_nested_metadata_is_400_malformed_request()
    {
        var nested = string.Concat(Enumerable.Repeat("""{ "a": """, 40)) + "1" + new string('}', 40);

        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/products", $$"""{ "title": "Deep", "metadata": {{nested}} }""");

        await response.ShouldBeProblemAsync(400, "malformed_request");
    }

    private static void Break(Dictionary<string, object?> body, string change, string handle)
    {
        var variants = AdminTestData.Variants(body);
        switch (change)
        {
            case "missing title": body.Remove("title"); break;
            case "blank title": body["title"] = "   "; break;
            case "title over 200 characters": body["title"] = new string('t', 201); break;
            case "handle with bad characters": body["handle"] = handle + "/é x!"; break;
            case "handle with upper case": body["handle"] = handle.ToUpperInvariant(); break;
            case "description over 20000 characters": body["description"] = new string('d', 20_001); break;
            case "negative price": variants[0] = AdminTestData.VariantBody("S", usd: -1); break;
            case "absurd price": variants[0] = AdminTestData.VariantBody("S", usd: 100_000_000_001); break;
            case "unknown currency": variants[0] = Variant("S", handle + "-s", new { amount = 100, currency = "XXX" }); break;
            case "price without an amount": variants[0] = Variant("S", handle + "-s", new { currency = "USD" }); break;
            case "price without a currency": variants[0] = Variant("S", handle + "-s", new { amount = 100 }); break;
            case "duplicate currency in a variant":
                variants[0] = Variant("S", handle + "-s", new { amount = 100, currency = "USD" }, new { amount = 200, currency = "usd" });
                break;
            case "duplicate sku in the request": variants[1] = Variant("M", handle + "-s"); break;
            case "duplicate sku differing in case": variants[1] = Variant("M", handle.ToUpperInvariant() + "-s"); break;
            case "sku with a space": variants[1] = Variant("M", handle + " m"); break;
            case "missing sku": variants[1] = new { title = "M", options = new Dictionary<string, string> { ["Size"] = "M" } }; break;
            case "option value not among the option's values": variants[1] = Variant("XL", handle + "-xl"); break;
            case "variant naming an unknown option":
                variants[1] = new { sku = handle + "-m", options = new Dictionary<string, string> { ["Size"] = "M", ["Color"] = "Red" } };
                break;
            case "variant naming an option twice in another case":
                variants[1] = new { sku = handle + "-m", options = new Dictionary<string, string> { ["Size"] = "M", ["size"] = "S" } };
                break;
            case "variant naming an option twice with spaces":
                variants[1] = new { sku = handle + "-m", options = new Dictionary<string, string> { ["Size"] = "M", [" Size "] = "M" } };
                break;
            case "variant missing an option": variants[1] = new { sku = handle + "-m", options = new Dictionary<string, string>() }; break;
            case "two variants with the same options": variants[1] = Variant("S", handle + "-other"); break;
            case "options without variants": body.Remove("variants"); break;
            case "duplicate option values": body["options"] = new[] { new { name = "Size", values = new[] { "S", "M", "s" } } }; break;
            case "option values equal once trimmed": body["options"] = new[] { new { name = "Size", values = new[] { "S", "M", "M " } } }; break;
            case "unknown category": body["categoryIds"] = new[] { "pcat_nope" }; break;
            case "unknown collection": body["collectionIds"] = new[] { "pcol_nope" }; break;
            case "unknown sales channel": body["salesChannelIds"] = new[] { "sc_nope" }; break;
            case "unknown attribute": body["attributes"] = new Dictionary<string, object> { ["nosuchattribute"] = "x" }; break;
            case "media url that is not http": body["media"] = new[] { new { url = "javascript:alert(1)" } }; break;
            case "metadata that is not an object": body["metadata"] = new[] { 1, 2 }; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    private static object Variant(string size, string sku, params object[] prices) =>
        new { sku, title = size, options = new Dictionary<string, string> { ["Size"] = size }, prices };
}

public sealed class CreateProductOnSqlite(SqliteApp app) : CreateProductTests(app), IClassFixture<SqliteApp>;

public sealed class CreateProductOnPostgres(PostgresApp app) : CreateProductTests(app), IClassFixture<PostgresApp>;
