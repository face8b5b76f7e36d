using Mercato.Kernel.Security;

namespace Mercato.Identity;

/// <summary>The admin roles: each is a fixed set of <see cref="Permissions"/>, resolved at request time.</summary>
internal static class Roles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string CatalogManager = "catalog_manager";
    public const string OrderManager = "order_manager";
    public const string Support = "support";
    public const string ReadOnly = "read_only";

    public static readonly string[] All = [Owner, Admin, CatalogManager, OrderManager, Support, ReadOnly];

    private static readonly Dictionary<string, IReadOnlySet<string>> Sets = new(StringComparer.Ordinal)
    {
        [Owner] = Set(Permissions.All),
        // Everything too; what sets an owner apart is that only an owner may grant or revoke the owner role.
        [Admin] = Set(Permissions.All),
        [CatalogManager] = Set(
        [
            Permissions.CatalogRead, Permissions.CatalogWrite, Permissions.InventoryRead, Permissions.InventoryWrite,
            Permissions.SettingsRead, Permissions.PromotionsRead, Permissions.PromotionsWrite, Permissions.PricingRead,
            Permissions.PricingWrite,
        ]),
        [OrderManager] = Set(
        [
            Permissions.OrdersRead, Permissions.OrdersWrite, Permissions.OrdersRefund, Permissions.CustomersRead,
            Permissions.CustomersWrite, Permissions.CatalogRead, Permissions.InventoryRead, Permissions.SettingsRead,
            // Order managers issue goodwill cards and fix balances as part of handling orders and refunds.
            Permissions.GiftCardsRead, Permissions.GiftCardsWrite,
        ]),
        // Support can look a card up (balance, ledger) for a customer, but not issue or change one.
        [Support] = Set([Permissions.OrdersRead, Permissions.CustomersRead, Permissions.CatalogRead, Permissions.InventoryRead,
            Permissions.GiftCardsRead]),
        // Who may do what (keys, users) and what was done (audit) stay with those who manage access.
        [ReadOnly] = Set(Permissions.All.Where(p => p.EndsWith(":read", StringComparison.Ordinal)
            && p is not (Permissions.ApiKeysRead or Permissions.UsersRead or Permissions.AuditRead))),
    };

    public static bool Exists(string? role) => role is not null && Sets.ContainsKey(role);

    /// <summary>The role's permissions; an unknown role has none (fail closed).</summary>
    public static IReadOnlySet<string> PermissionsOf(string? role) =>
        role is not null && Sets.TryGetValue(role, out var set) ? set : Empty;

    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();

    private static HashSet<string> Set(IEnumerable<string> permissions) => new(permissions, StringComparer.Ordinal);
}
