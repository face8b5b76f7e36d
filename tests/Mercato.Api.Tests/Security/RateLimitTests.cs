using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Security;

/// <summary>
/// An app with small limits over a long window (one token back every 6 minutes), so that a burst of requests is refused
/// whatever the machine's speed: the tests never depend on the wall clock, which the rate limiter reads.
/// </summary>
public abstract class RateLimitedApp(ITestDatabase database) : MercatoApp(database, "none")
{
    public const int GlobalLimit = 20;
    public const int AuthLimit = 3;
    public const int CodesLimit = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mercato:RateLimits:Global:PermitLimit", $"{GlobalLimit}");
        builder.UseSetting("Mercato:RateLimits:Global:WindowSeconds", "3600");
        builder.UseSetting("Mercato:RateLimits:Auth:PermitLimit", $"{AuthLimit}");
        builder.UseSetting("Mercato:RateLimits:Auth:WindowSeconds", "3600");
        builder.UseSetting("Mercato:RateLimits:Codes:PermitLimit", $"{CodesLimit}");
        builder.UseSetting("Mercato:RateLimits:Codes:WindowSeconds", "3600");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new TestEndpoints(e =>
        {
            e.MapPost("/test/sign-in", () => TypedResults.NoContent()).RequireRateLimiting(RateLimits.Auth);
            e.MapPost("/test/sign-up", () => TypedResults.NoContent()).RequireRateLimiting(RateLimits.Auth);
            // Under the Store API's authentication, as a promotion code route would be, so the caller is the key.
            e.MapGroup("/store").RequireAuthorization(Mercato.Kernel.Http.Callers.StorePolicy)
                .MapPost("/test/codes", () => TypedResults.NoContent()).RequireRateLimiting(RateLimits.Codes);
        })));
    }
}

public sealed class SqliteRateLimitedApp() : RateLimitedApp(new SqliteTestDatabase());

public sealed class PostgresRateLimitedApp() : RateLimitedApp(new PostgresTestDatabase());

public abstract class RateLimitTests(RateLimitedApp app)
{
    [Fact]
    public async Task A_caller_over_the_global_limit_gets_429_rate_limited_with_retry_after()
    {
        var (_, store) = await app.Given.ChannelAsync("Limited");
        for (var i = 0; i < RateLimitedApp.GlobalLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await store.GetAsync("/store/regions")).StatusCode);

        var response = await store.GetAsync("/store/regions");

        var problem = await response.ShouldBeProblemAsync(429, "rate_limited");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter > TimeSpan.Zero, $"Retry-After {retryAfter}");
        Assert.False(string.IsNullOrEmpty(problem.Str("requestId")));
        Assert.True(response.Headers.Contains("X-Request-Id"));
    }

    [Fact]
    public async Task Another_key_is_not_limited_by_the_first_keys_requests()
    {
        var (_, busy) = await app.Given.ChannelAsync("Busy");
        var (_, quiet) = await app.Given.ChannelAsync("Quiet");
        for (var i = 0; i <= RateLimitedApp.GlobalLimit; i++) await busy.GetAsync("/store/regions");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.GetAsync("/store/regions")).StatusCode);

        var response = await quiet.GetAsync("/store/regions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_auth_policy_refuses_far_sooner_than_the_global_limit_and_counts_per_route()
    {
        for (var i = 0; i < RateLimitedApp.AuthLimit; i++)
            Assert.Equal(HttpStatusCode.NoContent, (await app.Anonymous.PostAsync("/test/sign-in", null)).StatusCode);

        var refused = await app.Anonymous.PostAsync("/test/sign-in", null);
        var otherRoute = await app.Anonymous.PostAsync("/test/sign-up", null);

        await refused.ShouldBeProblemAsync(429, "rate_limited");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // AuthLimit + 2 requests from this address are far below the global limit: only the route's own limit refused.
        Assert.True(RateLimitedApp.AuthLimit + 2 < RateLimitedApp.GlobalLimit);
        Assert.Equal(HttpStatusCode.NoContent, otherRoute.StatusCode);
    }

    [Fact]
    public async Task The_codes_policy_counts_per_caller()
    {
        var (_, guesser) = await app.Given.ChannelAsync("Guesser");
        var (_, other) = await app.Given.ChannelAsync("Other");
        for (var i = 0; i < RateLimitedApp.CodesLimit; i++)
            Assert.Equal(HttpStatusCode.NoContent, (await guesser.PostAsync("/store/test/codes", null)).StatusCode);

        var refused = await guesser.PostAsync("/store/test/codes", null);
        var otherCaller = await other.PostAsync("/store/test/codes", null);

        await refused.ShouldBeProblemAsync(429, "rate_limited");
        Assert.Equal(HttpStatusCode.NoContent, otherCaller.StatusCode);
    }

    [Fact]
    public async Task Health_checks_are_never_limited()
    {
        for (var i = 0; i <= RateLimitedApp.GlobalLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync("/health/live")).StatusCode);
    }
}

public sealed class RateLimitOnSqlite(SqliteRateLimitedApp app) : RateLimitTests(app), IClassFixture<SqliteRateLimitedApp>;

public sealed class RateLimitOnPostgres(PostgresRateLimitedApp app) : RateLimitTests(app), IClassFixture<PostgresRateLimitedApp>;

/// <summary>The same small limits, switched off (<c>Mercato:RateLimits:Enabled=false</c>, as behind a gateway that limits).</summary>
public sealed class SwitchedOffRateLimitsApp() : RateLimitedApp(new SqliteTestDatabase())
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mercato:RateLimits:Enabled", "false");
    }
}

public sealed class SwitchedOffRateLimitTests(SwitchedOffRateLimitsApp app) : IClassFixture<SwitchedOffRateLimitsApp>
{
    [Fact]
    public async Task Switched_off_limits_refuse_no_request_over_any_policy()
    {
        var (_, store) = await app.Given.ChannelAsync("Unlimited");
        for (var i = 0; i < RateLimitedApp.GlobalLimit + 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await store.GetAsync("/store/regions")).StatusCode);
        for (var i = 0; i < RateLimitedApp.AuthLimit + 2; i++)
            Assert.Equal(HttpStatusCode.NoContent, (await app.Anonymous.PostAsync("/test/sign-in", null)).StatusCode);
        for (var i = 0; i < RateLimitedApp.CodesLimit + 2; i++)
            Assert.Equal(HttpStatusCode.NoContent, (await store.PostAsync("/store/test/codes", null)).StatusCode);
    }
}
