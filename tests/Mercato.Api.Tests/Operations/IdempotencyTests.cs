using Mercato.Kernel.Idempotency;
using Mercato.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations;

public abstract class IdempotencyTests(MercatoApp app)
{
    private static HttpRequestMessage Post(string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<int> CountProductsWithAsync(string handle) =>
        (await app.Admin.GetJsonAsync($"/admin/products?q={handle}")).Arr("items").Count;

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_response_and_creates_nothing_more()
    {
        var body = Given.ProductBody();
        var key = Guid.NewGuid().ToString();

        var first = await app.Admin.SendAsync(Post("/admin/products", body, key));
        var second = await app.Admin.SendAsync(Post("/admin/products", body, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await CountProductsWithAsync((string)body["handle"]!));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_idempotency_key_reused()
    {
        var key = Guid.NewGuid().ToString();
        await (await app.Admin.SendAsync(Post("/admin/products", Given.ProductBody(), key))).ShouldSucceedAsync();
        var other = Given.ProductBody();

        var response = await app.Admin.SendAsync(Post("/admin/products", other, key));

        await response.ShouldBeProblemAsync(422, "idempotency_key_reused");
        Assert.Equal(0, await CountProductsWithAsync((string)other["handle"]!));
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_caller()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Second integration" });
        using var second = app.CreateClient();
        second.DefaultRequestHeaders.Authorization = new("Bearer", created.Str("secret"));
        var key = Guid.NewGuid().ToString();

        var mine = await (await app.Admin.SendAsync(Post("/admin/collections", new { title = "Mine" }, key))).ShouldSucceedAsync();
        var theirs = await (await second.SendAsync(Post("/admin/collections", new { title = "Theirs" }, key))).ShouldSucceedAsync();

        Assert.NotEqual(mine.Str("id"), theirs.Str("id"));
        Assert.Equal("Theirs", theirs.Str("title"));
    }

    [Fact]
    public async Task Two_customers_of_one_channel_never_replay_each_others_answers()
    {
        var first = await Security.OwnershipTestData.CustomerAsync(app);
        var second = await Security.OwnershipTestData.CustomerAsync(app);
        var key = Guid.NewGuid().ToString();

        var mine = await (await first.Store.SendAsync(Post("/store/carts", new { regionId = app.UsRegionId }, key))).ShouldSucceedAsync();
        var theirs = await (await second.Store.SendAsync(Post("/store/carts", new { regionId = app.UsRegionId }, key))).ShouldSucceedAsync();
        var replay = await (await first.Store.SendAsync(Post("/store/carts", new { regionId = app.UsRegionId }, key))).ShouldSucceedAsync();

        Assert.NotEqual(mine.Str("id"), theirs.Str("id"));
        Assert.Equal(mine.Str("id"), replay.Str("id"));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_400()
    {
        var response = await app.Admin.SendAsync(Post("/admin/collections", new { title = "Too long" }, new string('k', 256)));
        await response.ShouldBeProblemAsync(400, "invalid_idempotency_key");
    }

    [Fact]
    public async Task A_retry_while_the_first_request_is_still_running_is_409_in_flight()
    {
        var body = new { title = "In flight" };
        var key = Guid.NewGuid().ToString();
        await (await app.Admin.SendAsync(Post("/admin/collections", body, key))).ShouldSucceedAsync();
        await using (var scope = app.Scope())
        {
            // Turn the stored answer back into an unfinished attempt, as if the first request were still running.
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            var record = db.Set<IdempotencyRecord>().Single(r => r.Key == key);
            record.Completed = false;
            await db.SaveChangesAsync();
        }

        var response = await app.Admin.SendAsync(Post("/admin/collections", body, key));

        await response.ShouldBeProblemAsync(409, "idempotency_key_in_flight");
    }

    [Fact]
    public async Task An_abandoned_attempt_no_longer_blocks_a_retry()
    {
        var key = Guid.NewGuid().ToString();
        var keys = await app.Admin.GetJsonAsync("/admin/api-keys?limit=100");
        var callerId = keys.Arr("items").Single(k => k.Str("name") == "Bootstrap key").Str("id");
        await using (var scope = app.Scope())
        {
            // An attempt whose process died before it finished: never completed.
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            db.Add(new IdempotencyRecord { Caller = callerId, Key = key, RequestHash = "unfinished", CreatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        var blocked = await app.Admin.SendAsync(Post("/admin/collections", new { title = Given.Unique("Abandoned") }, key));
        await blocked.ShouldBeProblemAsync(422, "idempotency_key_reused");
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await app.Admin.SendAsync(Post("/admin/collections", new { title = Given.Unique("Abandoned") }, key));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

public sealed class IdempotencyOnSqlite(SqliteApp app) : IdempotencyTests(app), IClassFixture<SqliteApp>;

public sealed class IdempotencyOnPostgres(PostgresApp app) : IdempotencyTests(app), IClassFixture<PostgresApp>;
