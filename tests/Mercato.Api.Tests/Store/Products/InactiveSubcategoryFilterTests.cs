namespace Mercato.Api.Tests.Store.Products;

public abstract class InactiveSubcategoryFilterTests(MercatoApp app)
{
    [Fact]
    public async Task A_category_filter_leaves_out_products_only_in_an_inactive_subcategory()
    {
        var parent = await app.Given.CategoryAsync();
        var hidden = await app.Given.CategoryAsync(parentId: parent.Str("id"));
        await app.Admin.PatchJsonAsync($"/admin/categories/{hidden.Str("id")}", new { isActive = false });
        var visible = await app.Given.ProductAsync(b => b["categoryIds"] = new[] { parent.Str("id") });
        await app.Given.ProductAsync(b => b["categoryIds"] = new[] { hidden.Str("id") });

        var page = await app.Store.GetJsonAsync($"/store/products?category={parent.Str("handle")}");

        Assert.Equal([visible.Str("id")], page.Arr("items").Select(p => p.Str("id")));
    }
}

public sealed class InactiveSubcategoryFilterOnSqlite(SqliteApp app) : InactiveSubcategoryFilterTests(app), IClassFixture<SqliteApp>;

public sealed class InactiveSubcategoryFilterOnPostgres(PostgresApp app) : InactiveSubcategoryFilterTests(app), IClassFixture<PostgresApp>;
