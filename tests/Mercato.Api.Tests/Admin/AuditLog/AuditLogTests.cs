using Mercato.Api.Tests.Security;
using Mercato.Kernel.Security;

namespace Mercato.Api.Tests.Admin.AuditLog;

public abstract class AuditLogTests(MercatoApp app)
{
    [Fact]
    public async Task Creating_a_product_records_who_what_when_and_which_fields()
    {
        var (client, keyId) = await app.KeyAsync(role: "catalog_manager");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mercato-Tests/" + new string('9', 400));
        var before = app.Clock.GetUtcNow();

        var response = await client.PostAsJsonAsync("/admin/products", Given.ProductBody());

        var product = await response.ShouldSucceedAsync();
        var entry = Assert.Single(await EntriesAsync($"resourceId={product.Str("id")}"));
        Assert.StartsWith("aud_", entry.Str("id"));
        Assert.Equal(keyId, entry.Str("actorId"));
        Assert.Equal("key", entry.Str("actorKind"));
        Assert.Equal("CreateProduct", entry.Str("action"));
        Assert.Equal("POST", entry.Str("method"));
        Assert.Equal("/admin/products", entry.Str("route"));
        Assert.Equal("products", entry.Str("resourceType"));
        Assert.Equal(201, entry.Int("status"));
        Assert.Equal(["title", "handle", "status", "description", "options", "variants", "tags"], Fields(entry));
        Assert.InRange(entry["occurredAt"]!.GetValue<DateTimeOffset>(), before, app.Clock.GetUtcNow());
        Assert.False(string.IsNullOrEmpty(entry.Str("requestId")));
        Assert.StartsWith("Mercato-Tests/999", entry.Str("userAgent"));
        Assert.Equal(256, entry.Str("userAgent").Length);
    }

    [Fact]
    public async Task Updating_and_deleting_record_the_resource_from_the_route()
    {
        var product = await app.Given.ProductAsync();
        var id = product.Str("id");

        (await app.Admin.PatchAsJsonAsync($"/admin/products/{id}", new { title = "Renamed", description = "New words" })).EnsureSuccessStatusCode();
        (await app.Admin.DeleteAsync($"/admin/products/{id}")).EnsureSuccessStatusCode();

        var entries = await EntriesAsync($"resourceType=products&resourceId={id}");
        Assert.Equal(["DeleteProduct", "UpdateProduct", "CreateProduct"], entries.Select(e => e.Str("action")));
        var update = entries[1];
        Assert.Equal("PATCH", update.Str("method"));
        Assert.Equal("/admin/products/{id}", update.Str("route"));
        Assert.Equal($"/admin/products/{id}", update.Str("path"));
        Assert.Equal(["title", "description"], Fields(update));
        Assert.Equal("DELETE", entries[0].Str("method"));
        Assert.Empty(Fields(entries[0]));
    }

    [Fact]
    public async Task A_nested_write_is_recorded_against_the_resource_it_belongs_to()
    {
        var product = await app.Given.ProductAsync(b => b["options"] = new[] { new { name = "Size", values = new[] { "S", "M", "L" } } });
        var id = product.Str("id");

        var response = await app.Admin.PostAsJsonAsync($"/admin/products/{id}/variants",
            new { sku = Given.Unique("sku").ToUpperInvariant(), options = new Dictionary<string, string> { ["Size"] = "L" } });

        await response.ShouldSucceedAsync();
        var entry = (await EntriesAsync($"action=CreateVariant&resourceId={id}")).Single();
        Assert.Equal("/admin/products/{productId}/variants", entry.Str("route"));
        Assert.Equal("products", entry.Str("resourceType"));
    }

    [Fact]
    public async Task A_create_without_an_id_in_its_route_records_the_new_resources_id()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Audited key", role = "support" });

        var entry = (await EntriesAsync($"action=CreateApiKey&resourceId={created["key"].Str("id")}")).Single();
        Assert.Equal("api-keys", entry.Str("resourceType"));
        Assert.Equal(["name", "role"], Fields(entry));
    }

    [Fact]
    public async Task Body_values_never_reach_the_log()
    {
        const string marker = "do-not-log-7f3a9c";
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = $"Named {marker}" });
        var region = await app.Admin.PostJsonAsync("/admin/regions", new { name = $"Region {marker}", currency = "USD", countries = new[] { "CA" } });

        var raw = await app.Admin.GetStringAsync("/admin/audit-log?limit=100");

        Assert.Contains(region.Str("id"), raw, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Str("secret"), raw, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Str("secret")[3..], raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_writes_and_reads_are_not_recorded()
    {
        var product = await app.Given.ProductAsync();
        var id = product.Str("id");

        await (await app.Admin.PatchAsJsonAsync($"/admin/products/{id}", new { handle = "Not A Handle" })).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Admin.DeleteAsync($"/admin/products/{id}x")).ShouldBeProblemAsync(404, "not_found");
        (await app.Admin.GetAsync($"/admin/products/{id}")).EnsureSuccessStatusCode();

        Assert.Equal(["CreateProduct"], (await EntriesAsync($"resourceId={id}")).Select(e => e.Str("action")));
        Assert.Empty(await EntriesAsync($"resourceId={id}x"));
    }

    [Fact]
    public async Task A_replayed_idempotent_request_is_recorded_once()
    {
        var key = Given.Unique("idem");
        HttpRequestMessage Request() => new(HttpMethod.Post, "/admin/stock-locations")
        {
            Content = JsonContent.Create(new { name = "Replayed" }),
            Headers = { { "Idempotency-Key", key } },
        };
        var created = await (await app.Admin.SendAsync(Request())).ShouldSucceedAsync();

        (await app.Admin.SendAsync(Request())).EnsureSuccessStatusCode();

        Assert.Single(await EntriesAsync($"resourceId={created.Str("id")}"));
    }

    [Fact]
    public async Task The_list_filters_by_actor_action_and_time_and_pages_newest_first()
    {
        var (first, firstId) = await app.KeyAsync(role: "admin");
        var (second, secondId) = await app.KeyAsync(role: "admin");
        var start = app.Clock.GetUtcNow();
        var a = await first.PostJsonAsync("/admin/stock-locations", new { name = "A" });
        app.Clock.Advance(TimeSpan.FromHours(1));
        var middle = app.Clock.GetUtcNow();
        var b = await first.PostJsonAsync("/admin/stock-locations", new { name = "B" });
        var c = await second.PostJsonAsync("/admin/collections", new { title = "C", handle = Given.Unique("col") });

        var byFirst = await EntriesAsync($"actorId={firstId}");
        var bySecond = await EntriesAsync($"actorId={secondId}&action=CreateCollection");
        var locations = await EntriesAsync($"resourceType=stock-locations&since={Uri.EscapeDataString(start.ToString("O"))}");
        var early = await EntriesAsync($"actorId={firstId}&until={Uri.EscapeDataString(middle.ToString("O"))}");
        var late = await EntriesAsync($"actorId={firstId}&since={Uri.EscapeDataString(middle.ToString("O"))}");

        Assert.Equal([b.Str("id"), a.Str("id")], byFirst.Select(e => e.Str("resourceId")));
        Assert.Equal([c.Str("id")], bySecond.Select(e => e.Str("resourceId")));
        Assert.Equal([b.Str("id"), a.Str("id")], locations.Select(e => e.Str("resourceId")));
        Assert.Equal([a.Str("id")], early.Select(e => e.Str("resourceId")));
        Assert.Equal([b.Str("id")], late.Select(e => e.Str("resourceId")));

        var page = await app.Admin.GetJsonAsync($"/admin/audit-log?actorId={firstId}&limit=1");
        Assert.Equal(b.Str("id"), page.Arr("items").Single().Str("resourceId"));
        var next = await app.Admin.GetJsonAsync($"/admin/audit-log?actorId={firstId}&limit=1&cursor={Uri.EscapeDataString(page.Str("nextCursor"))}");
        Assert.Equal(a.Str("id"), next.Arr("items").Single().Str("resourceId"));
        Assert.Null(next["nextCursor"]);
    }

    [Fact]
    public async Task An_entry_is_read_by_id()
    {
        var location = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Read me" });
        var listed = (await EntriesAsync($"resourceId={location.Str("id")}")).Single();

        var entry = await app.Admin.GetJsonAsync($"/admin/audit-log/{listed.Str("id")}");

        Assert.Equal(listed.ToJsonString(), entry.ToJsonString());
        await (await app.Admin.GetAsync("/admin/audit-log/aud_00000000000000000000000000")).ShouldBeProblemAsync(404, "not_found");
    }

    [Theory]
    [InlineData("POST", "/admin/audit-log")]
    [InlineData("PUT", "/admin/audit-log/aud_00000000000000000000000000")]
    [InlineData("PATCH", "/admin/audit-log/aud_00000000000000000000000000")]
    [InlineData("DELETE", "/admin/audit-log/aud_00000000000000000000000000")]
    [InlineData("DELETE", "/admin/audit-log")]
    public async Task The_log_cannot_be_written_through_the_api(string method, string url)
    {
        var response = await app.Admin.SendRawAsync(new HttpMethod(method), url, "{}");

        Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task Reading_the_log_needs_audit_read_which_read_only_keys_lack()
    {
        var (readOnly, _) = await app.KeyAsync(role: "read_only");
        var (auditor, _) = await app.KeyAsync(scopes: [Permissions.AuditRead]);

        var refused = await readOnly.GetAsync("/admin/audit-log");
        var allowed = await auditor.GetAsync("/admin/audit-log");

        var problem = await refused.ShouldBeProblemAsync(403, "forbidden");
        Assert.Contains(Permissions.AuditRead, problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=bogus", "cursor")]
    [InlineData("since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z", "until")]
    public async Task Bad_list_queries_are_400(string query, string field)
    {
        var response = await app.Admin.GetAsync($"/admin/audit-log?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]?[field]);
    }

    private static List<string> Fields(JsonNode entry) => [.. entry.Arr("changedFields").Select(f => f!.GetValue<string>())];

    private Task<List<JsonNode>> EntriesAsync(string query) => Operations.AdminRequests.ListAllAsync(app.Admin, $"/admin/audit-log?{query}");
}

public sealed class AuditLogOnSqlite(SqliteApp app) : AuditLogTests(app), IClassFixture<SqliteApp>;

public sealed class AuditLogOnPostgres(PostgresApp app) : AuditLogTests(app), IClassFixture<PostgresApp>;
