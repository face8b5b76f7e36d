namespace Mercato.Api.Tests.Admin.Products;

public abstract class GetProductTests(MercatoApp app)
{
    [Fact]
    public async Task A_product_reads_back_with_its_version_as_etag()
    {
        var product = await app.Given.ProductAsync();
        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { title = "Renamed" });

        var response = await app.Admin.GetAsync($"/admin/products/{product.Str("id")}");

        var read = await response.ShouldSucceedAsync();
        Assert.Equal(product.Str("id"), read.Str("id"));
        Assert.Equal("Renamed", read.Str("title"));
        Assert.Equal(2, read.Int("version"));
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal(product.Arr("variants").Select(v => v.Str("id")), read.Arr("variants").Select(v => v.Str("id")));
    }

    [Theory]
    [InlineData("prod_01JNOSUCHPRODUCT000000000")]
    [InlineData("nope")]
    [InlineData("%20")]
    public async Task An_unknown_id_is_404_not_found(string id)
    {
        var response = await app.Admin.GetAsync($"/admin/products/{id}");

        await response.ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task A_deleted_product_is_404_not_found()
    {
        var product = await app.Given.ProductAsync();
        (await app.Admin.DeleteAsync($"/admin/products/{product.Str("id")}")).EnsureSuccessStatusCode();

        var response = await app.Admin.GetAsync($"/admin/products/{product.Str("id")}");

        await response.ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class GetProductOnSqlite(SqliteApp app) : GetProductTests(app), IClassFixture<SqliteApp>;

public sealed class GetProductOnPostgres(PostgresApp app) : GetProductTests(app), IClassFixture<PostgresApp>;
