namespace Mercato.Api.Tests.Security;

public abstract class CorsTests(MercatoApp app)
{
    private static string Origin(string name) => $"https://{Given.Unique(name)}.example.com";

    private async Task<(string ChannelId, string Key)> ChannelWithOriginsAsync(params string[] allowedOrigins)
    {
        var channel = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Storefront", allowedOrigins });
        return (channel.Str("id"), channel.Arr("publishableKeys")[0].Str("token"));
    }

    private Task<HttpResponseMessage> PreflightAsync(string url, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-publishable-key, content-type, idempotency-key");
        return app.Anonymous.SendAsync(request);
    }

    private Task<HttpResponseMessage> GetWithOriginAsync(string url, string key, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("X-Publishable-Key", key);
        return app.Anonymous.SendAsync(request);
    }

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    [Fact]
    public async Task A_preflight_from_an_origin_a_channel_lists_is_allowed_with_the_store_headers()
    {
        var origin = Origin("shop");
        await ChannelWithOriginsAsync(origin);

        var response = await PreflightAsync("/store/carts", origin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, AllowedOrigin(response));
        var headers = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        foreach (var header in new[] { "x-publishable-key", "content-type", "idempotency-key" }) Assert.Contains(header, headers);
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
    }

    [Fact]
    public async Task A_preflight_from_an_unlisted_origin_gets_no_allow_origin()
    {
        await ChannelWithOriginsAsync(Origin("listed"));

        var response = await PreflightAsync("/store/carts", Origin("stranger"));

        Assert.Null(AllowedOrigin(response));
    }

    [Fact]
    public async Task An_actual_request_from_its_own_channels_origin_is_allowed_and_exposes_the_headers()
    {
        var origin = Origin("own");
        var (_, key) = await ChannelWithOriginsAsync(origin);

        var response = await GetWithOriginAsync("/store/regions", key, origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(origin, AllowedOrigin(response));
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")).ToLowerInvariant();
        foreach (var header in new[] { "etag", "location", "retry-after", "x-request-id" }) Assert.Contains(header, exposed);
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Fact]
    public async Task A_second_channels_origin_is_not_allowed_with_the_first_channels_key()
    {
        var (_, firstKey) = await ChannelWithOriginsAsync(Origin("first"));
        var secondOrigin = Origin("second");
        await ChannelWithOriginsAsync(secondOrigin);

        var response = await GetWithOriginAsync("/store/regions", firstKey, secondOrigin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(AllowedOrigin(response));
    }

    [Fact]
    public async Task A_request_with_an_unknown_key_gets_no_allow_origin()
    {
        var origin = Origin("unknown-key");
        await ChannelWithOriginsAsync(origin);

        var response = await GetWithOriginAsync("/store/regions", "pk_no_such_key_000000000000", origin);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(AllowedOrigin(response));
    }

    [Fact]
    public async Task Changing_a_channels_origins_takes_effect_at_once_and_a_disabled_channel_allows_none()
    {
        var (id, key) = await ChannelWithOriginsAsync(Origin("before"));
        var after = Origin("after");
        Assert.Null(AllowedOrigin(await PreflightAsync("/store/carts", after)));

        var updated = await app.Admin.PatchJsonAsync($"/admin/sales-channels/{id}", new { allowedOrigins = new[] { after } });

        Assert.Equal([after], updated.Arr("allowedOrigins").Select(o => o!.GetValue<string>()));
        Assert.Equal(after, AllowedOrigin(await PreflightAsync("/store/carts", after)));
        Assert.Equal(after, AllowedOrigin(await GetWithOriginAsync("/store/regions", key, after)));
        await app.Admin.PatchJsonAsync($"/admin/sales-channels/{id}", new { isDisabled = true });
        Assert.Null(AllowedOrigin(await PreflightAsync("/store/carts", after)));
    }

    [Fact]
    public async Task Origins_are_normalised_and_shown_on_the_channel()
    {
        var host = Given.Unique("Case");
        var channel = await app.Admin.PostJsonAsync("/admin/sales-channels", new
        {
            name = "Normalised", allowedOrigins = new[] { $"HTTPS://{host}.Example.com/", $"https://{host}.example.com", "http://localhost:3000" },
        });

        Assert.Equal([$"https://{host.ToLowerInvariant()}.example.com", "http://localhost:3000"],
            channel.Arr("allowedOrigins").Select(o => o!.GetValue<string>()));
    }

    [Theory]
    [InlineData("https://shop.example.com/path")]
    [InlineData("https://*.example.com")]
    [InlineData("*")]
    [InlineData("ftp://shop.example.com")]
    [InlineData("shop.example.com")]
    [InlineData("https://shop.example.com?x=1")]
    [InlineData("https://user@shop.example.com")]
    [InlineData("")]
    public async Task An_origin_that_is_not_a_bare_http_origin_is_a_validation_error(string origin)
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/sales-channels", new { name = "Bad", allowedOrigins = new[] { origin } });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]!["allowedOrigins[0]"]);
    }

    [Fact]
    public async Task More_than_twenty_origins_is_a_validation_error()
    {
        var origins = Enumerable.Range(0, 21).Select(i => $"https://shop{i}.example.com").ToArray();

        var response = await app.Admin.PostAsJsonAsync("/admin/sales-channels", new { name = "Many", allowedOrigins = origins });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]!["allowedOrigins"]);
    }

    [Fact]
    public async Task The_admin_api_allows_no_origin_by_default()
    {
        var origin = Origin("admin-ui");
        await ChannelWithOriginsAsync(origin);

        var response = await PreflightAsync("/admin/products", origin);

        Assert.Null(AllowedOrigin(response));
    }

    [Fact]
    public async Task The_admin_api_allows_the_configured_origins()
    {
        await using var configured = app.WithWebHostBuilder(b => b.UseSetting("Mercato:Cors:AdminOrigins:0", "https://admin.example.com"));
        var request = new HttpRequestMessage(HttpMethod.Options, "/admin/products");
        request.Headers.Add("Origin", "https://admin.example.com");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");

        var response = await configured.CreateClient().SendAsync(request);

        Assert.Equal("https://admin.example.com", AllowedOrigin(response));
    }
}

public sealed class CorsOnSqlite(SqliteApp app) : CorsTests(app), IClassFixture<SqliteApp>;

public sealed class CorsOnPostgres(PostgresApp app) : CorsTests(app), IClassFixture<PostgresApp>;
