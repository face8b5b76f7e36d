namespace Mercato.Api.Tests.Store;

public abstract class PublishableKeyTests(MercatoApp app)
{
    public static TheoryData<string> StoreReads => ["/store/products", "/store/categories", "/store/collections", "/store/regions"];

    [Theory]
    [MemberData(nameof(StoreReads))]
    public async Task A_store_read_without_a_key_is_401_unauthorized(string url)
    {
        var response = await app.Anonymous.GetAsync(url);

        await response.ShouldBeProblemAsync(401, "unauthorized");
    }

    [Theory]
    [InlineData("pk_unknownkey0000000000000000000000")]
    [InlineData("not-a-key")]
    [InlineData(MercatoApp.AdminKey)]
    public async Task An_unknown_or_malformed_key_is_401_unauthorized(string key)
    {
        var response = await app.StoreClient(key).GetAsync("/store/products");

        await response.ShouldBeProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task A_revoked_key_is_401_while_the_channels_other_keys_still_work()
    {
        var (channelId, store) = await app.Given.ChannelAsync();
        var spare = await app.Admin.PostJsonAsync($"/admin/sales-channels/{channelId}/publishable-keys", new { title = "Spare" });
        var channel = await app.Admin.GetJsonAsync($"/admin/sales-channels/{channelId}");
        var first = channel.Arr("publishableKeys").Single(k => k.Str("id") != spare.Str("id"));
        await store.GetJsonAsync("/store/products");

        var revoke = await app.Admin.DeleteAsync($"/admin/sales-channels/{channelId}/publishable-keys/{first.Str("id")}");
        await revoke.ShouldSucceedAsync();

        await (await store.GetAsync("/store/products")).ShouldBeProblemAsync(401, "unauthorized");
        await app.StoreClient(spare.Str("token")).GetJsonAsync("/store/products");
    }

    [Fact]
    public async Task A_disabled_channels_key_is_401_until_the_channel_is_enabled_again()
    {
        var (channelId, store) = await app.Given.ChannelAsync();
        await store.GetJsonAsync("/store/products");

        await app.Admin.PatchJsonAsync($"/admin/sales-channels/{channelId}", new { isDisabled = true });
        await (await store.GetAsync("/store/products")).ShouldBeProblemAsync(401, "unauthorized");
        await (await store.GetAsync("/store/regions")).ShouldBeProblemAsync(401, "unauthorized");

        await app.Admin.PatchJsonAsync($"/admin/sales-channels/{channelId}", new { isDisabled = false });
        await store.GetJsonAsync("/store/products");
    }
}

public sealed class PublishableKeyOnSqlite(SqliteApp app) : PublishableKeyTests(app), IClassFixture<SqliteApp>;

public sealed class PublishableKeyOnPostgres(PostgresApp app) : PublishableKeyTests(app), IClassFixture<PostgresApp>;
