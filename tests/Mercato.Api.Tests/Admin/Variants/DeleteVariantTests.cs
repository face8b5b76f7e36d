namespace Mercato.Api.Tests.Admin.Variants;

public abstract class DeleteVariantTests(MercatoApp app)
{
    [Fact]
    public async Task Deleting_a_variant_answers_the_product_without_it_and_bumps_its_version()
    {
        var product = await app.Given.ProductAsync();
        var gone = product.Arr("variants")[0]!;

        var response = await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}/variants/{gone.Str("id")}");

        var updated = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, updated.Int("version"));
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal([product.Arr("variants")[1].Str("id")], updated.Arr("variants").Select(v => v.Str("id")));
        Assert.True(JsonNode.DeepEquals(updated, await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}")));
    }

    [Fact]
    public async Task The_sku_of_a_deleted_variant_is_free_again()
    {
        var product = await app.Given.ProductAsync();
        var gone = product.Arr("variants")[1]!;
        await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}/variants/{gone.Str("id")}");

        var readded = await app.Admin.PostJsonAsync($"/admin/products/{product.Str("id")}/variants",
            AdminTestData.VariantBody(gone["options"].Str("Size"), sku: gone.Str("sku")));

        Assert.Contains(readded.Arr("variants"), v => v.Str("sku") == gone.Str("sku") && v.Str("id") != gone.Str("id"));
    }

    [Fact]
    public async Task The_last_variant_cannot_be_deleted_409_last_variant()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";
        var current = await (await app.Admin.DeleteAsync($"{url}/variants/{product.Arr("variants")[0].Str("id")}")).ShouldSucceedAsync();

        var response = await app.Admin.DeleteAsync($"{url}/variants/{product.Arr("variants")[1].Str("id")}");

        await response.ShouldBeProblemAsync(409, "last_variant");
        await app.Admin.ShouldBeUnchangedAsync(url, current);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_deletes_nothing()
    {
        var product = await app.Given.ProductAsync();
        var url = $"/admin/products/{product.Str("id")}";
        var current = await app.Admin.PatchJsonAsync(url, new { title = "Changed" });

        var response = await app.Admin.DeleteAsync($"{url}/variants/{product.Arr("variants")[0].Str("id")}", "\"1\"");

        await response.ShouldBeProblemAsync(412, "version_conflict");
        await app.Admin.ShouldBeUnchangedAsync(url, current);
    }

    [Fact]
    public async Task A_matching_if_match_deletes()
    {
        var product = await app.Given.ProductAsync();

        var response = await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}/variants/{product.Arr("variants")[0].Str("id")}", "\"1\"");

        Assert.Single((await response.ShouldSucceedAsync()).Arr("variants"));
    }

    [Fact]
    public async Task Unknown_variants_and_variants_of_another_product_are_404_not_found()
    {
        var other = await app.Given.ProductAsync();
        var product = await app.Given.ProductAsync();

        var unknown = await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}/variants/var_nope");
        var crossed = await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}/variants/{other.Arr("variants")[0].Str("id")}");

        await unknown.ShouldBeProblemAsync(404, "not_found");
        await crossed.ShouldBeProblemAsync(404, "not_found");
        await app.Admin.ShouldBeUnchangedAsync($"/admin/products/{other.Str("id")}", other);
        await app.Admin.ShouldBeUnchangedAsync($"/admin/products/{product.Str("id")}", product);
    }
}

public sealed class DeleteVariantOnSqlite(SqliteApp app) : DeleteVariantTests(app), IClassFixture<SqliteApp>;

public sealed class DeleteVariantOnPostgres(PostgresApp app) : DeleteVariantTests(app), IClassFixture<PostgresApp>;
