namespace Mercato.Api.Tests.Store.Collections;

public abstract class ListStoreCollectionsTests(MercatoApp app)
{
    [Fact]
    public async Task Collections_are_listed_by_handle_with_their_title_and_description()
    {
        var prefix = Given.Unique("col");
        var second = await app.Admin.PostJsonAsync("/admin/collections", new { title = "Winter", handle = prefix + "-b", description = "Warm things" });
        var first = await app.Admin.PostJsonAsync("/admin/collections", new { title = "Autumn", handle = prefix + "-a" });

        var list = await app.Store.GetJsonAsync("/store/collections");
        var mine = list.Arr("items").Where(c => c.Str("handle").StartsWith(prefix, StringComparison.Ordinal)).ToList();

        Assert.Equal([first.Str("id"), second.Str("id")], mine.Select(c => c.Str("id")));
        Assert.Equal("Winter", mine[1].Str("title"));
        Assert.Equal("Warm things", mine[1].Str("description"));
        Assert.Null(list["nextCursor"]);
        Assert.False(StoreTestData.HasPropertyAnywhere(list, "version"));
    }

    [Fact]
    public async Task A_deleted_collection_is_no_longer_listed()
    {
        var collection = await app.Given.CollectionAsync();
        var before = await app.Store.GetJsonAsync("/store/collections");
        Assert.Contains(before.Arr("items"), c => c.Str("id") == collection.Str("id"));

        (await app.Admin.DeleteAsync($"/admin/collections/{collection.Str("id")}")).EnsureSuccessStatusCode();

        var after = await app.Store.GetJsonAsync("/store/collections");
        Assert.DoesNotContain(after.Arr("items"), c => c.Str("id") == collection.Str("id"));
    }
}

public sealed class ListStoreCollectionsOnSqlite(SqliteApp app) : ListStoreCollectionsTests(app), IClassFixture<SqliteApp>;

public sealed class ListStoreCollectionsOnPostgres(PostgresApp app) : ListStoreCollectionsTests(app), IClassFixture<PostgresApp>;
