using Mercato.Api.Tests.Operations;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Http;

namespace Mercato.Api.Tests.Security;

/// <summary>
/// Every /admin endpoint of the running app (read from its EndpointDataSource) declares a permission, refuses a key that
/// has every permission but that one (403 forbidden) and lets in a key that has only that one. Then each role against one
/// endpoint per permission.
/// </summary>
public abstract class PermissionMatrixTests(MercatoApp app)
{
    /// <summary>Endpoints every authenticated admin caller may use about itself.</summary>
    private static readonly string[] SelfRoutes = ["GET /admin/me", "POST /admin/auth/logout", "POST /admin/me/password"];

    private IReadOnlyList<ApiRoute> AllAdminRoutes => [.. RouteCatalog.Of(app).Where(r => r.IsAdmin)];

    /// <summary>The admin routes that need a real permission.</summary>
    private IReadOnlyList<ApiRoute> AdminRoutes => [.. AllAdminRoutes.Where(r => r.Permission != Permissions.AnyAdminCaller)];

    [Fact]
    public void Only_the_callers_own_routes_are_open_to_every_admin_caller()
    {
        var self = AllAdminRoutes.Where(r => r.Permission == Permissions.AnyAdminCaller).Select(r => r.ToString()).Order(StringComparer.Ordinal);

        Assert.Equal(SelfRoutes, self);
    }

    [Fact]
    public void Every_admin_endpoint_declares_a_known_permission_or_is_explicitly_anonymous()
    {
        var routes = AdminRoutes;

        var undeclared = routes.Where(r => !r.AllowsAnonymous && (r.Permission is null || !Permissions.All.Contains(r.Permission)))
            .Select(r => r.ToString()).ToList();
        Assert.True(undeclared.Count == 0, "No permission: " + string.Join(", ", undeclared));
        Assert.True(routes.Count(r => r.Permission is not null) > 60, $"Only {routes.Count} admin routes seen.");
    }

    [Theory]
    [InlineData("GET /admin/products", Permissions.CatalogRead)]
    [InlineData("PATCH /admin/products/{id}", Permissions.CatalogWrite)]
    [InlineData("POST /admin/products/{productId}/variants", Permissions.CatalogWrite)]
    [InlineData("DELETE /admin/categories/{id}", Permissions.CatalogWrite)]
    [InlineData("GET /admin/collections/{id}", Permissions.CatalogRead)]
    [InlineData("POST /admin/attributes", Permissions.CatalogWrite)]
    [InlineData("PUT /admin/inventory/{sku}/levels/{locationId}", Permissions.InventoryWrite)]
    [InlineData("GET /admin/inventory/{sku}/levels", Permissions.InventoryRead)]
    [InlineData("GET /admin/stock-locations/{id}/levels", Permissions.InventoryRead)]
    [InlineData("POST /admin/stock-locations", Permissions.SettingsWrite)]
    [InlineData("GET /admin/stock-locations", Permissions.SettingsRead)]
    [InlineData("GET /admin/orders", Permissions.OrdersRead)]
    [InlineData("POST /admin/orders/{id}/capture", Permissions.OrdersWrite)]
    [InlineData("POST /admin/orders/{id}/fulfillments", Permissions.OrdersWrite)]
    [InlineData("POST /admin/orders/{id}/returns", Permissions.OrdersWrite)]
    [InlineData("POST /admin/orders/{id}/refunds", Permissions.OrdersRefund)]
    [InlineData("POST /admin/orders/{id}/cancel", Permissions.OrdersRefund)]
    [InlineData("POST /admin/orders/{id}/returns/{returnId}/receive", Permissions.OrdersRefund)]
    [InlineData("PATCH /admin/regions/{id}", Permissions.SettingsWrite)]
    [InlineData("POST /admin/sales-channels/{id}/publishable-keys", Permissions.SettingsWrite)]
    [InlineData("GET /admin/tax-classes", Permissions.SettingsRead)]
    [InlineData("DELETE /admin/shipping-options/{id}", Permissions.SettingsWrite)]
    [InlineData("GET /admin/api-keys/{id}", Permissions.ApiKeysRead)]
    [InlineData("POST /admin/api-keys", Permissions.ApiKeysWrite)]
    [InlineData("GET /admin/audit-log", Permissions.AuditRead)]
    [InlineData("GET /admin/audit-log/{id}", Permissions.AuditRead)]
    public void Endpoints_declare_the_permission_of_their_area(string route, string permission)
    {
        var found = AdminRoutes.SingleOrDefault(r => r.ToString() == route);

        Assert.NotNull(found);
        Assert.Equal(permission, found.Permission);
    }

    [Fact]
    public async Task Every_admin_endpoint_refuses_a_key_with_every_permission_but_its_own_with_403_forbidden_naming_it()
    {
        var routes = AdminRoutes.Where(r => r.Permission is not null).ToList();
        var allBut = new Dictionary<string, HttpClient>();
        foreach (var permission in routes.Select(r => r.Permission!).Distinct())
            allBut[permission] = (await app.KeyAsync(scopes: Permissions.All.Where(p => p != permission))).Client;

        var failures = new List<string>();
        foreach (var route in routes)
        {
            using var request = RouteCatalog.Request(route, route.DummyUrl);
            var response = await allBut[route.Permission!].SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || !text.Contains("\"code\":\"forbidden\"", StringComparison.Ordinal)
                || !text.Contains(route.Permission!, StringComparison.Ordinal))
                failures.Add($"{route} without {route.Permission}: {(int)response.StatusCode} {text}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_admin_endpoint_lets_in_a_key_with_only_its_permission()
    {
        var routes = AdminRoutes.Where(r => r.Permission is not null).ToList();
        var only = new Dictionary<string, HttpClient>();
        foreach (var permission in routes.Select(r => r.Permission!).Distinct())
            only[permission] = (await app.KeyAsync(scopes: [permission])).Client;

        var failures = new List<string>();
        foreach (var route in routes)
        {
            using var request = RouteCatalog.Request(route, route.DummyUrl);
            var response = await only[route.Permission!].SendAsync(request);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)response.StatusCode >= 500)
                failures.Add($"{route} with only {route.Permission}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>What each role may do, written out here rather than read from the code under test.</summary>
    public static TheoryData<string, string[]> Roles => new()
    {
        { "owner", [.. Permissions.All] },
        { "admin", [.. Permissions.All] },
        {
            "catalog_manager",
            [
                Permissions.CatalogRead, Permissions.CatalogWrite, Permissions.InventoryRead, Permissions.InventoryWrite, Permissions.SettingsRead,
                Permissions.PromotionsRead, Permissions.PromotionsWrite, Permissions.PricingRead, Permissions.PricingWrite,
            ]
        },
        {
            "order_manager",
            [
                Permissions.OrdersRead, Permissions.OrdersWrite, Permissions.OrdersRefund, Permissions.CustomersRead,
                Permissions.CustomersWrite, Permissions.CatalogRead, Permissions.InventoryRead, Permissions.SettingsRead,
                Permissions.GiftCardsRead, Permissions.GiftCardsWrite,
            ]
        },
        {
            "support",
            [Permissions.OrdersRead, Permissions.CustomersRead, Permissions.CatalogRead, Permissions.InventoryRead, Permissions.GiftCardsRead]
        },
        {
            "read_only",
            [
                Permissions.CatalogRead, Permissions.InventoryRead, Permissions.OrdersRead, Permissions.CustomersRead, Permissions.SettingsRead,
                Permissions.WebhooksRead, Permissions.EventsRead, Permissions.JobsRead, Permissions.PromotionsRead, Permissions.PricingRead,
                Permissions.GiftCardsRead,
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task A_role_opens_exactly_the_endpoints_of_its_permissions(string role, string[] allowed)
    {
        var (client, _) = await app.KeyAsync(role: role);
        // One endpoint per permission: a read where there is one, so the check changes nothing.
        var representatives = AdminRoutes.Where(r => r.Permission is not null)
            .OrderBy(r => HttpMethods.IsGet(r.Method) ? 0 : 1).ThenBy(r => r.Parameters.Count)
            .GroupBy(r => r.Permission!).Select(g => g.First()).ToList();
        Assert.Superset(
            new HashSet<string>([Permissions.CatalogRead, Permissions.CatalogWrite, Permissions.InventoryRead, Permissions.InventoryWrite,
                Permissions.OrdersRead, Permissions.OrdersWrite, Permissions.OrdersRefund, Permissions.SettingsRead, Permissions.SettingsWrite,
                Permissions.ApiKeysRead, Permissions.ApiKeysWrite, Permissions.AuditRead]),
            representatives.Select(r => r.Permission!).ToHashSet());

        var failures = new List<string>();
        foreach (var route in representatives)
        {
            using var request = RouteCatalog.Request(route, route.DummyUrl);
            var status = (await client.SendAsync(request)).StatusCode;
            var expectOpen = allowed.Contains(route.Permission);
            if (expectOpen ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : status != HttpStatusCode.Forbidden)
                failures.Add($"{role} {route} ({route.Permission}): {(int)status}, expected {(expectOpen ? "open" : "403")}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

public sealed class PermissionMatrixOnSqlite(SqliteApp app) : PermissionMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class PermissionMatrixOnPostgres(PostgresApp app) : PermissionMatrixTests(app), IClassFixture<PostgresApp>;
