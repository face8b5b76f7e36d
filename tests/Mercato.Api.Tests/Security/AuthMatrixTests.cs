using System.Net.Http.Headers;
using Mercato.Api.Tests.Operations;

namespace Mercato.Api.Tests.Security;

/// <summary>
/// Every /admin and /store route of the running app (read from its EndpointDataSource) against every kind of bad
/// credential: each must be a 401 problem with code <c>unauthorized</c>, whatever the route does.
/// </summary>
public abstract class AuthMatrixTests(MercatoApp app)
{
    /// <summary>The routes a caller gets credentials from: open to everybody, and rate limited instead.</summary>
    private static readonly string[] OpenRoutes =
    [
        "POST /admin/auth/accept-invitation", "POST /admin/auth/password-reset", "POST /admin/auth/password-reset/confirm",
        "POST /admin/auth/refresh", "POST /admin/auth/token",
    ];

    private IReadOnlyList<ApiRoute> AdminRoutes => [.. Protected.Where(r => r.IsAdmin)];

    private IReadOnlyList<ApiRoute> StoreRoutes => [.. Protected.Where(r => !r.IsAdmin)];

    private IReadOnlyList<ApiRoute> Protected => [.. RouteCatalog.Of(app).Where(r => !r.AllowsAnonymous)];

    [Fact]
    public void Only_the_sign_in_routes_of_the_admin_api_are_open()
    {
        var open = RouteCatalog.Of(app).Where(r => r.AllowsAnonymous && r.IsAdmin).Select(r => r.ToString()).ToList();

        Assert.Equal(OpenRoutes, open);
    }

    [Fact]
    public void The_matrix_sees_the_routes_of_both_apis()
    {
        var routes = RouteCatalog.Of(app).Select(r => r.ToString()).ToList();

        Assert.Contains("POST /admin/products", routes);
        Assert.Contains("PATCH /admin/products/{id}", routes);
        Assert.Contains("DELETE /admin/api-keys/{id}", routes);
        Assert.Contains("GET /admin/stock-locations", routes);
        Assert.Contains("GET /store/products", routes);
        Assert.Contains("GET /store/regions", routes);
        Assert.DoesNotContain(routes, r => r.Contains("/openapi", StringComparison.Ordinal) || r.Contains("/health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_route_without_credentials_is_401_unauthorized()
    {
        var failures = await UnauthorizedFailuresAsync(Protected, _ => { });

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task With_valid_keys_no_route_is_401_or_5xx_so_the_matrix_checks_real_routes()
    {
        var failures = new List<string>();
        foreach (var route in Protected)
        {
            using var request = RouteCatalog.Request(route, route.DummyUrl);
            // A session per route: logging out or changing the password ends the session it came with.
            var store = app.RequiresCustomer(route) ? (await app.CustomerAsync()).Store : app.Store;
            var response = await (route.IsAdmin ? app.Admin : store).SendAsync(request);
            // A 401 of the route's own (invalid_refresh_token) means the credentials got through.
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                && (response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"]?.GetValue<string>() == "unauthorized");
            if (refused || response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed || (int)response.StatusCode >= 500)
                failures.Add($"{route}: {(int)response.StatusCode}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer sk_unknown0000000000000000000000000000")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNzd29yZA==")]
    [InlineData(MercatoApp.AdminKey)]
    [InlineData("Bearer " + MercatoApp.AdminKey + "x")]
    public async Task Every_admin_route_with_a_wrong_authorization_header_is_401(string authorization)
    {
        var failures = await UnauthorizedFailuresAsync(AdminRoutes,
            r => r.Headers.TryAddWithoutValidation("Authorization", authorization));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("pk_unknown00000000000000000000000")]
    [InlineData("pk_")]
    public async Task Every_store_route_with_a_wrong_publishable_key_is_401(string publishableKey)
    {
        var failures = await UnauthorizedFailuresAsync(StoreRoutes, r => r.Headers.Add("X-Publishable-Key", publishableKey));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_secret_key_sent_as_a_publishable_key_is_401_on_every_store_route()
    {
        var failures = await UnauthorizedFailuresAsync(StoreRoutes, r => r.Headers.Add("X-Publishable-Key", MercatoApp.AdminKey));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_secret_key_as_a_bearer_token_does_not_open_the_store_api()
    {
        var failures = await UnauthorizedFailuresAsync(StoreRoutes, r => r.Headers.Authorization = Bearer(MercatoApp.AdminKey));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_publishable_key_sent_as_a_bearer_token_is_401_on_every_admin_route()
    {
        var failures = await UnauthorizedFailuresAsync(AdminRoutes, r => r.Headers.Authorization = Bearer(app.PublishableKey));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_publishable_key_in_its_own_header_does_not_open_the_admin_api()
    {
        var failures = await UnauthorizedFailuresAsync(AdminRoutes, r => r.Headers.Add("X-Publishable-Key", app.PublishableKey));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_revoked_secret_key_is_401_on_every_admin_route()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "About to be revoked" });
        var secret = created.Str("secret");
        await ShouldOpenAdminAsync(secret);

        (await app.Admin.DeleteAsync($"/admin/api-keys/{created["key"].Str("id")}")).EnsureSuccessStatusCode();

        var failures = await UnauthorizedFailuresAsync(AdminRoutes, r => r.Headers.Authorization = Bearer(secret));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await ShouldOpenAdminAsync(MercatoApp.AdminKey);
    }

    [Fact]
    public async Task An_expired_secret_key_is_401_on_every_admin_route()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys",
            new { name = "Short-lived", expiresAt = app.Clock.GetUtcNow().AddMinutes(5) });
        var secret = created.Str("secret");
        await ShouldOpenAdminAsync(secret);

        app.Clock.Advance(TimeSpan.FromMinutes(6));

        var failures = await UnauthorizedFailuresAsync(AdminRoutes, r => r.Headers.Authorization = Bearer(secret));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await ShouldOpenAdminAsync(MercatoApp.AdminKey);
    }

    [Fact]
    public async Task A_revoked_publishable_key_is_401_on_every_store_route()
    {
        var channel = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Revoked key channel" });
        var key = channel.Arr("publishableKeys").Single();
        Assert.Equal(HttpStatusCode.OK, (await app.StoreClient(key.Str("token")).GetAsync("/store/regions")).StatusCode);

        (await app.Admin.DeleteAsync($"/admin/sales-channels/{channel.Str("id")}/publishable-keys/{key.Str("id")}"))
            .EnsureSuccessStatusCode();

        var failures = await UnauthorizedFailuresAsync(StoreRoutes, r => r.Headers.Add("X-Publishable-Key", key.Str("token")));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_key_of_a_disabled_channel_is_401_on_every_store_route()
    {
        var channel = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = "Disabled channel" });
        var token = channel.Arr("publishableKeys").Single().Str("token");
        Assert.Equal(HttpStatusCode.OK, (await app.StoreClient(token).GetAsync("/store/regions")).StatusCode);

        await app.Admin.PatchJsonAsync($"/admin/sales-channels/{channel.Str("id")}", new { isDisabled = true });

        var failures = await UnauthorizedFailuresAsync(StoreRoutes, r => r.Headers.Add("X-Publishable-Key", token));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private async Task ShouldOpenAdminAsync(string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api-keys");
        request.Headers.Authorization = Bearer(secret);
        var response = await app.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Calls every route with the given credentials and lists those that are not a 401 unauthorized problem.</summary>
    private async Task<List<string>> UnauthorizedFailuresAsync(IEnumerable<ApiRoute> routes, Action<HttpRequestMessage> authorize)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var route in routes)
        {
            count++;
            using var request = RouteCatalog.Request(route, route.DummyUrl);
            authorize(request);
            var response = await app.Anonymous.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonNode.Parse(text) : null;
            // RFC 9110 §15.5.2: a 401 names the way to authenticate.
            var challenge = response.Headers.WwwAuthenticate.ToString();
            var expectedChallenge = route.IsAdmin ? "Bearer" : "X-Publishable-Key";
            if (response.StatusCode != HttpStatusCode.Unauthorized || problem?["code"]?.GetValue<string>() != "unauthorized")
                failures.Add($"{route}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {text}");
            else if (!challenge.Contains(expectedChallenge, StringComparison.Ordinal))
                failures.Add($"{route}: WWW-Authenticate '{challenge}' does not name {expectedChallenge}");
        }
        Assert.True(count > 0, "No routes to check.");
        return failures;
    }
}

public sealed class AuthMatrixOnSqlite(SqliteApp app) : AuthMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AuthMatrixOnPostgres(PostgresApp app) : AuthMatrixTests(app), IClassFixture<PostgresApp>;
