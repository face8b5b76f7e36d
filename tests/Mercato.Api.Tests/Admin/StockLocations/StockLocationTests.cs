using Mercato.Api.Tests.Operations;

namespace Mercato.Api.Tests.Admin.StockLocations;

public abstract class StockLocationTests(MercatoApp app)
{
    private const string UnknownId = "sloc_00000000000000000000000000";

    [Fact]
    public async Task Creating_a_location_answers_201_with_its_address_and_version_1()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/stock-locations", new
        {
            name = " Main warehouse ", isDefault = true,
            address = new { line1 = "1 Dock Road", city = "Rotterdam", postalCode = "3011", countryCode = "nl" },
        });

        var location = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("sloc_", location.Str("id"));
        Assert.Equal("Main warehouse", location.Str("name"));
        Assert.True(location["isDefault"]!.GetValue<bool>());
        Assert.Equal("1 Dock Road", location["address"].Str("line1"));
        Assert.Equal("Rotterdam", location["address"].Str("city"));
        Assert.Equal("3011", location["address"].Str("postalCode"));
        Assert.Equal("NL", location["address"].Str("countryCode"));
        Assert.Equal(1, location.Int("version"));
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal($"/admin/stock-locations/{location.Str("id")}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_location_needs_only_a_name()
    {
        var location = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Back room" });

        Assert.False(location["isDefault"]!.GetValue<bool>());
        Assert.Null(location["address"]!["countryCode"]);
    }

    [Fact]
    public async Task Get_answers_the_location_with_its_etag()
    {
        var created = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Store 12" });

        var response = await app.Admin.GetAsync($"/admin/stock-locations/{created.Str("id")}");

        Assert.Equal("Store 12", (await response.ShouldSucceedAsync()).Str("name"));
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task The_list_pages_through_every_location_once_in_id_order()
    {
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
            created.Add((await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = $"Paged {i}" })).Str("id"));

        var all = await app.Admin.ListAllAsync("/admin/stock-locations", limit: 1);

        var ids = all.Select(l => l.Str("id")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(created, ids.Where(created.Contains));
    }

    [Theory]
    [InlineData("limit=0", "limit", "validation_failed")]
    [InlineData("limit=101", "limit", "validation_failed")]
    [InlineData("cursor=not-a-cursor", "cursor", "invalid_cursor")]
    public async Task A_bad_limit_or_cursor_is_400(string query, string field, string code)
    {
        var response = await app.Admin.GetAsync($"/admin/stock-locations?{query}");

        Assert.NotNull((await response.ShouldBeProblemAsync(400, code))["errors"]?[field]);
    }

    [Fact]
    public async Task Get_patch_and_delete_of_an_unknown_location_are_404()
    {
        const string url = "/admin/stock-locations/" + UnknownId;

        await (await app.Admin.GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.PatchAsJsonAsync(url, new { name = "Nowhere" })).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.DeleteAsync(url)).ShouldBeProblemAsync(404, "not_found");
    }

    [Theory]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name":" "}""", "name")]
    [InlineData("""{"name":"Bad country","address":{"countryCode":"NLD"}}""", "address.countryCode")]
    [InlineData("""{"name":"Bad country","address":{"countryCode":"1A"}}""", "address.countryCode")]
    [InlineData("""{"name":"Bad country","address":{"countryCode":""}}""", "address.countryCode")]
    public async Task Invalid_input_is_400_on_the_field_and_creates_nothing(string body, string field)
    {
        var before = (await app.Admin.ListAllAsync("/admin/stock-locations")).Count;

        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/stock-locations", body);

        Assert.NotNull((await response.ShouldBeProblemAsync(400, "validation_failed"))["errors"]?[field]);
        Assert.Equal(before, (await app.Admin.ListAllAsync("/admin/stock-locations")).Count);
    }

    [Fact]
    public async Task Over_long_address_fields_are_400_on_their_paths()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/stock-locations", new
        {
            name = new string('n', 201),
            address = new { line1 = new string('l', 201), city = new string('c', 101), postalCode = new string('p', 21) },
        });

        var errors = (await response.ShouldBeProblemAsync(400, "validation_failed"))["errors"]!.AsObject();
        Assert.Equal(["address.city", "address.line1", "address.postalCode", "name"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Patching_the_name_keeps_the_address_and_bumps_the_version()
    {
        var created = await app.Admin.PostJsonAsync("/admin/stock-locations",
            new { name = "Old name", address = new { city = "Lyon", countryCode = "FR" } });

        var response = await app.Admin.PatchAsJsonAsync($"/admin/stock-locations/{created.Str("id")}", new { name = "New name" });

        var location = await response.ShouldSucceedAsync();
        Assert.Equal("New name", location.Str("name"));
        Assert.Equal("Lyon", location["address"].Str("city"));
        Assert.Equal("FR", location["address"].Str("countryCode"));
        Assert.Equal(2, location.Int("version"));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task An_invalid_patch_is_400_and_changes_nothing()
    {
        var created = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Unchanged" });
        var url = $"/admin/stock-locations/{created.Str("id")}";

        var response = await app.Admin.PatchAsJsonAsync(url, new { name = "", address = new { countryCode = "XXX" } });

        var errors = (await response.ShouldBeProblemAsync(400, "validation_failed"))["errors"]!;
        Assert.NotNull(errors["name"]);
        Assert.NotNull(errors["address.countryCode"]);
        var location = await app.Admin.GetJsonAsync(url);
        Assert.Equal("Unchanged", location.Str("name"));
        Assert.Equal(1, location.Int("version"));
    }

    [Fact]
    public async Task Writes_with_a_stale_if_match_are_412_and_change_nothing()
    {
        var created = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Contended" });
        var url = $"/admin/stock-locations/{created.Str("id")}";
        await app.Admin.PatchJsonAsync(url, new { isDefault = true });

        var patch = await app.Admin.PatchAsJsonAsync(url, new { name = "Lost update" }, "\"1\"");
        var delete = await app.Admin.DeleteAsync(url, "\"1\"");

        await patch.ShouldBeProblemAsync(412, "version_conflict");
        await delete.ShouldBeProblemAsync(412, "version_conflict");
        var location = await app.Admin.GetJsonAsync(url);
        Assert.Equal("Contended", location.Str("name"));
        Assert.Equal(2, location.Int("version"));
    }

    [Fact]
    public async Task Writes_with_the_current_if_match_succeed()
    {
        var created = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Careful" });
        var url = $"/admin/stock-locations/{created.Str("id")}";

        var patch = await app.Admin.PatchAsJsonAsync(url, new { name = "Careful writer" }, "\"1\"");
        var delete = await app.Admin.DeleteAsync(url, "\"2\"");

        Assert.Equal("Careful writer", (await patch.ShouldSucceedAsync()).Str("name"));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_location_removes_it()
    {
        var created = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Closed" });
        var url = $"/admin/stock-locations/{created.Str("id")}";

        var response = await app.Admin.DeleteAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await app.Admin.GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
        Assert.DoesNotContain(await app.Admin.ListAllAsync("/admin/stock-locations"), l => l.Str("id") == created.Str("id"));
    }
}

public sealed class StockLocationOnSqlite(SqliteApp app) : StockLocationTests(app), IClassFixture<SqliteApp>;

public sealed class StockLocationOnPostgres(PostgresApp app) : StockLocationTests(app), IClassFixture<PostgresApp>;
