using Mercato.Api.Tests.Admin;

namespace Mercato.Api.Tests.Admin.TaxClasses;

public abstract class TaxClassTests(MercatoApp app)
{
    private static string Code() => "c" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_tax_class_keeps_its_rates_per_region_and_changes_with_if_match()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/tax-classes",
            new { name = "Books", code = " BOOKS_" + Code().ToUpperInvariant(), rates = new[] { new { regionId = app.EuRegionId, rateBasisPoints = 700 } } });
        var created = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("txc_", created.Str("id"));
        Assert.Equal(created.Str("code").ToLowerInvariant(), created.Str("code"));
        Assert.Equal(700, created.Arr("rates").Single().Int("rateBasisPoints"));

        var url = $"/admin/tax-classes/{created.Str("id")}";
        var stale = await app.Admin.SendJsonAsync(HttpMethod.Patch, url, new { name = "x" }, ifMatch: "\"99\"");
        await stale.ShouldBeProblemAsync(412, "version_conflict");

        var updated = await app.Admin.PatchJsonAsync(url, new { rates = new[] { new { regionId = app.UsRegionId, rateBasisPoints = 0 } } });
        Assert.Equal(app.UsRegionId, updated.Arr("rates").Single().Str("regionId"));
        Assert.Equal(2, updated.Int("version"));
        Assert.Contains(created.Str("id"), (await app.Admin.ListAllAsync("/admin/tax-classes")).Select(c => c.Str("id")));

        (await app.Admin.DeleteAsync(url)).EnsureSuccessStatusCode();
        await (await app.Admin.GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Rates_for_unknown_regions_bad_rates_and_taken_codes_are_rejected()
    {
        var code = Code();
        await app.Admin.PostJsonAsync("/admin/tax-classes", new { name = "Food", code });

        var unknown = await app.Admin.PostAsJsonAsync("/admin/tax-classes",
            new { name = "X", code = Code(), rates = new[] { new { regionId = "reg_nope", rateBasisPoints = 100 } } });
        Assert.Contains("rates[0].regionId", (await unknown.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields());
        var tooHigh = await app.Admin.PostAsJsonAsync("/admin/tax-classes",
            new { name = "X", code = Code(), rates = new[] { new { regionId = app.EuRegionId, rateBasisPoints = 10_001 } } });
        Assert.Contains("rates[0].rateBasisPoints", (await tooHigh.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields());
        await (await app.Admin.PostAsJsonAsync("/admin/tax-classes", new { name = "Again", code })).ShouldBeProblemAsync(409, "tax_class_code_taken");
    }

    [Fact]
    public async Task A_product_takes_an_existing_tax_class_only()
    {
        var taxClass = await app.Admin.PostJsonAsync("/admin/tax-classes", new { name = "Reduced", code = Code() });

        var body = Given.ProductBody();
        body["taxClassId"] = "txc_missing";
        var rejected = await app.Admin.PostAsJsonAsync("/admin/products", body);
        Assert.Contains("taxClassId", (await rejected.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields());

        var product = await app.Given.ProductAsync(b => b["taxClassId"] = taxClass.Str("id"));
        Assert.Equal(taxClass.Str("id"), product.Str("taxClassId"));
        var cleared = await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { taxClassId = "" });
        Assert.Null(cleared["taxClassId"]);
    }
}

public sealed class TaxClassOnSqlite(SqliteApp app) : TaxClassTests(app), IClassFixture<SqliteApp>;

public sealed class TaxClassOnPostgres(PostgresApp app) : TaxClassTests(app), IClassFixture<PostgresApp>;
