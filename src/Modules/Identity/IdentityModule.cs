using System.Reflection;
using Mercato.Identity.Contracts;
using Mercato.Identity.Sessions;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
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

    /// <summary>
    /// Adds to a policy: the caller needs the permission the endpoint declares (<see cref="Permissions.RequirePermission"/>)
    /// among its <c>mercato:permission</c> claims; an endpoint that declares none is refused.
    /// </summary>
    public static AuthorizationPolicyBuilder RequireEndpointPermission(this AuthorizationPolicyBuilder policy) =>
        policy.AddRequirements(EndpointPermission.Requirement);

    public static void MapIdentity(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        AdminApiKeys.Map(admin);
        Users.AdminUsers.Map(admin);
        Users.AdminAuth.Map(admin);
    }

    /// <summary>Start-up work once the schema is migrated: the token signing key.</summary>
    public static Task PrepareAsync(IServiceProvider services, MercatoDb db, CancellationToken ct) =>
        services.GetRequiredService<TokenKeys>().LoadAsync(db, services.GetRequiredService<IOptions<IdentityOptions>>().Value.SigningKey,
            services.GetRequiredService<TimeProvider>(), ct);

    /// <summary>
    /// Creates the first owner from the command line (<c>invite-owner email</c>): an invited admin user whose one-time
    /// invitation token is returned for the operator to use, or a new token when that user is still only invited.
    /// </summary>
    public static async Task<string> InviteOwnerAsync(IServiceProvider services, string email, CancellationToken ct)
    {
        if (new Kernel.Validation.Validator().Email("email", email).ToError() is not null)
            throw new ArgumentException($"'{email}' is not an email address.", nameof(email));
        var db = services.GetRequiredService<MercatoDb>();
        var time = services.GetRequiredService<TimeProvider>();
        var normalized = Users.AdminUser.NormalizeEmail(email);
        var user = await db.Set<Users.AdminUser>().SingleOrDefaultAsync(u => u.Email == normalized, ct);
        if (user is { Status: not Users.AdminUserStatus.Invited })
            throw new InvalidOperationException($"An admin user with the email {normalized} exists already; use the password reset.");
        if (user is null)
        {
            user = new Users.AdminUser(email, Roles.Owner, null, null, "command-line", time);
            db.Add(user);
            await db.SaveChangesAsync(ct);
        }
        return await services.GetRequiredService<IOneTimeTokens>().IssueAsync(TokenPurposes.AdminInvitation, user.Id, Users.AdminUsers.InvitationLifetime, ct);
    }

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
