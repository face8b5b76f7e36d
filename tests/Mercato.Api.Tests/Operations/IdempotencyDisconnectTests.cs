using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations;

/// <summary>An app with a store write whose client goes away while the answer is being written, as a timed-out client does.</summary>
public abstract class DisconnectingApp(ITestDatabase database) : MercatoApp(database, "none")
{
    private int _runs;

    public int Runs => _runs;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new TestEndpoints(e =>
            e.MapGroup("/store").RequireAuthorization(Mercato.Kernel.Http.Callers.StorePolicy).MapPost("/test/disconnecting", (HttpContext http) =>
            {
                var run = Interlocked.Increment(ref _runs);
                // The work is done; the client disconnects before its answer is written.
                http.Abort();
                return TypedResults.Created($"/store/test/things/{run}", new Thing($"thing_{run}"));
            }))));
    }
}

public sealed record Thing(string Id);

public sealed class SqliteDisconnectingApp() : DisconnectingApp(new SqliteTestDatabase());

public sealed class PostgresDisconnectingApp() : DisconnectingApp(new PostgresTestDatabase());

public abstract class IdempotencyDisconnectTests(DisconnectingApp app)
{
    [Fact]
    public async Task A_retry_after_the_client_went_away_replays_the_whole_first_answer_and_does_not_run_the_write_again()
    {
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/store/test/disconnecting") { Content = JsonContent.Create(new { }) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }
        var runsBefore = app.Runs;
        try
        {
            // Whatever reaches a client that is gone does not matter; what the key keeps does.
            (await app.Store.SendAsync(Post())).Dispose();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
        }

        // The server may still be finishing the first request after its client went away: its retry is then 409 in flight.
        var retry = await app.Store.SendAsync(Post());
        for (var i = 0; i < 100 && retry.StatusCode == HttpStatusCode.Conflict; i++)
        {
            await Task.Delay(50);
            retry = await app.Store.SendAsync(Post());
        }

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var body = await retry.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal($"thing_{runsBefore + 1}", body!.Str("id"));
        Assert.Equal(runsBefore + 1, app.Runs);
    }
}

public sealed class IdempotencyDisconnectOnSqlite(SqliteDisconnectingApp app) : IdempotencyDisconnectTests(app), IClassFixture<SqliteDisconnectingApp>;

public sealed class IdempotencyDisconnectOnPostgres(PostgresDisconnectingApp app) : IdempotencyDisconnectTests(app), IClassFixture<PostgresDisconnectingApp>;
