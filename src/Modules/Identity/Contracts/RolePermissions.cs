namespace Mercato.Identity.Contracts;

/// <summary>
/// The admin roles (owner, admin, catalog_manager, order_manager, support, read_only) and their permissions, for code that
/// turns a role into <c>mercato:permission</c> claims. Only an owner may grant or revoke the owner role.
/// </summary>
public static class RolePermissions
{
    public const string Owner = Identity.Roles.Owner;

    /// <summary>Every role name, most powerful first.</summary>
    public static IReadOnlyList<string> Names => Identity.Roles.All;

    public static bool Exists(string? role) => Identity.Roles.Exists(role);

    /// <summary>The permissions of <paramref name="role"/>; an unknown role has none.</summary>
    public static IReadOnlySet<string> Of(string? role) => Identity.Roles.PermissionsOf(role);
}
