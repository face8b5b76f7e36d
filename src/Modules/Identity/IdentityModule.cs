using System.Reflection;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Identity;

/// <summary>Front door of the Identity module: secret API keys for the Admin API (customers and admin users come later).</summary>
public static class IdentityModule
{
    public static Assembly Assembly => typeof(IdentityModule).Assembly;

    public static AuthenticationBuilder AddSecretKeys(this AuthenticationBuilder auth) =>
        auth.AddScheme<AuthenticationSchemeOptions, SecretKeyAuthentication>(Callers.SecretKeyScheme, null);

    /// <summary>The handler of <see cref="RequireEndpointPermission"/>'s refusals: a 403 problem naming the missing permission.</summary>
    public static IServiceCollection AddAdminPermissions(this IServiceCollection services) =>
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PermissionProblems>();

    /// <summary>
    /// Adds to a policy: the caller needs the permission the endpoint declares (<see cref="Permissions.RequirePermission"/>)
    /// among its <c>mercato:permission</c> claims; an endpoint that declares none is refused.
    /// </summary>
    public static AuthorizationPolicyBuilder RequireEndpointPermission(this AuthorizationPolicyBuilder policy) =>
        policy.AddRequirements(EndpointPermission.Requirement);

    public static void MapIdentity(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminApiKeys.Map(admin);

    /// <summary>Makes sure a secret key with exactly <paramref name="secret"/> exists with the owner role (automation, tests).</summary>
    public static async Task EnsureBootstrapKeyAsync(MercatoDb db, string secret, TimeProvider time, CancellationToken ct)
    {
        if (!secret.StartsWith("sk_", StringComparison.Ordinal) || secret.Length < 20)
            throw new InvalidOperationException("MERCATO_BOOTSTRAP_ADMIN_KEY must start with 'sk_' and be at least 20 characters long.");
        var hash = ApiKey.Hash(secret);
        if (await db.Set<ApiKey>().AnyAsync(k => k.SecretHash == hash && k.RevokedAt == null, ct)) return;
        var revoked = await db.Set<ApiKey>().SingleOrDefaultAsync(k => k.SecretHash == hash, ct);
        if (revoked is not null) db.Remove(revoked);
        db.Add(new ApiKey("Bootstrap key", secret, Roles.Owner, null, null, time));
        await db.SaveChangesAsync(ct);
    }
}
