using Mercato.Api.Tests.Operations;

namespace Mercato.Api.Tests.Admin.SalesChannels;

public abstract class SalesChannelTests(MercatoApp app)
{
    private const string UnknownId = "sc_00000000000000000000000000";

    [Fact]
    public async Task Creating_a_channel_answers_201_with_version_1_and_one_publishable_key()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/sales-channels", new { name = "  Mobile app ", description = "iOS and Android" });

        var channel = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("sc_", channel.Str("id"));
        Assert.Equal("Mobile app", channel.Str("name"));
        Assert.Equal("iOS and Android", channel.Str("description"));
        Assert.False(channel["isDefault"]!.GetValue<bool>());
        Assert.False(channel["isDisabled"]!.GetValue<bool>());
        Assert.Equal(1, channel.Int("version"));
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal($"/admin/sales-channels/{channel.Str("id")}", response.Headers.Location?.OriginalString);
        var key = channel.Arr("publishableKeys").Single();
        Assert.StartsWith("pk_", key.Str("token"));
        Assert.Null(key!["revokedAt"]);
    }

    [Fact]
    public async Task The_key_of_a_new_channel_opens_the_store_api()
    {
        var (_, store) = await app.Given.ChannelAsync("Kiosk");

        var response = await store.GetAsync("/store/regions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_answers_the_channel_with_its_etag()
    {
        var created = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Marketplace" });

        var response = await app.Admin.GetAsync($"/admin/sales-channels/{created.Str("id")}");

        var channel = await response.ShouldSucceedAsync();
        Assert.Equal("Marketplace", channel.Str("name"));
        Assert.Equal(created.Arr("publishableKeys").Single().Str("token"), channel.Arr("publishableKeys").Single().Str("token"));
        Assert.Equal($"\"{channel.Int("version")}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task The_list_shows_channels_with_their_publishable_keys()
    {
        var created = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Listed channel" });

        var all = await app.Admin.ListAllAsync("/admin/sales-channels", limit: 1);

        var listed = all.Single(c => c.Str("id") == created.Str("id"));
        Assert.Equal(created.Arr("publishableKeys").Single().Str("token"), listed.Arr("publishableKeys").Single().Str("token"));
        Assert.Equal(all.Count, all.Select(c => c.Str("id")).Distinct().Count());
    }

    [Fact]
    public async Task Get_patch_delete_and_new_keys_of_an_unknown_channel_are_404()
    {
        const string url = "/admin/sales-channels/" + UnknownId;
        await (await app.Admin.GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.PatchAsJsonAsync(url, new { name = "Nobody" })).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.DeleteAsync(url)).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.PostAsJsonAsync(url + "/publishable-keys", new { title = "x" })).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Patching_changes_only_the_given_fields_and_bumps_the_version()
    {
        var created = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Before", description = "Kept" });

        var response = await app.Admin.PatchAsJsonAsync($"/admin/sales-channels/{created.Str("id")}", new { name = "After", isDefault = true });

        var channel = await response.ShouldSucceedAsync();
        Assert.Equal("After", channel.Str("name"));
        Assert.Equal("Kept", channel.Str("description"));
        Assert.True(channel["isDefault"]!.GetValue<bool>());
        Assert.Equal(created.Int("version") + 1, channel.Int("version"));
        Assert.Equal($"\"{channel.Int("version")}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_patch_with_a_stale_if_match_is_412_and_changes_nothing()
    {
        var created = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Contended" });
        var url = $"/admin/sales-channels/{created.Str("id")}";
        await app.Admin.PatchJsonAsync(url, new { name = "First writer" });

        var response = await app.Admin.PatchAsJsonAsync(url, new { name = "Second writer" }, "\"1\"");

        await response.ShouldBeProblemAsync(412, "version_conflict");
        Assert.Equal("First writer", (await app.Admin.GetJsonAsync(url)).Str("name"));
    }

    [Fact]
    public async Task A_patch_with_the_current_if_match_succeeds()
    {
        var created = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Careful" });
        var url = $"/admin/sales-channels/{created.Str("id")}";
        var etag = (await app.Admin.GetAsync(url)).Headers.ETag!.Tag;

        var response = await app.Admin.PatchAsJsonAsync(url, new { name = "Careful writer" }, etag);

        Assert.Equal("Careful writer", (await response.ShouldSucceedAsync()).Str("name"));
    }

    [Fact]
    public async Task A_delete_with_a_stale_if_match_is_412_and_keeps_the_channel()
    {
        var created = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Kept" });
        var url = $"/admin/sales-channels/{created.Str("id")}";
        await app.Admin.PatchJsonAsync(url, new { description = "changed" });

        var response = await app.Admin.DeleteAsync(url, "\"1\"");

        await response.ShouldBeProblemAsync(412, "version_conflict");
        Assert.Equal(HttpStatusCode.OK, (await app.Admin.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_channel_removes_it_and_shuts_out_its_keys()
    {
        var (id, store) = await app.Given.ChannelAsync("Short-lived");
        var url = $"/admin/sales-channels/{id}";
        var etag = (await app.Admin.GetAsync(url)).Headers.ETag!.Tag;

        var response = await app.Admin.DeleteAsync(url, etag);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await app.Admin.GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
        await (await store.GetAsync("/store/regions")).ShouldBeProblemAsync(401, "unauthorized");
        await (await app.Admin.DeleteAsync(url)).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Disabling_a_channel_shuts_out_its_keys_and_enabling_lets_them_back_in()
    {
        var (id, store) = await app.Given.ChannelAsync("Seasonal");

        await app.Admin.PatchJsonAsync($"/admin/sales-channels/{id}", new { isDisabled = true });
        await (await store.GetAsync("/store/regions")).ShouldBeProblemAsync(401, "unauthorized");

        await app.Admin.PatchJsonAsync($"/admin/sales-channels/{id}", new { isDisabled = false });
        Assert.Equal(HttpStatusCode.OK, (await store.GetAsync("/store/regions")).StatusCode);
    }

    [Theory]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"   "}""", "name")]
    public async Task Creating_without_a_name_is_400_and_creates_nothing(string body, string field)
    {
        var before = (await app.Admin.ListAllAsync("/admin/sales-channels")).Count;

        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/sales-channels", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]?[field]);
        Assert.Equal(before, (await app.Admin.ListAllAsync("/admin/sales-channels")).Count);
    }

    [Fact]
    public async Task Over_long_names_and_descriptions_are_400()
    {
        var created = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Limits" });

        var create = await app.Admin.PostAsJsonAsync("/admin/sales-channels",
            new { name = new string('n', 201), description = new string('d', 2001) });
        var patch = await app.Admin.PatchAsJsonAsync($"/admin/sales-channels/{created.Str("id")}", new { name = "" });

        var problem = await create.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]?["name"]);
        Assert.NotNull(problem["errors"]?["description"]);
        Assert.NotNull((await patch.ShouldBeProblemAsync(400, "validation_failed"))["errors"]?["name"]);
        Assert.Equal("Limits", (await app.Admin.GetJsonAsync($"/admin/sales-channels/{created.Str("id")}")).Str("name"));
    }

    [Fact]
    public async Task A_new_publishable_key_opens_the_store_api_beside_the_first()
    {
        var (id, firstStore) = await app.Given.ChannelAsync("Two keys");

        var response = await app.Admin.PostAsJsonAsync($"/admin/sales-channels/{id}/publishable-keys", new { title = "POS" });

        var key = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("pk_", key.Str("token"));
        Assert.StartsWith("pkid_", key.Str("id"));
        Assert.Equal("POS", key.Str("title"));
        Assert.Equal(HttpStatusCode.OK, (await app.StoreClient(key.Str("token")).GetAsync("/store/regions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await firstStore.GetAsync("/store/regions")).StatusCode);
        var channel = await app.Admin.GetJsonAsync($"/admin/sales-channels/{id}");
        Assert.Equal(2, channel.Arr("publishableKeys").Count);
    }

    [Fact]
    public async Task A_publishable_key_without_a_title_gets_a_default_one()
    {
        var (id, _) = await app.Given.ChannelAsync("Untitled key");

        var key = await app.Admin.PostJsonAsync($"/admin/sales-channels/{id}/publishable-keys", new { });

        Assert.False(string.IsNullOrWhiteSpace(key.Str("title")));
    }

    [Fact]
    public async Task A_publishable_key_title_over_200_characters_is_400()
    {
        var (id, _) = await app.Given.ChannelAsync("Long title");

        var response = await app.Admin.PostAsJsonAsync($"/admin/sales-channels/{id}/publishable-keys", new { title = new string('t', 201) });

        Assert.NotNull((await response.ShouldBeProblemAsync(400, "validation_failed"))["errors"]?["title"]);
        Assert.Single((await app.Admin.GetJsonAsync($"/admin/sales-channels/{id}")).Arr("publishableKeys"));
    }

    [Fact]
    public async Task Revoking_a_publishable_key_shuts_out_only_that_key()
    {
        var (id, firstStore) = await app.Given.ChannelAsync("Rotating");
        var second = await app.Admin.PostJsonAsync($"/admin/sales-channels/{id}/publishable-keys", new { title = "Old web" });

        var response = await app.Admin.DeleteAsync($"/admin/sales-channels/{id}/publishable-keys/{second.Str("id")}");

        var revoked = await response.ShouldSucceedAsync();
        Assert.NotNull(revoked["revokedAt"]);
        await (await app.StoreClient(second.Str("token")).GetAsync("/store/regions")).ShouldBeProblemAsync(401, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await firstStore.GetAsync("/store/regions")).StatusCode);
        var listed = (await app.Admin.GetJsonAsync($"/admin/sales-channels/{id}")).Arr("publishableKeys").Single(k => k.Str("id") == second.Str("id"));
        Assert.NotNull(listed!["revokedAt"]);
    }

    [Fact]
    public async Task Adding_or_revoking_a_publishable_key_changes_the_channels_etag()
    {
        var (id, _) = await app.Given.ChannelAsync("Versioned keys");
        var url = $"/admin/sales-channels/{id}";
        var original = (await app.Admin.GetAsync(url)).Headers.ETag!.Tag;

        var key = await app.Admin.PostJsonAsync($"{url}/publishable-keys", new { title = "Added" });
        var afterAdd = (await app.Admin.GetAsync(url)).Headers.ETag!.Tag;
        (await app.Admin.DeleteAsync($"{url}/publishable-keys/{key.Str("id")}")).EnsureSuccessStatusCode();
        var afterRevoke = (await app.Admin.GetAsync(url)).Headers.ETag!.Tag;

        Assert.NotEqual(original, afterAdd);
        Assert.NotEqual(afterAdd, afterRevoke);
        await (await app.Admin.PatchAsJsonAsync(url, new { name = "Stale view" }, afterAdd)).ShouldBeProblemAsync(412, "version_conflict");
    }

    [Fact]
    public async Task Revoking_an_unknown_publishable_key_is_404()
    {
        var (id, _) = await app.Given.ChannelAsync("No such key");

        var response = await app.Admin.DeleteAsync($"/admin/sales-channels/{id}/publishable-keys/pkid_00000000000000000000000000");

        await response.ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task A_key_cannot_be_revoked_through_another_channel()
    {
        var owner = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Owner" });
        var (otherId, _) = await app.Given.ChannelAsync("Other");
        var key = owner.Arr("publishableKeys").Single();

        var response = await app.Admin.DeleteAsync($"/admin/sales-channels/{otherId}/publishable-keys/{key.Str("id")}");

        await response.ShouldBeProblemAsync(404, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await app.StoreClient(key.Str("token")).GetAsync("/store/regions")).StatusCode);
    }
}

public sealed class SalesChannelOnSqlite(SqliteApp app) : SalesChannelTests(app), IClassFixture<SqliteApp>;

public sealed class SalesChannelOnPostgres(PostgresApp app) : SalesChannelTests(app), IClassFixture<PostgresApp>;
