using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Security;

/// <summary>
/// An app behind a trusted proxy (10.0.0.1, as a storefront's server would be) with a small sign-in limit. The test server
/// has no network peer, so a test-only middleware in front of the pipeline takes the peer address from <c>X-Test-Peer</c>.
/// </summary>
public abstract class ProxiedApp(ITestDatabase database) : MercatoApp(database, "none")
{
    public const int AuthLimit = 2;
    public const int CodesLimit = 2;
    public const string Proxy = "10.0.0.1";
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mercato:RateLimits:Auth:PermitLimit", $"{AuthLimit}");
        builder.UseSetting("Mercato:RateLimits:Auth:WindowSeconds", "3600");
        builder.UseSetting("Mercato:RateLimits:Codes:PermitLimit", $"{CodesLimit}");
        builder.UseSetting("Mercato:RateLimits:Codes:WindowSeconds", "3600");
        builder.UseSetting("Mercato:Http:KnownProxies:0", Proxy);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new PeerFromHeader());
            services.AddSingleton<IStartupFilter>(new TestEndpoints(e =>
            {
                e.MapPost("/test/forwarded-sign-in", (HttpContext http) => TypedResults.Ok(http.Connection.RemoteIpAddress?.ToString()))
                    .RequireRateLimiting(RateLimits.Auth);
                // Under the Store API's authentication, as the gift card and promotion code routes are.
                e.MapGroup("/store").RequireAuthorization(Mercato.Kernel.Http.Callers.StorePolicy)
                    .MapPost("/test/forwarded-codes", () => TypedResults.NoContent()).RequireRateLimiting(RateLimits.Codes);
            }));
        });
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[PeerHeader].ToString(), out var peer)) http.Connection.RemoteIpAddress = peer;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

public sealed class SqliteProxiedApp() : ProxiedApp(new SqliteTestDatabase());

public sealed class PostgresProxiedApp() : ProxiedApp(new PostgresTestDatabase());

public abstract class ForwardedClientTests(ProxiedApp app)
{
    private async Task<HttpResponseMessage> SignInAsync(string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/test/forwarded-sign-in");
        request.Headers.Add(ProxiedApp.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await app.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Shoppers_behind_the_trusted_proxy_get_a_budget_each()
    {
        for (var i = 0; i < ProxiedApp.AuthLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(ProxiedApp.Proxy, "203.0.113.10")).StatusCode);

        var sameShopper = await SignInAsync(ProxiedApp.Proxy, "203.0.113.10");
        var otherShopper = await SignInAsync(ProxiedApp.Proxy, "203.0.113.11");

        await sameShopper.ShouldBeProblemAsync(429, "rate_limited");
        Assert.Equal(HttpStatusCode.OK, otherShopper.StatusCode);
        Assert.Equal("203.0.113.11", await otherShopper.Content.ReadFromJsonAsync<string>(TestContext.Current.CancellationToken));
    }

    private async Task<HttpResponseMessage> TryCodeAsync(string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/store/test/forwarded-codes");
        request.Headers.Add(ProxiedApp.PeerHeader, ProxiedApp.Proxy);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Publishable-Key", app.PublishableKey);
        return await app.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Guests_sharing_the_storefronts_publishable_key_get_a_budget_each()
    {
        for (var i = 0; i < ProxiedApp.CodesLimit; i++)
            Assert.Equal(HttpStatusCode.NoContent, (await TryCodeAsync("203.0.113.30")).StatusCode);

        var sameGuest = await TryCodeAsync("203.0.113.30");
        var otherGuest = await TryCodeAsync("203.0.113.31");

        await sameGuest.ShouldBeProblemAsync(429, "rate_limited");
        Assert.Equal(HttpStatusCode.NoContent, otherGuest.StatusCode);
    }

    [Fact]
    public async Task An_untrusted_caller_cannot_pick_its_address_with_x_forwarded_for()
    {
        for (var i = 0; i < ProxiedApp.AuthLimit; i++)
        {
            var response = await SignInAsync("198.51.100.7", $"203.0.113.{20 + i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("198.51.100.7", await response.Content.ReadFromJsonAsync<string>(TestContext.Current.CancellationToken));
        }

        var refused = await SignInAsync("198.51.100.7", "203.0.113.99");

        await refused.ShouldBeProblemAsync(429, "rate_limited");
    }
}

public sealed class ForwardedClientOnSqlite(SqliteProxiedApp app) : ForwardedClientTests(app), IClassFixture<SqliteProxiedApp>;

public sealed class ForwardedClientOnPostgres(PostgresProxiedApp app) : ForwardedClientTests(app), IClassFixture<PostgresProxiedApp>;
