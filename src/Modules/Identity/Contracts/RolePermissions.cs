namespace Mercato.Identity.Contracts;

/// <summary>The permissions of each admin role (Mercato.Kernel.Security.Permissions).</summary>
public static class RolePermissions
{
    public static IReadOnlyList<string> Of(string role) => Roles.PermissionsOf(role);
}
