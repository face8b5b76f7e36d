using System.Reflection;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Authentication;
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
        db.Add(new ApiKey("Bootstrap key", secret, Roles.Owner, null, time));
        await db.SaveChangesAsync(ct);
    }
}
