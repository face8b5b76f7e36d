namespace Mercato.Api.Tests.Store.Regions;

public abstract class ListStoreRegionsTests(MercatoApp app)
{
    [Fact]
    public async Task Regions_are_listed_with_currency_countries_and_tax_settings()
    {
        var list = await app.Store.GetJsonAsync("/store/regions");
        var items = list.Arr("items");

        var us = items.Single(r => r.Str("id") == app.UsRegionId);
        Assert.Equal("United States", us.Str("name"));
        Assert.Equal("USD", us.Str("currency"));
        Assert.Equal(["US"], us.Arr("countries").Select(c => c!.GetValue<string>()));
        Assert.False(us!["pricesIncludeTax"]!.GetValue<bool>());
        var eu = items.Single(r => r.Str("id") == app.EuRegionId);
        Assert.Equal("EUR", eu.Str("currency"));
        Assert.Equal(["DE", "FR"], eu.Arr("countries").Select(c => c!.GetValue<string>()));
        Assert.Equal(2000, eu.Int("taxRateBasisPoints"));
        Assert.True(eu!["pricesIncludeTax"]!.GetValue<bool>());
        Assert.Null(list["nextCursor"]);
    }

    [Fact]
    public async Task A_new_region_shows_up_and_admin_fields_stay_private()
    {
        var region = await app.Admin.PostJsonAsync("/admin/regions", new { name = "Nordics", currency = "SEK", countries = new[] { "se" } });

        var list = await app.Store.GetJsonAsync("/store/regions");

        var listed = list.Arr("items").Single(r => r.Str("id") == region.Str("id"));
        Assert.Equal("SEK", listed.Str("currency"));
        Assert.Equal(["SE"], listed.Arr("countries").Select(c => c!.GetValue<string>()));
        Assert.False(StoreTestData.HasPropertyAnywhere(list, "version"));
        Assert.False(StoreTestData.HasPropertyAnywhere(list, "createdAt"));
    }
}

public sealed class ListStoreRegionsOnSqlite(SqliteApp app) : ListStoreRegionsTests(app), IClassFixture<SqliteApp>;

public sealed class ListStoreRegionsOnPostgres(PostgresApp app) : ListStoreRegionsTests(app), IClassFixture<PostgresApp>;
