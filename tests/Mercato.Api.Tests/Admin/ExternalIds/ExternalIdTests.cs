namespace Mercato.Api.Tests.Admin.ExternalIds;

/// <summary>externalId on variants, categories and stock locations: set, returned, unique per resource type, filterable.</summary>
public abstract class ExternalIdTests(MercatoApp app)
{
    [Fact]
    public async Task A_variant_external_id_is_set_on_create_and_update_filtered_and_unique_among_variants()
    {
        var key = Given.Unique("erp-var");
        var product = await app.Given.ProductAsync(b => b["variants"] = new[]
        {
            new { sku = Given.Unique("A").ToUpperInvariant(), options = new Dictionary<string, string> { ["Size"] = "S" }, externalId = key },
        });
        var variant = product.Arr("variants")[0];
        Assert.Equal(key, variant.Str("externalId"));

        var listed = await app.Admin.GetJsonAsync($"/admin/products/{product.Str("id")}/variants?externalId={key}");
        Assert.Equal([variant.Str("id")], listed.Arr("items").Select(v => v.Str("id")));

        var other = await app.Given.ProductAsync();
        var clash = await app.Admin.PostAsJsonAsync($"/admin/products/{other.Str("id")}/variants",
            new { sku = Given.Unique("B").ToUpperInvariant(), options = new Dictionary<string, string> { ["Size"] = "L" }, externalId = key });
        await clash.ShouldBeProblemAsync(409, "external_id_taken");
        var clashOnUpdate = await app.Admin.PatchAsJsonAsync($"/admin/products/{other.Str("id")}/variants/{other.Arr("variants")[0].Str("id")}",
            new { externalId = key });
        await clashOnUpdate.ShouldBeProblemAsync(409, "external_id_taken");

        var renamed = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}/variants/{variant.Str("id")}", new { externalId = key + "-2" });
        Assert.Equal(key + "-2", renamed.Arr("variants")[0].Str("externalId"));
        var cleared = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}/variants/{variant.Str("id")}", new { externalId = "" });
        Assert.Null(cleared.Arr("variants")[0]!["externalId"]);
    }

    [Fact]
    public async Task A_product_and_a_variant_may_share_an_external_id()
    {
        var key = Given.Unique("shared");
        var product = await app.Given.ProductAsync(b =>
        {
            b["externalId"] = key;
            b["variants"] = new[] { new { sku = Given.Unique("S").ToUpperInvariant(), options = new Dictionary<string, string> { ["Size"] = "S" }, externalId = key } };
        });

        Assert.Equal(key, product.Str("externalId"));
        Assert.Equal(key, product.Arr("variants")[0].Str("externalId"));
    }

    [Fact]
    public async Task A_category_external_id_is_set_returned_filtered_and_unique()
    {
        var key = Given.Unique("erp-cat");
        var category = await app.Admin.PostJsonAsync("/admin/categories", new { name = "Shirts", handle = Given.Unique("cat"), externalId = key });
        Assert.Equal(key, category.Str("externalId"));

        var listed = await app.Admin.GetJsonAsync($"/admin/categories?externalId={key}");
        Assert.Equal([category.Str("id")], listed.Arr("items").Select(c => c.Str("id")));

        var duplicate = await app.Admin.PostAsJsonAsync("/admin/categories", new { name = "Other", handle = Given.Unique("cat"), externalId = key });
        await duplicate.ShouldBeProblemAsync(409, "external_id_taken");
        var other = await app.Given.CategoryAsync();
        await (await app.Admin.PatchAsJsonAsync($"/admin/categories/{other.Str("id")}", new { externalId = key }))
            .ShouldBeProblemAsync(409, "external_id_taken");

        var updated = await app.Admin.PatchJsonAsync($"/admin/categories/{category.Str("id")}", new { externalId = "" });
        Assert.Null(updated["externalId"]);
    }

    [Fact]
    public async Task A_stock_location_external_id_is_set_returned_filtered_and_unique()
    {
        var key = Given.Unique("WH");
        var location = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Warehouse", externalId = key });
        Assert.Equal(key, location.Str("externalId"));

        var listed = await app.Admin.GetJsonAsync($"/admin/stock-locations?externalId={key}");
        Assert.Equal([location.Str("id")], listed.Arr("items").Select(l => l.Str("id")));

        await (await app.Admin.PostAsJsonAsync("/admin/stock-locations", new { name = "Copy", externalId = key }))
            .ShouldBeProblemAsync(409, "external_id_taken");
        var other = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Other" });
        await (await app.Admin.PatchAsJsonAsync($"/admin/stock-locations/{other.Str("id")}", new { externalId = key }))
            .ShouldBeProblemAsync(409, "external_id_taken");

        var renamed = await app.Admin.PatchJsonAsync($"/admin/stock-locations/{location.Str("id")}", new { externalId = key + "-2" });
        Assert.Equal(key + "-2", renamed.Str("externalId"));
    }
}

public sealed class ExternalIdOnSqlite(SqliteApp app) : ExternalIdTests(app), IClassFixture<SqliteApp>;

public sealed class ExternalIdOnPostgres(PostgresApp app) : ExternalIdTests(app), IClassFixture<PostgresApp>;
