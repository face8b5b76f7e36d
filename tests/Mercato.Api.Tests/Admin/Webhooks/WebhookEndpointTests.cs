namespace Mercato.Api.Tests.Admin.Webhooks;

public abstract class WebhookEndpointTests(MercatoApp app)
{
    private const string Url = "https://hooks.example.com/mercato";

    [Fact]
    public async Task Creating_an_endpoint_generates_a_standard_webhooks_secret_shown_only_on_creation()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/webhooks",
            new { url = Url, eventTypes = new[] { "product.created", "order.*", "order.*" }, description = " ERP sync " });

        var created = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("wh_", created.Str("id"));
        Assert.Equal($"/admin/webhooks/{created.Str("id")}", response.Headers.Location?.OriginalString);
        Assert.Equal(["product.created", "order.*"], created.Arr("eventTypes").Select(t => t!.GetValue<string>()));
        Assert.Equal("ERP sync", created.Str("description"));
        Assert.Equal("enabled", created.Str("status"));
        var secret = created.Str("secret");
        Assert.StartsWith("whsec_", secret);
        Assert.True(Convert.FromBase64String(secret["whsec_".Length..]).Length >= 24);

        var fetched = await app.Admin.GetAsync($"/admin/webhooks/{created.Str("id")}");
        var text = await fetched.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("\"1\"", fetched.Headers.ETag?.Tag);
        Assert.DoesNotContain("\"secret\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret["whsec_".Length..], text, StringComparison.Ordinal);
        var list = await app.Admin.GetAsync("/admin/webhooks?limit=100");
        var listed = await list.Content.ReadAsStringAsync();
        Assert.Contains(created.Str("id"), listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret["whsec_".Length..], listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_can_bring_its_own_secret_if_it_is_a_whsec_secret()
    {
        var own = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var created = await app.Admin.PostJsonAsync("/admin/webhooks", new { url = Url, eventTypes = new[] { "*" }, secret = own });
        Assert.Equal(own, created.Str("secret"));

        var tooShort = await app.Admin.PostAsJsonAsync("/admin/webhooks",
            new { url = Url, eventTypes = new[] { "*" }, secret = "whsec_" + Convert.ToBase64String(new byte[8]) });
        var problem = await tooShort.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]!["secret"]);
        var notWhsec = await app.Admin.PostAsJsonAsync("/admin/webhooks", new { url = Url, eventTypes = new[] { "*" }, secret = "hunter2" });
        await notWhsec.ShouldBeProblemAsync(400, "validation_failed");
    }

    [Theory]
    [InlineData("ftp://files.example.com/hook")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("https://user:pass@hooks.example.com/")]
    [InlineData("")]
    public async Task Only_absolute_http_and_https_urls_are_accepted(string url)
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/webhooks", new { url, eventTypes = new[] { "*" } });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]!["url"]);
    }

    [Fact]
    public async Task Event_types_must_be_names_prefix_wildcards_or_a_star()
    {
        var none = await app.Admin.PostAsJsonAsync("/admin/webhooks", new { url = Url, eventTypes = Array.Empty<string>() });
        Assert.NotNull((await none.ShouldBeProblemAsync(400, "validation_failed"))["errors"]!["eventTypes"]);

        var bad = await app.Admin.PostAsJsonAsync("/admin/webhooks",
            new { url = Url, eventTypes = new[] { "product.created", "Product Created", "order*", "*.created" } });
        var errors = (await bad.ShouldBeProblemAsync(400, "validation_failed"))["errors"]!.AsObject();
        Assert.Equal(["eventTypes[1]", "eventTypes[2]", "eventTypes[3]"], errors.Select(e => e.Key).Order());

        var missing = await app.Admin.PostAsJsonAsync("/admin/webhooks", new { url = Url });
        await missing.ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Updating_checks_if_match_and_validates_like_creation()
    {
        var created = await app.Admin.PostJsonAsync("/admin/webhooks", new { url = Url, eventTypes = new[] { "*" } });
        var id = created.Str("id");

        var stale = await app.Admin.PatchAsJsonAsync($"/admin/webhooks/{id}", new { description = "x" }, "\"7\"");
        await stale.ShouldBeProblemAsync(412, "version_conflict");
        var badUrl = await app.Admin.PatchAsJsonAsync($"/admin/webhooks/{id}", new { url = "gopher://old.example.com" }, "\"1\"");
        await badUrl.ShouldBeProblemAsync(400, "validation_failed");

        var response = await app.Admin.PatchAsJsonAsync($"/admin/webhooks/{id}",
            new { url = "https://erp.example.com/in", eventTypes = new[] { "order.placed" }, description = "ERP" }, "\"1\"");
        var updated = await response.ShouldSucceedAsync();
        Assert.Equal("https://erp.example.com/in", updated.Str("url"));
        Assert.Equal(["order.placed"], updated.Arr("eventTypes").Select(t => t!.GetValue<string>()));
        Assert.Equal(2, updated.Int("version"));
        Assert.Null(updated["secret"]);
    }

    [Fact]
    public async Task Disabling_enabling_rotating_and_deleting_an_endpoint()
    {
        var created = await app.Admin.PostJsonAsync("/admin/webhooks", new { url = Url, eventTypes = new[] { "*" } });
        var id = created.Str("id");

        var disabled = await app.Admin.PostJsonAsync($"/admin/webhooks/{id}/disable", new { });
        Assert.Equal("disabled", disabled.Str("status"));
        Assert.NotNull(disabled["disabledReason"]);
        Assert.NotNull(disabled["disabledAt"]);
        var enabled = await app.Admin.PostJsonAsync($"/admin/webhooks/{id}/enable", new { });
        Assert.Equal("enabled", enabled.Str("status"));
        Assert.Null(enabled["disabledReason"]);

        var rotated = await app.Admin.PostJsonAsync($"/admin/webhooks/{id}/rotate-secret", new { });
        Assert.StartsWith("whsec_", rotated.Str("secret"));
        Assert.NotEqual(created.Str("secret"), rotated.Str("secret"));
        Assert.NotNull(rotated["previousSecretExpiresAt"]);
        Assert.NotNull(rotated["secretRotatedAt"]);

        var deleted = await app.Admin.DeleteAsync($"/admin/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await app.Admin.GetAsync($"/admin/webhooks/{id}")).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.GetAsync($"/admin/webhooks/{id}/deliveries")).ShouldBeProblemAsync(404, "not_found");
    }
}

public sealed class WebhookEndpointsOnSqlite(SqliteApp app) : WebhookEndpointTests(app), IClassFixture<SqliteApp>;

public sealed class WebhookEndpointsOnPostgres(PostgresApp app) : WebhookEndpointTests(app), IClassFixture<PostgresApp>;
