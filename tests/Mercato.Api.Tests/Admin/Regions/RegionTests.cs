using Mercato.Api.Tests.Admin.Events;
using Mercato.Api.Tests.Operations;

namespace Mercato.Api.Tests.Admin.Regions;

/// <summary>Each test uses countries of its own: a country belongs to one region, and the class shares a database.</summary>
public abstract class RegionTests(MercatoApp app)
{
    private const string UnknownId = "reg_00000000000000000000000000";

    [Fact]
    public async Task Creating_a_region_normalizes_currency_and_countries()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/regions", new
        {
            name = " British Isles ", currency = "gbp", countries = new[] { "ie", "GB", "gb" }, taxRateBasisPoints = 2000, pricesIncludeTax = true,
        });

        var region = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("reg_", region.Str("id"));
        Assert.Equal("British Isles", region.Str("name"));
        Assert.Equal("GBP", region.Str("currency"));
        Assert.Equal(["GB", "IE"], region.Arr("countries").Select(c => c!.GetValue<string>()));
        Assert.Equal(2000, region.Int("taxRateBasisPoints"));
        Assert.True(region["pricesIncludeTax"]!.GetValue<bool>());
        Assert.Equal(1, region.Int("version"));
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal($"/admin/regions/{region.Str("id")}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_region_without_countries_or_tax_defaults_to_none_and_zero()
    {
        var region = await app.Admin.PostJsonAsync("/admin/regions", new { name = "Nowhere yet", currency = "CHF" });

        Assert.Empty(region.Arr("countries"));
        Assert.Equal(0, region.Int("taxRateBasisPoints"));
        Assert.False(region["pricesIncludeTax"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Get_answers_the_region_with_its_etag_and_the_store_lists_it()
    {
        var created = await app.Admin.PostJsonAsync("/admin/regions", new { name = "Japan", currency = "JPY", countries = new[] { "JP" } });

        var response = await app.Admin.GetAsync($"/admin/regions/{created.Str("id")}");

        var region = await response.ShouldSucceedAsync();
        Assert.Equal("JPY", region.Str("currency"));
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var stored = (await app.Store.GetJsonAsync("/store/regions")).Arr("items").Single(r => r.Str("id") == created.Str("id"));
        Assert.Equal(["JP"], stored.Arr("countries").Select(c => c!.GetValue<string>()));
        Assert.Contains(await app.Admin.ListAllAsync("/admin/regions", limit: 1), r => r.Str("id") == created.Str("id"));
    }

    [Fact]
    public async Task Get_patch_and_delete_of_an_unknown_region_are_404()
    {
        const string url = "/admin/regions/" + UnknownId;

        await (await app.Admin.GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.PatchAsJsonAsync(url, new { name = "Nowhere" })).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.DeleteAsync(url)).ShouldBeProblemAsync(404, "not_found");
    }

    [Theory]
    [InlineData("""{"currency":"USD"}""", "name")]
    [InlineData("""{"name":"  ","currency":"USD"}""", "name")]
    [InlineData("""{"name":"No currency"}""", "currency")]
    [InlineData("""{"name":"Bad currency","currency":"XYZ"}""", "currency")]
    [InlineData("""{"name":"Bad currency","currency":"US"}""", "currency")]
    [InlineData("""{"name":"Bad currency","currency":"USDD"}""", "currency")]
    [InlineData("""{"name":"Bad country","currency":"USD","countries":["XX"]}""", "countries[0]")]
    [InlineData("""{"name":"Bad country","currency":"USD","countries":["USA"]}""", "countries[0]")]
    [InlineData("""{"name":"Bad country","currency":"USD","countries":["BE","zz"]}""", "countries[1]")]
    [InlineData("""{"name":"Bad country","currency":"USD","countries":[""]}""", "countries[0]")]
    [InlineData("""{"name":"Bad country","currency":"USD","countries":[null]}""", "countries[0]")]
    [InlineData("""{"name":"Bad tax","currency":"USD","taxRateBasisPoints":-1}""", "taxRateBasisPoints")]
    [InlineData("""{"name":"Bad tax","currency":"USD","taxRateBasisPoints":10001}""", "taxRateBasisPoints")]
    public async Task Invalid_input_is_400_on_the_field_and_creates_nothing(string body, string field)
    {
        var before = (await app.Admin.ListAllAsync("/admin/regions")).Count;

        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/regions", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]?[field]);
        Assert.Equal(before, (await app.Admin.ListAllAsync("/admin/regions")).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public async Task The_tax_rate_may_be_anything_from_0_to_100_percent(int basisPoints)
    {
        var region = await app.Admin.PostJsonAsync("/admin/regions", new { name = "Tax edge", currency = "EUR", taxRateBasisPoints = basisPoints });

        Assert.Equal(basisPoints, region.Int("taxRateBasisPoints"));
    }

    [Fact]
    public async Task A_country_already_in_another_region_is_409_country_in_other_region_and_creates_nothing()
    {
        var before = (await app.Admin.ListAllAsync("/admin/regions")).Count;

        var response = await app.Admin.PostAsJsonAsync("/admin/regions", new { name = "North America", currency = "USD", countries = new[] { "CA", "us" } });

        var problem = await response.ShouldBeProblemAsync(409, "country_in_other_region");
        Assert.Contains("US", problem.Str("detail"));
        Assert.Equal(before, (await app.Admin.ListAllAsync("/admin/regions")).Count);
        var canada = await app.Admin.PostAsJsonAsync("/admin/regions", new { name = "Canada", currency = "CAD", countries = new[] { "CA" } });
        Assert.Equal(HttpStatusCode.Created, canada.StatusCode);
    }

    [Fact]
    public async Task Patching_changes_only_the_given_fields_and_bumps_the_version()
    {
        var created = await app.Admin.PostJsonAsync("/admin/regions",
            new { name = "Oceania", currency = "AUD", countries = new[] { "AU", "NZ" }, taxRateBasisPoints = 1000 });

        var response = await app.Admin.PatchAsJsonAsync($"/admin/regions/{created.Str("id")}",
            new { countries = new[] { "AU", "NZ", "FJ" }, taxRateBasisPoints = 1500 });

        var region = await response.ShouldSucceedAsync();
        Assert.Equal(["AU", "FJ", "NZ"], region.Arr("countries").Select(c => c!.GetValue<string>()));
        Assert.Equal(1500, region.Int("taxRateBasisPoints"));
        Assert.Equal("Oceania", region.Str("name"));
        Assert.Equal("AUD", region.Str("currency"));
        Assert.Equal(2, region.Int("version"));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Theory]
    [InlineData("""{"currency":"ABC"}""", "currency")]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"taxRateBasisPoints":20000}""", "taxRateBasisPoints")]
    [InlineData("""{"countries":["QQ"]}""", "countries[0]")]
    public async Task An_invalid_patch_is_400_and_changes_nothing(string body, string field)
    {
        var created = await app.Admin.PostJsonAsync("/admin/regions", new { name = "Stable", currency = "SEK" });
        var url = $"/admin/regions/{created.Str("id")}";

        var response = await app.Admin.SendRawAsync(HttpMethod.Patch, url, body);

        Assert.NotNull((await response.ShouldBeProblemAsync(400, "validation_failed"))["errors"]?[field]);
        var region = await app.Admin.GetJsonAsync(url);
        Assert.Equal(1, region.Int("version"));
        Assert.Equal("SEK", region.Str("currency"));
    }

    [Fact]
    public async Task Patching_in_a_country_of_another_region_is_409_and_changes_nothing()
    {
        await app.Admin.PostJsonAsync("/admin/regions", new { name = "Sweden", currency = "SEK", countries = new[] { "SE" } });
        var norway = await app.Admin.PostJsonAsync("/admin/regions", new { name = "Norway", currency = "NOK", countries = new[] { "NO" } });
        var url = $"/admin/regions/{norway.Str("id")}";

        var response = await app.Admin.PatchAsJsonAsync(url, new { name = "Scandinavia", countries = new[] { "NO", "SE" } });

        await response.ShouldBeProblemAsync(409, "country_in_other_region");
        var region = await app.Admin.GetJsonAsync(url);
        Assert.Equal("Norway", region.Str("name"));
        Assert.Equal(["NO"], region.Arr("countries").Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Removing_a_country_from_a_region_frees_it_for_another()
    {
        var denmark = await app.Admin.PostJsonAsync("/admin/regions", new { name = "Denmark", currency = "DKK", countries = new[] { "DK" } });

        await app.Admin.PatchJsonAsync($"/admin/regions/{denmark.Str("id")}", new { countries = Array.Empty<string>() });

        var response = await app.Admin.PostAsJsonAsync("/admin/regions", new { name = "Nordics", currency = "DKK", countries = new[] { "DK" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_region_removes_it_and_frees_its_countries()
    {
        var finland = await app.Admin.PostJsonAsync("/admin/regions", new { name = "Finland", currency = "EUR", countries = new[] { "FI" } });
        var url = $"/admin/regions/{finland.Str("id")}";

        var response = await app.Admin.DeleteAsync(url, "\"1\"");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await app.Admin.GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
        Assert.DoesNotContain((await app.Store.GetJsonAsync("/store/regions")).Arr("items"), r => r.Str("id") == finland.Str("id"));
        var again = await app.Admin.PostAsJsonAsync("/admin/regions", new { name = "Suomi", currency = "EUR", countries = new[] { "FI" } });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Creating_changing_and_deleting_a_region_each_record_an_event_with_its_state()
    {
        var id = (await app.Admin.PostJsonAsync("/admin/regions", new { name = "Iceland", currency = "ISK", countries = new[] { "IS" } })).Str("id");
        await app.Admin.PatchJsonAsync($"/admin/regions/{id}", new { taxRateBasisPoints = 2500 });
        (await app.Admin.DeleteAsync($"/admin/regions/{id}")).EnsureSuccessStatusCode();

        var events = await app.EventsOfAsync(id);

        Assert.Equal(["region.created", "region.updated", "region.deleted"], EventsTestData.TypesInSequence(events));
        Assert.Equal(["IS"], events[0]["data"].Arr("countries").Select(c => c!.GetValue<string>()));
        Assert.Equal(2500, events[1]["data"].Int("taxRateBasisPoints"));
        Assert.Equal(id, events[2]["data"].Str("id"));
    }

    [Fact]
    public async Task A_store_read_after_the_first_does_not_query_the_regions()
    {
        await app.Store.GetAsync($"/store/products?region={app.UsRegionId}&tag={Given.Unique("first")}");

        using (app.Queries.Record(out var queries))
        {
            // A key of its own, so that the output cache does not answer it.
            await (await app.Store.GetAsync($"/store/products?region={app.UsRegionId}&tag={Given.Unique("second")}")).ShouldSucceedAsync();
            Assert.NotEmpty(queries);
            Assert.DoesNotContain(queries, q => q.Contains("regions_region", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Writes_with_a_stale_if_match_are_412_and_change_nothing()
    {
        var created = await app.Admin.PostJsonAsync("/admin/regions", new { name = "Poland", currency = "PLN", countries = new[] { "PL" } });
        var url = $"/admin/regions/{created.Str("id")}";
        await app.Admin.PatchJsonAsync(url, new { taxRateBasisPoints = 2300 });

        var patch = await app.Admin.PatchAsJsonAsync(url, new { name = "Polska" }, "\"1\"");
        var delete = await app.Admin.DeleteAsync(url, "\"1\"");

        await patch.ShouldBeProblemAsync(412, "version_conflict");
        await delete.ShouldBeProblemAsync(412, "version_conflict");
        var region = await app.Admin.GetJsonAsync(url);
        Assert.Equal("Poland", region.Str("name"));
        Assert.Equal(2, region.Int("version"));
        var current = await app.Admin.PatchAsJsonAsync(url, new { name = "Polska" }, "\"2\"");
        Assert.Equal("Polska", (await current.ShouldSucceedAsync()).Str("name"));
    }
}

public sealed class RegionOnSqlite(SqliteApp app) : RegionTests(app), IClassFixture<SqliteApp>;

public sealed class RegionOnPostgres(PostgresApp app) : RegionTests(app), IClassFixture<PostgresApp>;
