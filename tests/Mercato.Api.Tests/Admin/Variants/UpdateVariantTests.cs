namespace Mercato.Api.Tests.Admin.Variants;

public abstract class UpdateVariantTests(MercatoApp app)
{
    private Task<JsonNode> ProductWithFreeSizeAsync() =>
        app.Given.ProductAsync(b => b["options"] = new[] { new { name = "Size", values = new[] { "S", "M", "L" } } });

    private static string VariantUrl(JsonNode product, int index) =>
        $"/admin/products/{product.Str("id")}/variants/{product.Arr("variants")[index].Str("id")}";

    [Fact]
    public async Task A_patch_changes_the_given_fields_keeps_the_others_and_bumps_the_product_version()
    {
        var product = await ProductWithFreeSizeAsync();
        var before = product.Arr("variants")[0]!;

        var response = await app.Admin.PatchAsJsonAsync(VariantUrl(product, 0), new
        {
            title = "Small", prices = new[] { new { amount = 1500, currency = "USD" }, new { amount = 1700, currency = "GBP" } },
        });

        var updated = await response.ShouldSucceedAsync();
        Assert.Equal(2, updated.Int("version"));
        Assert.Equal("\"2\"", response.ETag());
        var variant = updated.Arr("variants")[0]!;
        Assert.Equal(before.Str("id"), variant.Str("id"));
        Assert.Equal("Small", variant.Str("title"));
        Assert.Equal([("GBP", 1700L), ("USD", 1500L)], variant.Arr("prices").Select(p => (p.Str("currency"), p.Long("amount"))));
        Assert.Equal(before.Str("sku"), variant.Str("sku"));
        Assert.True(JsonNode.DeepEquals(before["options"], variant["options"]));
        Assert.Equal(before["manageInventory"]!.GetValue<bool>(), variant["manageInventory"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(product.Arr("variants")[1], updated.Arr("variants")[1]));
        Assert.True(JsonNode.DeepEquals(updated, await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}")));
    }

    [Fact]
    public async Task A_variant_can_move_to_a_free_option_value_and_take_a_new_sku()
    {
        var product = await ProductWithFreeSizeAsync();
        var sku = Given.Unique("large");

        var updated = await app.Admin.PatchJsonAsync(VariantUrl(product, 1),
            new { sku, options = new Dictionary<string, string> { ["size"] = " l " } });

        var variant = updated.Arr("variants")[1]!;
        Assert.Equal(sku.ToUpperInvariant(), variant.Str("sku"));
        Assert.Equal("""{"Size":"L"}""", variant["options"]!.ToJsonString());
    }

    [Fact]
    public async Task A_variant_may_keep_its_own_sku()
    {
        var product = await ProductWithFreeSizeAsync();
        var sku = product.Arr("variants")[0].Str("sku");

        var updated = await app.Admin.PatchJsonAsync(VariantUrl(product, 0), new { sku = sku.ToLowerInvariant(), title = "Same SKU" });

        Assert.Equal(sku, updated.Arr("variants")[0].Str("sku"));
        Assert.Equal("Same SKU", updated.Arr("variants")[0].Str("title"));
    }

    [Fact]
    public async Task A_matching_if_match_is_200_and_a_stale_one_is_412_and_changes_nothing()
    {
        var product = await ProductWithFreeSizeAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var matching = await app.Admin.PatchAsJsonAsync(VariantUrl(product, 0), new { title = "First" }, "\"1\"");
        var current = await matching.ShouldSucceedAsync();
        var stale = await app.Admin.PatchAsJsonAsync(VariantUrl(product, 0), new { title = "Second" }, "\"1\"");

        Assert.Equal(2, current.Int("version"));
        await stale.ShouldBeProblemAsync(412, "version_conflict");
        await app.Admin.ShouldBeUnchangedAsync(url, current);
    }

    [Fact]
    public async Task A_sku_of_another_variant_is_409_sku_taken_and_changes_nothing()
    {
        var other = await app.Given.ProductAsync();
        var product = await ProductWithFreeSizeAsync();
        var url = $"/admin/products/{product.Str("id")}";

        var fromOther = await app.Admin.PatchAsJsonAsync(VariantUrl(product, 0), new { sku = other.Arr("variants")[0].Str("sku") });
        var fromSibling = await app.Admin.PatchAsJsonAsync(VariantUrl(product, 0), new { sku = product.Arr("variants")[1].Str("sku") });

        await fromOther.ShouldBeProblemAsync(409, "sku_taken");
        await fromSibling.ShouldBeProblemAsync(409, "sku_taken");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    public static TheoryData<string> BadPatches => new()
    {
        "blank sku", "price without an amount", "negative price", "absurd price", "unknown currency", "duplicate currency",
        "option value not among the option's values", "same options as another variant", "missing option",
    };

    [Theory]
    [MemberData(nameof(BadPatches))]
    public async Task Invalid_input_is_400_validation_failed_and_changes_nothing(string change)
    {
        var product = await ProductWithFreeSizeAsync();
        var url = $"/admin/products/{product.Str("id")}";
        object body = change switch
        {
            "blank sku" => new { sku = " " },
            "price without an amount" => new { prices = new[] { new { currency = "USD" } } },
            "negative price" => new { prices = new[] { new { amount = -1L, currency = "USD" } } },
            "absurd price" => new { prices = new[] { new { amount = 100_000_000_001L, currency = "USD" } } },
            "unknown currency" => new { prices = new[] { new { amount = 1L, currency = "US" } } },
            "duplicate currency" => new { prices = new[] { new { amount = 1L, currency = "USD" }, new { amount = 2L, currency = "USD" } } },
            "option value not among the option's values" => new { options = new Dictionary<string, string> { ["Size"] = "XS" } },
            "same options as another variant" => new { options = new Dictionary<string, string> { ["Size"] = "M" } },
            "missing option" => new { options = new Dictionary<string, string>() },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        var response = await app.Admin.PatchAsJsonAsync(VariantUrl(product, 0), body);

        await response.ShouldBeProblemAsync(400, "validation_failed");
        await app.Admin.ShouldBeUnchangedAsync(url, product);
    }

    [Fact]
    public async Task Unknown_variants_and_variants_of_another_product_are_404_not_found()
    {
        var other = await app.Given.ProductAsync();
        var product = await app.Given.ProductAsync();

        var unknownVariant = await app.Admin.PatchAsJsonAsync($"/admin/products/{product.Str("id")}/variants/var_nope", new { title = "x" });
        var unknownProduct = await app.Admin.PatchAsJsonAsync($"/admin/products/prod_nope/variants/{product.Arr("variants")[0].Str("id")}", new { title = "x" });
        var crossed = await app.Admin.PatchAsJsonAsync(
            $"/admin/products/{product.Str("id")}/variants/{other.Arr("variants")[0].Str("id")}", new { title = "x" });

        await unknownVariant.ShouldBeProblemAsync(404, "not_found");
        await unknownProduct.ShouldBeProblemAsync(404, "not_found");
        await crossed.ShouldBeProblemAsync(404, "not_found");
        await app.Admin.ShouldBeUnchangedAsync($"/admin/products/{other.Str("id")}", other);
    }
}

public sealed class UpdateVariantOnSqlite(SqliteApp app) : UpdateVariantTests(app), IClassFixture<SqliteApp>;

public sealed class UpdateVariantOnPostgres(PostgresApp app) : UpdateVariantTests(app), IClassFixture<PostgresApp>;
