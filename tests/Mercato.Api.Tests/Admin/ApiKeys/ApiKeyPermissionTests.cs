using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Mercato.Api.Tests.Security;
using Mercato.Identity;
using Mercato.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.ApiKeys;

/// <summary>Keys with a role or scopes, what they open, and the rule that nobody hands out more than they have.</summary>
public abstract class ApiKeyPermissionTests(MercatoApp app)
{
    [Fact]
    public async Task A_key_with_a_role_shows_the_role_and_its_permissions()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Support desk", role = "support" });

        var key = created["key"];
        Assert.Equal("support", key.Str("role"));
        Assert.Null(key!["scopes"]);
        Assert.Equal(
            new[] { Permissions.CatalogRead, Permissions.CustomersRead, Permissions.GiftCardsRead, Permissions.InventoryRead, Permissions.OrdersRead }
                .Order(StringComparer.Ordinal),
            key.Arr("permissions").Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task A_scoped_key_reads_what_its_scopes_allow_and_gets_403_naming_the_permission_it_lacks()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys",
            new { name = "Catalog feed", scopes = new[] { Permissions.CatalogRead, Permissions.CatalogRead } });
        Assert.Null(created["key"]!["role"]);
        Assert.Equal([Permissions.CatalogRead], created["key"].Arr("scopes").Select(p => p!.GetValue<string>()));
        using var client = app.ClientWithKey(created.Str("secret"));

        var read = await client.GetAsync("/admin/products");
        var write = await client.PostAsJsonAsync("/admin/products", Given.ProductBody());

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var problem = await write.ShouldBeProblemAsync(403, "forbidden");
        Assert.Contains(Permissions.CatalogWrite, problem.Str("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"Both","role":"support","scopes":["catalog:read"]}""", "scopes")]
    [InlineData("""{"name":"None","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"Unknown","scopes":["catalog:read","catalog:delete"]}""", "scopes[1]")]
    [InlineData("""{"name":"Null","scopes":[null]}""", "scopes[0]")]
    [InlineData("""{"name":"Case","scopes":["Catalog:Read"]}""", "scopes[0]")]
    public async Task Invalid_roles_or_scopes_are_400_on_the_field(string body, string field)
    {
        var response = await app.Admin.SendRawAsync(HttpMethod.Post, "/admin/api-keys", body);

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        Assert.NotNull(problem["errors"]?[field]);
    }

    [Fact]
    public async Task A_caller_cannot_create_a_key_with_a_permission_it_lacks()
    {
        var (creator, _) = await app.KeyAsync(scopes: [Permissions.ApiKeysWrite, Permissions.CatalogRead]);

        var wider = await creator.PostAsJsonAsync("/admin/api-keys", new { name = "Wider", scopes = new[] { Permissions.CatalogWrite } });
        var viaRole = await creator.PostAsJsonAsync("/admin/api-keys", new { name = "Via role", role = "support" });
        var within = await creator.PostAsJsonAsync("/admin/api-keys", new { name = "Within", scopes = new[] { Permissions.CatalogRead } });

        var problem = await wider.ShouldBeProblemAsync(403, "forbidden");
        Assert.Contains(Permissions.CatalogWrite, problem.Str("detail"), StringComparison.Ordinal);
        var roleProblem = await viaRole.ShouldBeProblemAsync(403, "forbidden");
        Assert.Contains(Permissions.OrdersRead, roleProblem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, within.StatusCode);
    }

    [Fact]
    public async Task Only_an_owner_creates_an_owner_key()
    {
        var (admin, _) = await app.KeyAsync(role: "admin");

        var owner = await admin.PostAsJsonAsync("/admin/api-keys", new { name = "Owner by admin", role = "owner" });
        var byDefault = await admin.PostAsJsonAsync("/admin/api-keys", new { name = "Default role is owner" });
        var another = await admin.PostAsJsonAsync("/admin/api-keys", new { name = "Another admin", role = "admin" });
        var byOwner = await app.Admin.PostAsJsonAsync("/admin/api-keys", new { name = "Owner by owner", role = "owner" });

        await owner.ShouldBeProblemAsync(403, "forbidden");
        await byDefault.ShouldBeProblemAsync(403, "forbidden");
        Assert.Equal(HttpStatusCode.Created, another.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byOwner.StatusCode);
    }

    [Fact]
    public async Task Only_an_owner_revokes_an_owner_key_and_nobody_revokes_a_key_wider_than_their_own()
    {
        var (ownerKey, ownerId) = await app.KeyAsync(role: "owner");
        var (_, adminId) = await app.KeyAsync(role: "admin");
        var (admin, _) = await app.KeyAsync(role: "admin");
        var (keyManager, _) = await app.KeyAsync(scopes: [Permissions.ApiKeysWrite, Permissions.CatalogRead]);

        await (await admin.DeleteAsync($"/admin/api-keys/{ownerId}")).ShouldBeProblemAsync(403, "forbidden");
        await (await keyManager.DeleteAsync($"/admin/api-keys/{adminId}")).ShouldBeProblemAsync(403, "forbidden");

        Assert.Equal(HttpStatusCode.OK, (await ownerKey.GetAsync("/admin/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Admin.DeleteAsync($"/admin/api-keys/{adminId}")).StatusCode);
    }

    [Fact]
    public async Task A_key_is_read_by_id_without_its_secret()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "By id", role = "read_only" });
        var id = created["key"].Str("id");

        var response = await app.Admin.GetAsync($"/admin/api-keys/{id}");

        var key = await response.ShouldSucceedAsync();
        Assert.Equal(id, key.Str("id"));
        Assert.Equal("read_only", key.Str("role"));
        Assert.Equal(created["key"].Str("redacted"), key.Str("redacted"));
        Assert.DoesNotContain(created.Str("secret"), key.ToJsonString(), StringComparison.Ordinal);
        await (await app.Admin.GetAsync("/admin/api-keys/key_00000000000000000000000000")).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Only_a_hash_of_the_secret_is_stored()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Hashed" });
        var secret = created.Str("secret");

        await using var scope = app.Scope();
        var row = await scope.ServiceProvider.GetRequiredService<Kernel.Persistence.MercatoDb>().Set<ApiKey>()
            .AsNoTracking().SingleAsync(k => k.Id == created["key"].Str("id"));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), row.SecretHash);
        Assert.DoesNotContain(typeof(ApiKey).GetProperties().Select(p => p.GetValue(row) as string), v => v == secret);
    }

    [Fact]
    public async Task A_keys_role_is_resolved_on_every_request()
    {
        var (client, id) = await app.KeyAsync(role: "read_only");
        var body = new { name = "Category", handle = Given.Unique("cat") };
        await (await client.PostAsJsonAsync("/admin/categories", body)).ShouldBeProblemAsync(403, "forbidden");

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<Kernel.Persistence.MercatoDb>().Set<ApiKey>().Where(k => k.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.Role, "catalog_manager"));
        }

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/admin/categories", body)).StatusCode);
    }

    [Fact]
    public async Task A_publishable_key_never_opens_the_admin_api_and_a_secret_key_never_names_a_sales_channel()
    {
        using var withPublishable = app.CreateClient();
        withPublishable.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.PublishableKey);
        withPublishable.DefaultRequestHeaders.Add("X-Publishable-Key", app.PublishableKey);
        using var storeWithSecret = app.StoreClient(MercatoApp.AdminKey);
        using var storeWithBearer = app.CreateClient();
        storeWithBearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MercatoApp.AdminKey);

        await (await withPublishable.GetAsync("/admin/products")).ShouldBeProblemAsync(401, "unauthorized");
        await (await storeWithSecret.GetAsync("/store/products")).ShouldBeProblemAsync(401, "unauthorized");
        await (await storeWithBearer.GetAsync("/store/products")).ShouldBeProblemAsync(401, "unauthorized");
    }
}

public sealed class ApiKeyPermissionOnSqlite(SqliteApp app) : ApiKeyPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class ApiKeyPermissionOnPostgres(PostgresApp app) : ApiKeyPermissionTests(app), IClassFixture<PostgresApp>;
