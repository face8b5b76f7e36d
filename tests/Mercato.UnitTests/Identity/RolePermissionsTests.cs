using Mercato.Identity.Contracts;
using Mercato.Kernel.Security;

namespace Mercato.UnitTests.Identity;

public class RolePermissionsTests
{
    [Theory]
    [InlineData("owner")]
    [InlineData("admin")]
    public void Owners_and_admins_have_every_permission(string role) =>
        Assert.Equal(Permissions.All.Order(StringComparer.Ordinal), RolePermissions.Of(role).Order(StringComparer.Ordinal));

    [Fact]
    public void Read_only_has_every_read_except_keys_users_and_audit()
    {
        var permissions = RolePermissions.Of("read_only");

        Assert.All(permissions, p => Assert.EndsWith(":read", p, StringComparison.Ordinal));
        Assert.Equal(
            [
                Permissions.CatalogRead, Permissions.CustomersRead, Permissions.EventsRead, Permissions.GiftCardsRead, Permissions.InventoryRead,
                Permissions.JobsRead, Permissions.OrdersRead, Permissions.PricingRead, Permissions.PromotionsRead, Permissions.SettingsRead,
                Permissions.WebhooksRead,
            ],
            permissions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Support_reads_orders_and_customers_but_never_refunds_or_writes()
    {
        var permissions = RolePermissions.Of("support");

        Assert.Contains(Permissions.OrdersRead, permissions);
        Assert.Contains(Permissions.CustomersRead, permissions);
        Assert.DoesNotContain(Permissions.OrdersRefund, permissions);
        Assert.DoesNotContain(permissions, p => p.EndsWith(":write", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalog_managers_change_the_catalog_stock_prices_and_promotions_and_only_read_settings()
    {
        var permissions = RolePermissions.Of("catalog_manager");

        Assert.Equal(
            [
                Permissions.CatalogRead, Permissions.CatalogWrite, Permissions.InventoryRead, Permissions.InventoryWrite,
                Permissions.PricingRead, Permissions.PricingWrite, Permissions.PromotionsRead, Permissions.PromotionsWrite, Permissions.SettingsRead,
            ],
            permissions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Order_managers_refund_and_serve_customers_but_do_not_change_the_catalog()
    {
        var permissions = RolePermissions.Of("order_manager");

        Assert.Contains(Permissions.OrdersRefund, permissions);
        Assert.Contains(Permissions.CustomersWrite, permissions);
        Assert.DoesNotContain(Permissions.CatalogWrite, permissions);
        Assert.DoesNotContain(Permissions.InventoryWrite, permissions);
        Assert.DoesNotContain(Permissions.ApiKeysWrite, permissions);
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("Owner")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_role_has_no_permission(string? role)
    {
        Assert.False(RolePermissions.Exists(role));
        Assert.Empty(RolePermissions.Of(role));
    }

    [Fact]
    public void The_six_roles_exist_and_every_permission_they_name_is_known()
    {
        Assert.Equal(["owner", "admin", "catalog_manager", "order_manager", "support", "read_only"], RolePermissions.Names);
        Assert.All(RolePermissions.Names.SelectMany(RolePermissions.Of), p => Assert.Contains(p, Permissions.All));
    }
}
