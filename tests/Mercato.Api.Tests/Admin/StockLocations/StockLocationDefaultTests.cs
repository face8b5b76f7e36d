namespace Mercato.Api.Tests.Admin.StockLocations;

public abstract class StockLocationDefaultTests(MercatoApp app)
{
    [Fact]
    public async Task Making_a_location_the_default_takes_it_from_the_previous_one()
    {
        var first = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "First", isDefault = true });
        var second = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Second", isDefault = true });
        Assert.False((await app.Admin.GetJsonAsync($"/admin/stock-locations/{first.Str("id")}"))["isDefault"]!.GetValue<bool>());

        await app.Admin.PatchJsonAsync($"/admin/stock-locations/{first.Str("id")}", new { isDefault = true });

        Assert.True((await app.Admin.GetJsonAsync($"/admin/stock-locations/{first.Str("id")}"))["isDefault"]!.GetValue<bool>());
        Assert.False((await app.Admin.GetJsonAsync($"/admin/stock-locations/{second.Str("id")}"))["isDefault"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_write_without_a_body_is_400_with_a_plain_message()
    {
        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/stock-locations", "");
        var problem = await response.ShouldBeProblemAsync(400, "malformed_request");
        Assert.DoesNotContain("Service", problem.Str("detail"), StringComparison.Ordinal);
    }
}

public sealed class StockLocationDefaultOnSqlite(SqliteApp app) : StockLocationDefaultTests(app), IClassFixture<SqliteApp>;

public sealed class StockLocationDefaultOnPostgres(PostgresApp app) : StockLocationDefaultTests(app), IClassFixture<PostgresApp>;
