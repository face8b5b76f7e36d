namespace Mercato.Api.Tests.Admin.Inventory;

public abstract class InventoryLevelTests(MercatoApp app)
{
    private const string UnknownLocation = "sloc_00000000000000000000000000";

    private async Task<string> LocationAsync(bool isDefault = false) =>
        (await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = Given.Unique("Warehouse"), isDefault })).Str("id");

    private static string Sku() => Given.Unique("sku").ToUpperInvariant();

    private Task<HttpResponseMessage> SetAsync(string sku, string location, object body) =>
        app.Admin.PutAsJsonAsync($"/admin/inventory/{sku}/levels/{location}", body);

    private Task<HttpResponseMessage> AdjustAsync(string sku, string location, object body) =>
        app.Admin.PostAsJsonAsync($"/admin/inventory/{sku}/levels/{location}/adjustments", body);

    [Fact]
    public async Task Setting_on_hand_creates_the_level_and_answers_it_with_its_etag()
    {
        var location = await LocationAsync();
        var sku = Sku();

        var response = await SetAsync(sku.ToLowerInvariant(), location, new { onHand = 10, reason = "Initial count" });

        var level = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sku, level.Str("sku"));
        Assert.Equal(location, level.Str("locationId"));
        Assert.Equal(10, level.Int("onHand"));
        Assert.Equal(0, level.Int("reserved"));
        Assert.Equal(10, level.Int("available"));
        Assert.Equal($"\"{level.Int("version")}\"", response.Headers.ETag?.Tag);
        Assert.EndsWith("Z", level.Str("updatedAt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_again_replaces_on_hand_and_moves_the_version()
    {
        var location = await LocationAsync();
        var sku = Sku();
        var first = await (await SetAsync(sku, location, new { onHand = 10 })).ShouldSucceedAsync();

        var second = await (await SetAsync(sku, location, new { onHand = 4 })).ShouldSucceedAsync();

        Assert.Equal(4, second.Int("onHand"));
        Assert.True(second.Int("version") > first.Int("version"));
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        var location = await LocationAsync();
        var sku = Sku();
        await SetAsync(sku, location, new { onHand = 10 });

        var response = await app.Admin.SendJsonAsync(HttpMethod.Put, $"/admin/inventory/{sku}/levels/{location}", new { onHand = 3 }, "\"999\"");

        await response.ShouldBeProblemAsync(412, "version_conflict");
        var levels = await app.Admin.GetJsonAsync($"/admin/inventory/{sku}/levels");
        Assert.Equal(10, levels.Int("onHand"));
    }

    [Theory]
    [InlineData("{}", "onHand")]
    [InlineData("{\"onHand\": -1}", "onHand")]
    [InlineData("{\"onHand\": 2000000000}", "onHand")]
    public async Task A_bad_on_hand_is_400_naming_the_field(string body, string field)
    {
        var location = await LocationAsync();

        var response = await app.Admin.SendRawAsync(HttpMethod.Put, $"/admin/inventory/{Sku()}/levels/{location}", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task An_unknown_location_is_404()
    {
        var response = await SetAsync(Sku(), UnknownLocation, new { onHand = 1 });
        await response.ShouldBeProblemAsync(404, "not_found");
        var adjust = await AdjustAsync(Sku(), UnknownLocation, new { delta = 1, reason = "found" });
        await adjust.ShouldBeProblemAsync(404, "not_found");
        var list = await app.Admin.GetAsync($"/admin/stock-locations/{UnknownLocation}/levels");
        await list.ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task On_hand_below_what_is_reserved_is_409()
    {
        var location = await LocationAsync(isDefault: true);
        var sku = Sku();
        await SetAsync(sku, location, new { onHand = 5 });
        await app.HoldAsync(Given.Unique("cart"), sku, 3);

        var response = await SetAsync(sku, location, new { onHand = 2 });

        await response.ShouldBeProblemAsync(409, "on_hand_below_reserved");
        var ok = await (await SetAsync(sku, location, new { onHand = 3 })).ShouldSucceedAsync();
        Assert.Equal(3, ok.Int("reserved"));
        Assert.Equal(0, ok.Int("available"));
    }

    [Fact]
    public async Task Adjusting_adds_or_takes_and_logs_each_change_with_the_callers_key()
    {
        var location = await LocationAsync();
        var sku = Sku();
        await SetAsync(sku, location, new { onHand = 10, reason = "count" });

        var taken = await (await AdjustAsync(sku, location, new { delta = -3, reason = "damaged" })).ShouldSucceedAsync();
        var added = await (await AdjustAsync(sku, location, new { delta = 5, reason = "found in the back" })).ShouldSucceedAsync();

        Assert.Equal(7, taken.Int("onHand"));
        Assert.Equal(12, added.Int("available"));
        var history = await app.Admin.ListAllAsync($"/admin/inventory/{sku}/adjustments", limit: 1);
        Assert.Equal([10, -3, 5], history.Select(a => a.Int("delta")));
        Assert.Equal(["count", "damaged", "found in the back"], history.Select(a => a.Str("reason")));
        Assert.All(history, a => Assert.StartsWith("key_", a.Str("callerKeyId"), StringComparison.Ordinal));
        Assert.All(history, a => Assert.Equal(location, a.Str("locationId")));
    }

    [Fact]
    public async Task Taking_more_than_is_available_is_409_insufficient_inventory_and_changes_nothing()
    {
        var location = await LocationAsync(isDefault: true);
        var sku = Sku();
        await SetAsync(sku, location, new { onHand = 5 });
        await app.HoldAsync(Given.Unique("cart"), sku, 2);

        var response = await AdjustAsync(sku, location, new { delta = -4, reason = "damaged" });

        await response.ShouldBeProblemAsync(409, "insufficient_inventory");
        var levels = await app.Admin.GetJsonAsync($"/admin/inventory/{sku}/levels");
        Assert.Equal(5, levels.Int("onHand"));
        Assert.Equal(3, levels.Int("available"));
        Assert.Single(await app.Admin.ListAllAsync($"/admin/inventory/{sku}/adjustments"));
    }

    [Theory]
    [InlineData("{\"delta\": 3}", "reason")]
    [InlineData("{\"delta\": 3, \"reason\": \"  \"}", "reason")]
    [InlineData("{\"delta\": 0, \"reason\": \"x\"}", "delta")]
    [InlineData("{\"reason\": \"x\"}", "delta")]
    public async Task An_adjustment_needs_a_reason_and_a_non_zero_delta(string body, string field)
    {
        var location = await LocationAsync();

        var response = await app.Admin.SendRawAsync(HttpMethod.Post, $"/admin/inventory/{Sku()}/levels/{location}/adjustments", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task The_levels_of_a_sku_cover_every_location_with_totals()
    {
        var first = await LocationAsync();
        var second = await LocationAsync();
        var sku = Sku();
        await SetAsync(sku, first, new { onHand = 3 });
        await SetAsync(sku, second, new { onHand = 4 });

        var levels = await app.Admin.GetJsonAsync($"/admin/inventory/{sku.ToLowerInvariant()}/levels");

        Assert.Equal(sku, levels.Str("sku"));
        Assert.Equal(7, levels.Int("onHand"));
        Assert.Equal(7, levels.Int("available"));
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), levels.Arr("levels").Select(l => l.Str("locationId")));
    }

    [Fact]
    public async Task A_sku_without_levels_reads_as_zero()
    {
        var levels = await app.Admin.GetJsonAsync($"/admin/inventory/{Sku()}/levels");

        Assert.Equal(0, levels.Int("available"));
        Assert.Empty(levels.Arr("levels"));
    }

    [Fact]
    public async Task A_locations_levels_page_by_sku()
    {
        var location = await LocationAsync();
        var skus = new[] { Sku(), Sku(), Sku() };
        foreach (var sku in skus) await SetAsync(sku, location, new { onHand = 1 });

        var all = await app.Admin.ListAllAsync($"/admin/stock-locations/{location}/levels", limit: 2);

        Assert.Equal(skus.Order(StringComparer.Ordinal), all.Select(l => l.Str("sku")));
        var bad = await app.Admin.GetAsync($"/admin/stock-locations/{location}/levels?cursor=nope");
        await bad.ShouldBeProblemAsync(400, "invalid_cursor");
    }

    [Fact]
    public async Task A_location_with_stock_cannot_be_deleted_but_an_emptied_one_can()
    {
        var location = await LocationAsync();
        var sku = Sku();
        await SetAsync(sku, location, new { onHand = 2 });

        var refused = await app.Admin.DeleteAsync($"/admin/stock-locations/{location}");
        await refused.ShouldBeProblemAsync(409, "stock_location_in_use");

        await SetAsync(sku, location, new { onHand = 0 });
        var deleted = await app.Admin.DeleteAsync($"/admin/stock-locations/{location}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await app.Admin.GetJsonAsync($"/admin/inventory/{sku}/levels")).Arr("levels"));
    }

    [Fact]
    public async Task A_location_with_a_hold_cannot_be_deleted()
    {
        var location = await LocationAsync(isDefault: true);
        var sku = Sku();
        await SetAsync(sku, location, new { onHand = 2 });
        await app.HoldAsync(Given.Unique("cart"), sku, 2);

        var refused = await app.Admin.DeleteAsync($"/admin/stock-locations/{location}");

        await refused.ShouldBeProblemAsync(409, "stock_location_in_use");
    }
}

public sealed class InventoryLevelOnSqlite(SqliteApp app) : InventoryLevelTests(app), IClassFixture<SqliteApp>;

public sealed class InventoryLevelOnPostgres(PostgresApp app) : InventoryLevelTests(app), IClassFixture<PostgresApp>;
