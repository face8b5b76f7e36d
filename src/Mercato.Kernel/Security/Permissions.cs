using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Kernel.Security;

/// <summary>
/// What an Admin API caller may do. Every admin endpoint declares exactly one permission (see <see cref="RequiredPermission"/>);
/// roles and scoped keys are sets of these. An endpoint without one is refused to everybody (fail closed).
/// </summary>
public static class Permissions
{
    public const string CatalogRead = "catalog:read";
    public const string CatalogWrite = "catalog:write";
    public const string InventoryRead = "inventory:read";
    public const string InventoryWrite = "inventory:write";
    public const string OrdersRead = "orders:read";
    public const string OrdersWrite = "orders:write";
    /// <summary>Moving money back: refunds, and cancels or returns that refund.</summary>
    public const string OrdersRefund = "orders:refund";
    public const string CustomersRead = "customers:read";
    public const string CustomersWrite = "customers:write";
    /// <summary>Shop set-up: regions, sales channels, stock locations, tax classes, shipping options.</summary>
    public const string SettingsRead = "settings:read";
    public const string SettingsWrite = "settings:write";
    public const string ApiKeysRead = "api_keys:read";
    public const string ApiKeysWrite = "api_keys:write";
    public const string UsersRead = "users:read";
    public const string UsersWrite = "users:write";
    public const string AuditRead = "audit:read";
    /// <summary>The integration event feed (<c>/admin/events</c>): events carry the state of orders and customers.</summary>
    public const string EventsRead = "events:read";
    /// <summary>Webhook endpoints, their deliveries and redelivery; endpoints' signing secrets are shown only on creation and rotation.</summary>
    public const string WebhooksRead = "webhooks:read";
    public const string WebhooksWrite = "webhooks:write";
    /// <summary>The background job queue's state, for operators.</summary>
    public const string JobsRead = "jobs:read";
    /// <summary>Promotions and their codes (code lists are secrets a merchant hands out).</summary>
    public const string PromotionsRead = "promotions:read";
    public const string PromotionsWrite = "promotions:write";
    /// <summary>Price lists: sale prices, customer-group, region and channel prices, quantity tiers.</summary>
    public const string PricingRead = "pricing:read";
    public const string PricingWrite = "pricing:write";
    /// <summary>Gift cards and their ledgers (issuing shows a code once; balances are money owed to holders).</summary>
    public const string GiftCardsRead = "gift_cards:read";
    public const string GiftCardsWrite = "gift_cards:write";

    /// <summary>
    /// Not a permission: marks the few admin endpoints every authenticated admin caller may use about itself
    /// (<c>GET /admin/me</c>, log out, change own password).
    /// </summary>
    public const string AnyAdminCaller = "any_admin_caller";

    public static readonly IReadOnlyList<string> All =
    [
        CatalogRead, CatalogWrite, InventoryRead, InventoryWrite, OrdersRead, OrdersWrite, OrdersRefund, CustomersRead, CustomersWrite,
        SettingsRead, SettingsWrite, ApiKeysRead, ApiKeysWrite, UsersRead, UsersWrite, AuditRead, EventsRead, WebhooksRead, WebhooksWrite,
        JobsRead, PromotionsRead, PromotionsWrite, PricingRead, PricingWrite, GiftCardsRead, GiftCardsWrite,
    ];

    /// <summary>Declares the permission an endpoint needs (overrides its group's <see cref="RequirePermissions"/>).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder
    {
        if (!All.Contains(permission)) throw new ArgumentException($"Unknown permission '{permission}'.", nameof(permission));
        builder.Add(b => b.Metadata.Add(new RequiredPermission(permission)));
        return builder;
    }

    /// <summary>Marks an endpoint any authenticated admin caller may use (see <see cref="AnyAdminCaller"/>).</summary>
    public static TBuilder RequireAnyAdminCaller<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(b => b.Metadata.Add(new RequiredPermission(AnyAdminCaller)));
        return builder;
    }

    /// <summary>
    /// Declares an area's permissions on a group: reads (GET, HEAD) need <paramref name="read"/>, everything else
    /// <paramref name="write"/>. An endpoint may still declare a stricter one itself.
    /// </summary>
    public static RouteGroupBuilder RequirePermissions(this RouteGroupBuilder group, string read, string write)
    {
        if (!All.Contains(read) || !All.Contains(write)) throw new ArgumentException("Unknown permission.");
        // Runs after every other convention, so the HTTP methods are known and an endpoint's own declaration is seen.
        ((IEndpointConventionBuilder)group).Finally(b =>
        {
            if (b.Metadata.OfType<RequiredPermission>().Any()) return;
            var methods = b.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var readOnly = methods.Count > 0 && methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m));
            b.Metadata.Add(new RequiredPermission(readOnly ? read : write));
        });
        return group;
    }
}

/// <summary>Endpoint metadata: the permission an Admin API caller needs. The last one added wins.</summary>
public sealed record RequiredPermission(string Permission);
