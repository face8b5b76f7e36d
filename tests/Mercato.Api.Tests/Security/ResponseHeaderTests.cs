using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Api.Tests.Security;

public abstract class ResponseHeaderTests(MercatoApp app)
{
    private static void ShouldHaveSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    public static TheoryData<string, string, int> Responses => new()
    {
        { "store", "/store/regions", 200 },
        { "anonymous", "/store/regions", 401 },
        { "admin", "/admin/regions/reg_00000000000000000000000000", 404 },
        { "anonymous", "/health/live", 200 },
        { "anonymous", "/openapi/v1.json", 200 },
    };

    private HttpClient Client(string name) => name switch { "store" => app.Store, "admin" => app.Admin, _ => app.Anonymous };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers_and_a_request_id(string client, string url, int status)
    {
        var response = await Client(client).GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        ShouldHaveSecurityHeaders(response);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.False(string.IsNullOrEmpty(Header(response, "X-Request-Id")));
    }

    [Fact]
    public async Task The_docs_page_works_and_only_forbids_framing()
    {
        var response = await app.Anonymous.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ShouldHaveSecurityHeaders(response);
        Assert.Equal("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task An_unhandled_failure_still_carries_the_headers()
    {
        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/regions", "{ not json");

        await response.ShouldBeProblemAsync(400, "malformed_request");
        ShouldHaveSecurityHeaders(response);
        Assert.False(string.IsNullOrEmpty(Header(response, "X-Request-Id")));
    }

    [Fact]
    public void Kestrel_sends_no_server_header()
    {
        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_in_production_only()
    {
        var https = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://api.example.com") };
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var inProduction = await production.CreateClient(https).GetAsync("/health/live");
        var inTesting = await app.CreateClient(https).GetAsync("/health/live");

        Assert.StartsWith("max-age=", Header(inProduction, "Strict-Transport-Security"));
        Assert.Null(Header(inTesting, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_sane_incoming_request_id_is_kept_and_returned_in_the_header_and_the_problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/store/regions");
        request.Headers.Add("X-Request-Id", "edge-7f3a.01:retry_2");

        var response = await app.Anonymous.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(401, "unauthorized");
        Assert.Equal("edge-7f3a.01:retry_2", Header(response, "X-Request-Id"));
        Assert.Equal("edge-7f3a.01:retry_2", problem.Str("requestId"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    public async Task An_insane_incoming_request_id_is_replaced(string incoming)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.TryAddWithoutValidation("X-Request-Id", incoming);

        var response = await app.Anonymous.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(404, "not_found");
        var id = Header(response, "X-Request-Id");
        Assert.False(string.IsNullOrEmpty(id));
        Assert.NotEqual(incoming, id);
        Assert.Equal(id, problem.Str("requestId"));
    }

    [Fact]
    public async Task A_request_id_longer_than_128_characters_is_replaced()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Request-Id", new string('a', 129));

        var response = await app.Anonymous.SendAsync(request);

        Assert.NotEqual(new string('a', 129), Header(response, "X-Request-Id"));
    }

    [Fact]
    public async Task Two_requests_without_an_id_get_different_ones()
    {
        var first = Header(await app.Anonymous.GetAsync("/health/live"), "X-Request-Id");
        var second = Header(await app.Anonymous.GetAsync("/health/live"), "X-Request-Id");

        Assert.NotEqual(first, second);
    }
}

public sealed class ResponseHeadersOnSqlite(SqliteApp app) : ResponseHeaderTests(app), IClassFixture<SqliteApp>;

public sealed class ResponseHeadersOnPostgres(PostgresApp app) : ResponseHeaderTests(app), IClassFixture<PostgresApp>;
