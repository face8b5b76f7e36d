using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Mercato.Api.Tests.Admin.ApiKeys;

public abstract class ApiKeyTests(MercatoApp app)
{
    [Fact]
    public async Task Creating_a_key_answers_201_with_the_secret_and_a_redacted_form()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/api-keys", new { name = "  ERP sync  " });

        var created = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var secret = created.Str("secret");
        var key = created["key"];
        Assert.StartsWith("sk_", secret);
        Assert.True(secret.Length >= 32, secret);
        Assert.StartsWith("key_", key.Str("id"));
        Assert.Equal("ERP sync", key.Str("name"));
        Assert.Equal("owner", key.Str("role"));
        Assert.Equal($"/admin/api-keys/{key.Str("id")}", response.Headers.Location?.OriginalString);
        Assert.StartsWith(secret[..7], key.Str("redacted"));
        Assert.EndsWith(secret[^4..], key.Str("redacted"));
        Assert.DoesNotContain(secret, key!.ToJsonString());
        Assert.Null(key["lastUsedAt"]);
        Assert.Null(key["revokedAt"]);
        Assert.Null(key["expiresAt"]);
    }

    [Fact]
    public async Task Two_keys_never_share_a_secret()
    {
        var first = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "First" });
        var second = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Second" });

        Assert.NotEqual(first.Str("secret"), second.Str("secret"));
        Assert.NotEqual(first["key"].Str("id"), second["key"].Str("id"));
    }

    [Fact]
    public async Task The_list_never_contains_a_secret_or_its_hash()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Listed" });
        var secret = created.Str("secret");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        await UseAsync(secret);

        var raw = await ListRawAsync();

        Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret[3..], raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(hash, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), raw, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"secret", raw, StringComparison.OrdinalIgnoreCase);
        var listed = (await ListAsync()).Single(k => k.Str("id") == created["key"].Str("id"));
        Assert.Equal(created["key"].Str("redacted"), listed.Str("redacted"));
        Assert.Equal("Listed", listed.Str("name"));
    }

    [Fact]
    public async Task Last_used_at_is_empty_until_the_key_is_used_and_then_shows_when()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Usage tracked" });
        var id = created["key"].Str("id");
        Assert.Null((await ListAsync()).Single(k => k.Str("id") == id)["lastUsedAt"]);

        var before = app.Clock.GetUtcNow();
        await UseAsync(created.Str("secret"));

        var firstUse = (await ListAsync()).Single(k => k.Str("id") == id)["lastUsedAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(firstUse, before, app.Clock.GetUtcNow());

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await UseAsync(created.Str("secret"));

        var secondUse = (await ListAsync()).Single(k => k.Str("id") == id)["lastUsedAt"]!.GetValue<DateTimeOffset>();
        Assert.True(secondUse >= firstUse.AddMinutes(10), $"{secondUse} after {firstUse}");
    }

    [Fact]
    public async Task A_new_key_reads_and_writes_the_admin_api()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Integration" });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Str("secret"));

        var list = await client.GetAsync("/admin/products");
        var write = await client.PostAsJsonAsync("/admin/stock-locations", new { name = "Made with a new key" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    public async Task The_bearer_scheme_name_is_case_insensitive(string scheme)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/regions");
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {MercatoApp.AdminKey}");

        var response = await app.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_secret_itself_is_case_sensitive()
    {
        var response = await StatusWithAsync("sk_" + MercatoApp.AdminKey[3..].ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Unauthorized, response);
    }

    [Fact]
    public async Task A_key_with_a_future_expiry_works_until_then()
    {
        var expiresAt = app.Clock.GetUtcNow().AddDays(1);
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Temporary", expiresAt });

        Assert.Equal(expiresAt, created["key"]!["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(created.Str("secret")));
    }

    [Fact]
    public async Task Revoking_a_key_shuts_it_out_and_shows_when()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Leaked" });
        var id = created["key"].Str("id");
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(created.Str("secret")));

        var response = await app.Admin.DeleteAsync($"/admin/api-keys/{id}");

        var revoked = await response.ShouldSucceedAsync();
        Assert.NotNull(revoked["revokedAt"]);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(created.Str("secret")));
        Assert.Equal(revoked["revokedAt"]!.GetValue<DateTimeOffset>(),
            (await ListAsync()).Single(k => k.Str("id") == id)["revokedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Revoking_twice_keeps_the_first_revocation_time()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Twice" });
        var id = created["key"].Str("id");
        var first = await (await app.Admin.DeleteAsync($"/admin/api-keys/{id}")).ShouldSucceedAsync();

        var second = await (await app.Admin.DeleteAsync($"/admin/api-keys/{id}")).ShouldSucceedAsync();

        Assert.Equal(first["revokedAt"]!.GetValue<DateTimeOffset>(), second["revokedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404_not_found()
    {
        var response = await app.Admin.DeleteAsync("/admin/api-keys/key_00000000000000000000000000");

        await response.ShouldBeProblemAsync(404, "not_found");
    }

    [Theory]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name":null}""", "name")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{"name":"Role","role":"superuser"}""", "role")]
    [InlineData("""{"name":"Role","role":""}""", "role")]
    [InlineData("""{"name":"Past","expiresAt":"2020-01-01T00:00:00Z"}""", "expiresAt")]
    public async Task Invalid_input_is_400_validation_failed_on_the_field_and_creates_no_key(string body, string field)
    {
        var before = (await ListAsync()).Count;

        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/api-keys", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]?[field]);
        Assert.Equal(before, (await ListAsync()).Count);
    }

    [Fact]
    public async Task A_name_over_200_characters_is_400()
    {
        var response = await app.Admin.PostAsJsonAsync("/admin/api-keys", new { name = new string('k', 201) });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]?["name"]);
    }

    [Fact]
    public async Task An_expiry_that_is_not_a_date_is_400_malformed_request()
    {
        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/api-keys", """{"name":"x","expiresAt":"next tuesday"}""");

        await response.ShouldBeProblemAsync(400, "malformed_request");
    }

    [Fact]
    public async Task An_expiry_already_passed_on_the_server_clock_is_rejected_even_if_the_real_clock_disagrees()
    {
        // The fake clock is in 2026; a time an hour before it is "past" for the server whatever the machine's time.
        var response = await app.Admin.PostAsJsonAsync("/admin/api-keys",
            new { name = "Clock", expiresAt = app.Clock.GetUtcNow().AddHours(-1) });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]?["expiresAt"]);
    }

    private async Task UseAsync(string secret) => Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(secret));

    private async Task<HttpStatusCode> StatusWithAsync(string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/regions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (await app.Anonymous.SendAsync(request)).StatusCode;
    }

    private async Task<string> ListRawAsync()
    {
        var pages = new StringBuilder();
        string? cursor = null;
        do
        {
            var text = await app.Admin.GetStringAsync("/admin/api-keys?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            pages.Append(text);
            cursor = JsonNode.Parse(text)!["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return pages.ToString();
    }

    private async Task<List<JsonNode>> ListAsync()
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await app.Admin.GetJsonAsync("/admin/api-keys?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            items.AddRange(page.Arr("items").Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }
}

public sealed class ApiKeyOnSqlite(SqliteApp app) : ApiKeyTests(app), IClassFixture<SqliteApp>;

public sealed class ApiKeyOnPostgres(PostgresApp app) : ApiKeyTests(app), IClassFixture<PostgresApp>;
