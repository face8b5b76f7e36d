namespace Mercato.Api.Tests.Admin.Variants;

public abstract class CreateVariantTests(MercatoApp app)
{
    /// <summary>A product with sizes S and M as variants and L still free for a new variant.</summary>
    private Task<JsonNode> ProductWithFreeSizeAsync() =>
        app.Given.ProductAsync(b => b["options"] = new[] { new { name = "Size", values = new[] { "S", "M", "L" } } });

    [Fact]
    public async Task Adding_a_variant_is_201_with_the_product_its_new_version_and_the_variant_location()
    {
        var product = await ProductWithFreeSizeAsync();
        var sku = Given.Unique("new-l").ToUpperInvariant();

        var response = await app.Admin.PostAsJsonAsync($"/admin/products/{product.Str("id")}/variants", new
        {
            sku = $" {sku.ToLowerInvariant()} ", title = "L", barcode = "4006381333931", weightGrams = 250, manageInventory = false, allowBackorder = true,
            options = new Dictionary<string, string> { ["Size"] = "L" },
            prices = new[] { new { amount = 2599, currency = "usd" }, new { amount = 2399, currency = "EUR" } },
        });

        var updated = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, updated.Int("version"));
        Assert.Equal("\"2\"", response.ETag());
        var variant = updated.Arr("variants").Single(v => v.Str("sku") == sku);
        Assert.StartsWith("var_", variant.Str("id"));
        Assert.Equal($"/admin/products/{product.Str("id")}/variants/{variant.Str("id")}", response.Headers.Location?.OriginalString);
        Assert.Equal("L", variant.Str("title"));
        Assert.Equal("4006381333931", variant.Str("barcode"));
        Assert.Equal(250, variant.Int("weightGrams"));
        Assert.False(variant!["manageInventory"]!.GetValue<bool>());
        Assert.True(variant["allowBackorder"]!.GetValue<bool>());
        Assert.Equal("L", variant["options"].Str("Size"));
        Assert.Equal([("EUR", 2399L), ("USD", 2599L)], variant.Arr("prices").Select(p => (p.Str("currency"), p.Long("amount"))));
        Assert.Equal(3, updated.Arr("variants").Count);
        Assert.Equal("L", updated.Arr("variants")[2]!["options"].Str("Size"));
        Assert.True(JsonNode.DeepEquals(updated, await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}")));
    }

    [Fact]
    public async Task The_location_of_a_new_variant_can_be_read()
    {
        var product = await ProductWithFreeSizeAsync();

        var response = await app.Admin.PostAsJsonAsync($"/admin/products/{product.Str("id")}/variants", AdminTestData.VariantBody("L"));
        var created = await response.ShouldSucceedAsync();
        var variant = await app.Admin.GetJsonAsync(response.Headers.Location!.OriginalString);

        Assert.True(JsonNode.DeepEquals(created.Arr("variants").Single(v => v.Str("id") == variant.Str("id")), variant));
    }

    [Fact]
    public async Task A_matching_if_match_adds_the_variant()
    {
        var product = await ProductWithFreeSizeAsync();

        var response = await app.Admin.SendJsonAsync(HttpMethod.Post, $"/admin/products/{product.Str("id")}/variants",
            AdminTestData.VariantBody("L"), ifMatch: "\"1\"");

        Assert.Equal(3, (await response.ShouldSucceedAsync()).Arr("variants").Count);
    }

    [Fact]
    public async Task Of_concurrent_additions_with_the_same_if_match_exactly_one_wins()
    {
        var product = await app.Given.ProductAsync(b => b["options"] = new[] { new { name = "Size", values = new[] { "S", "M", "L", "XL", "XXL" } } });
        var url = $"/admin/products/{product.Str("id")}";

        var responses = await Task.WhenAll(new[] { "L", "XL", "XXL" }.Select(size =>
            app.Admin.SendJsonAsync(HttpMethod.Post, $"{url}/variants", AdminTestData.VariantBody(size), ifMatch: "\"1\"")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created)) await loser.ShouldBeProblemAsync(412, "version_conflict");
        var read = await app.Admin.GetJsonAsync(url);
        Assert.Equal(3, read.Arr("variants").Count);
        Assert.Equal(2, read.Int("version"));
    }

    [Fact]
    public async Task Of_concurrent_additions_of_one_sku_to_different_products_one_wins_and_the_others_are_409_sku_taken()
    {
        var products = new List<JsonNode>();
        for (var i = 0; i < 3; i++) products.Add(await ProductWithFreeSizeAsync());
        var sku = Given.Unique("RACE").ToUpperInvariant();

        var responses = await Task.WhenAll(products.Select(p =>
            app.Admin.PostAsJsonAsync($"/admin/products/{p.Str("id")}/variants", AdminTestData.VariantBody("L", sku: sku))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created)) await loser.ShouldBeProblemAsync(409, "sku_taken");
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_adds_nothing()
    {
        var product = await ProductWithFreeSizeAsync();
        var url = $"/admin/products/{product.Str("id")}";
        var current = await app.Admin.PatchJsonAsync(url, new { title = "Changed" });

        var response = await app.Admin.SendJsonAsync(HttpMethod.Post, $"{url}/variants", AdminTestData.VariantBody("L"), ifMatch: "\"1\"");

        await response.ShouldBeProblemAsync(412, "version_conflict");
        await app.Admin.ShouldBeUnchangedAsync(url, current);
    }

    public static TheoryData<string, string> BadVariants => new()
    {
        { "missing sku", "sku" },
        { "sku with bad characters", "sku" },
        { "sku over 64 characters", "sku" },
        { "negative price", "prices[0].amount" },
        { "absurd price", "prices[0].amount" },
        { "unknown currency", "prices[0].currency" },
        { "duplicate currency", "prices" },
        { "negative weight", "weightGrams" },
        { "option value not among the option's values", "" },
        { "unknown option", "" },
        { "missing option", "" },
        { "option named twice in another case", "options" },
        { "option named twice with spaces", "options" },
        { "same options as another variant", "" },
    };

    [Theory]
    [MemberData(nameof(BadVariants))]
    public async Task Invalid_input_is_400_validation_failed_and_changes_nothing(string change, string field)
    {
        var product = await ProductWithFreeSizeAsync();
        var url = $"/admin/products/{product.Str("id")}";
        var body = AdminTestData.VariantBody("L");
        switch (change)
        {
            case "missing sku": body.Remove("sku"); break;
            case "sku with bad characters": body["sku"] = "A B#C"; break;
            case "sku over 64 characters": body["sku"] = new string('A', 65); break;
            case "negative price": body["prices"] = new[] { new { amount = -100, currency = "USD" } }; break;
            case "absurd price": body["prices"] = new[] { new { amount = 100_000_000_001, currency = "USD" } }; break;
            case "unknown currency": body["prices"] = new[] { new { amount = 100, currency = "ABC" } }; break;
            case "duplicate currency": body["prices"] = new[] { new { amount = 100, currency = "EUR" }, new { amount = 200, currency = "EUR" } }; break;
            case "negative weight": body["weightGrams"] = -1; break;
            case "option value not among the option's values": body["options"] = new Dictionary<string, string> { ["Size"] = "XXL" }; break;
            case "unknown option": body["options"] = new Dictionary<string, string> { ["Size"] = "L", ["Color"] = "Red" }; break;
            case "missing option": body["options"] = new Dictionary<string, string>(); break;
            case "option named twice in another case": body["options"] = new Dictionary<string, string> { ["Size"] = "L", ["SIZE"] = "M" }; break;
            case "option named twice with spaces": body["options"] = new Dictionary<string, string> { ["Size"] = "L", ["Size "] = "L" }; break;
            case "same options as another variant": body["options"] = new Dictionary<string, string> { ["Size"] = "M" }; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        var response = await app.Admin.PostAsJsonAsync($"{url}/variants", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Contains(problem.ErrorFields(), f => f.StartsWith(field, StringComparison.Ordinal));
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task A_sku_of_another_product_is_409_sku_taken_and_changes_nothing()
    {
        var other = await app.Given.ProductAsync();
        var product = await ProductWithFreeSizeAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.PostAsJsonAsync($"{url}/variants", AdminTestData.VariantBody("L", sku: other.Arr("variants")[0].Str("sku")));

        await response.ShouldBeProblemAsync(409, "sku_taken");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task A_sku_of_a_sibling_variant_is_409_sku_taken_and_changes_nothing()
    {
        var product = await ProductWithFreeSizeAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.PostAsJsonAsync($"{url}/variants",
            AdminTestData.VariantBody("L", sku: product.Arr("variants")[0].Str("sku").ToLowerInvariant()));

        await response.ShouldBeProblemAsync(409, "sku_taken");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task A_product_without_options_keeps_a_single_variant()
    {
        var product = await app.Given.ProductAsync(new Dictionary<string, object?> { ["title"] = "Gift card", ["handle"] = Given.Unique("gift") });
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.PostAsJsonAsync($"{url}/variants", new { sku = Given.Unique("GIFT-2") });

        await response.ShouldBeProblemAsync(400, "validation_failed");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task Options_are_stored_as_the_product_spells_them()
    {
        var product = await ProductWithFreeSizeAsync();

        var updated = await app.Admin.PostJsonAsync($"/admin/products/{product.Str("id")}/variants",
            new { sku = Given.Unique("lower"), options = new Dictionary<string, string> { ["SIZE"] = "l" } });

        Assert.Equal("""{"Size":"L"}""", updated.Arr("variants")[2]!["options"]!.ToJsonString());
    }

    [Fact]
    public async Task A_product_keeps_at_most_250_variants()
    {
        var handle = Given.Unique("many");
        var sizes = Enumerable.Range(0, 100).Select(i => $"S{i}").ToArray();
        var colors = new[] { "Red", "Blue", "Green" };
        var product = await app.Given.ProductAsync(new Dictionary<string, object?>
        {
            ["title"] = "Many", ["handle"] = handle,
            ["options"] = new[] { new { name = "Size", values = sizes }, new { name = "Color", values = colors } },
            ["variants"] = colors.SelectMany(c => sizes.Select(s => (c, s))).Take(250).Select(x => new
            {
                sku = $"{handle}-{x.c}-{x.s}", options = new Dictionary<string, string> { ["Size"] = x.s, ["Color"] = x.c },
            }).ToArray(),
        });
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.PostAsJsonAsync($"{url}/variants",
            new { sku = $"{handle}-one-more", options = new Dictionary<string, string> { ["Size"] = "S99", ["Color"] = "Green" } });

        Assert.Equal(250, product.Arr("variants").Count);
        await response.ShouldBeProblemAsync(409, "variant_limit");
        Assert.Equal(1, (await app.Admin.GetJsonAsync(url)).Int("version"));
    }

    [Fact]
    public async Task Adding_to_an_unknown_product_is_404_not_found()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/products/prod_nope/variants", AdminTestData.VariantBody("L"));

        await response.ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Unknown_fields_are_400_unknown_field()
    {
        var product = await ProductWithFreeSizeAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var response = await app.Admin.SendRawAsync(HttpMethod.Post, $"{url}/variants",
            """{ "sku": "X-1", "options": { "Size": "L" }, "id": "var_mine" }""");

        await response.ShouldBeProblemAsync(400, "unknown_field");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }
}

public sealed class CreateVariantOnSqlite(SqliteApp app) : CreateVariantTests(app), IClassFixture<SqliteApp>;

public sealed class CreateVariantOnPostgres(PostgresApp app) : CreateVariantTests(app), IClassFixture<PostgresApp>;
