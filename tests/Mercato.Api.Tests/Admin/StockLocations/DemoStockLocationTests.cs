namespace Mercato.Api.Tests.Admin.StockLocations;

public abstract class DemoStockLocationTests(MercatoApp app)
{
    [Fact]
    public async Task The_demo_shop_has_exactly_one_default_stock_location()
    {
        var list = await app.Admin.GetJsonAsync("/admin/stock-locations?limit=100");

        var location = Assert.Single(list.Arr("items"), l => l!["isDefault"]!.GetValue<bool>());
        Assert.StartsWith("sloc_", location.Str("id"));
        Assert.False(string.IsNullOrWhiteSpace(location.Str("name")));
    }
}

public sealed class DemoStockLocationOnSqlite(SqliteDemoApp app) : DemoStockLocationTests(app), IClassFixture<SqliteDemoApp>;

public sealed class DemoStockLocationOnPostgres(PostgresDemoApp app) : DemoStockLocationTests(app), IClassFixture<PostgresDemoApp>;
