using System.Reflection;
using Mercato.Identity.Contracts;
using Mercato.Identity.Sessions;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Identity;

/// <summary>Front door of the Identity module: who is calling (keys, sessions, tokens) and what they may do.</summary>
public static class IdentityModule
{
    public static Assembly Assembly => typeof(IdentityModule).Assembly;

    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration("Mercato:Auth");
        services.AddSingleton<TokenKeys>();
        services.AddSingleton<IPasswords, Passwords>();
        services.AddScoped<ISessions, Sessions.Sessions>();
        services.AddScoped<IOneTimeTokens, OneTimeTokens>();
        services.AddScoped<ILoginThrottle, LoginThrottle>();
        return services;
    }

    /// <summary>Secret keys and the session token schemes (customers on the Store API, admin users on the Admin API).</summary>
    public static AuthenticationBuilder AddSecretKeys(this AuthenticationBuilder auth) =>
        auth.AddScheme<AuthenticationSchemeOptions, SecretKeyAuthentication>(Callers.SecretKeyScheme, null).AddSessionTokens();

    /// <summary>The store policy's extra rule: an Authorization header, when sent, must be a valid customer token.</summary>
    public static AuthorizationPolicyBuilder RequireValidCustomerTokenIfPresent(this AuthorizationPolicyBuilder policy) =>
        policy.AddRequirements(new ValidCustomerTokenIfPresent());

    public static AuthorizationPolicyBuilder RequireSignedInCustomer(this AuthorizationPolicyBuilder policy) =>
        policy.AddRequirements(new SignedInCustomer());

    public static void MapIdentity(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminApiKeys.Map(admin);

    /// <summary>Start-up work once the schema is migrated: the token signing key.</summary>
    public static Task PrepareAsync(IServiceProvider services, MercatoDb db, CancellationToken ct) =>
        services.GetRequiredService<TokenKeys>().LoadAsync(db, services.GetRequiredService<IOptions<IdentityOptions>>().Value.SigningKey,
            services.GetRequiredService<TimeProvider>(), ct);

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
