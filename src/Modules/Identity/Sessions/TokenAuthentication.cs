using System.Security.Claims;
using Mercato.Identity.Contracts;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Sessions;

/// <summary>
/// The bearer-token schemes: customers' tokens on the Store API, admin users' tokens on the Admin API (where a bearer value
/// starting with <c>sk_</c> is a secret key instead). Tokens are HS256 JWTs of this shop only: any other algorithm (also
/// <c>none</c>), issuer or audience is refused, and the session they name must still be live.
/// </summary>
internal static class TokenAuthentication
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static AuthenticationBuilder AddSessionTokens(this AuthenticationBuilder auth)
    {
        auth.AddJwtBearer(Callers.CustomerTokenScheme, _ => { });
        auth.AddJwtBearer(Callers.AdminTokenScheme, _ => { });
        auth.AddPolicyScheme(Callers.AdminScheme, "Secret key or admin user token", o => o.ForwardDefaultSelector = http =>
            BearerValue(http.Request).StartsWith("sk_", StringComparison.Ordinal) ? Callers.SecretKeyScheme : Callers.AdminTokenScheme);
        auth.Services.AddOptions<JwtBearerOptions>(Callers.CustomerTokenScheme)
            .Configure<TokenKeys, TimeProvider>((o, keys, time) => Configure(o, keys, time, Sessions.StoreAudience, SubjectKind.Customer));
        auth.Services.AddOptions<JwtBearerOptions>(Callers.AdminTokenScheme)
            .Configure<TokenKeys, TimeProvider>((o, keys, time) => Configure(o, keys, time, Sessions.AdminAudience, SubjectKind.AdminUser));
        auth.Services.AddSingleton<IAuthorizationHandler, StoreCallerHandler>();
        auth.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ChallengeBadCustomerTokens>();
        return auth;
    }

    private static string BearerValue(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
    }

    private static void Configure(JwtBearerOptions o, TokenKeys keys, TimeProvider time, string audience, SubjectKind kind)
    {
        o.MapInboundClaims = false;
        o.RequireHttpsMetadata = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = Sessions.Issuer,
            ValidAudience = audience,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKeyResolver = (_, _, _, _) => keys.All,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            // The shop's clock (a TimeProvider), not the machine's, decides expiry.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } e && now < e + ClockSkew && (notBefore is not { } nb || nb - ClockSkew <= now);
            },
            NameClaimType = JwtRegisteredClaimNames.Sub,
        };
        o.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                // A secret key is not a token: leave it to the secret key scheme (and to a 401 on the Store API).
                var value = BearerValue(context.Request);
                if (value.Length == 0 || value.StartsWith("sk_", StringComparison.Ordinal) || value.Length > 4096) context.NoResult();
                else context.Token = value;
                return Task.CompletedTask;
            },
            OnTokenValidated = context => AcceptLiveSessionAsync(context, kind, time),
        };
    }

    /// <summary>Checks the session the token names is live, then adds the claims the endpoints read.</summary>
    private static async Task AcceptLiveSessionAsync(TokenValidatedContext context, SubjectKind kind, TimeProvider time)
    {
        var principal = context.Principal!;
        var subject = principal.FindFirstValue(JwtRegisteredClaimNames.Sub);
        var sessionId = principal.FindFirstValue(Sessions.SessionClaim);
        if (subject is null || sessionId is null)
        {
            context.Fail("The token names no session.");
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<MercatoDb>();
        var now = time.GetUtcNow();
        var session = await db.Set<Session>().AsNoTracking()
            .Where(s => s.Id == sessionId && s.SubjectKind == kind && s.SubjectId == subject && s.RevokedAt == null && s.ExpiresAt > now)
            .Select(s => new { s.Role }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (session is null)
        {
            context.Fail("The session has ended.");
            return;
        }
        List<Claim> claims = [new(Callers.SessionClaim, sessionId)];
        if (kind == SubjectKind.Customer)
        {
            claims.Add(new Claim(Callers.CustomerClaim, subject));
        }
        else
        {
            claims.Add(new Claim(Callers.AdminUserClaim, subject));
            if (session.Role is not null)
            {
                claims.Add(new Claim(ClaimTypes.Role, session.Role));
                claims.AddRange(RolePermissions.Of(session.Role).Select(p => new Claim(Callers.PermissionClaim, p)));
            }
        }
        principal.AddIdentity(new ClaimsIdentity(claims, context.Scheme.Name));
    }
}

/// <summary>Store API: an Authorization header, when present, must carry a valid customer token.</summary>
internal sealed class ValidCustomerTokenIfPresent : IAuthorizationRequirement;

/// <summary>Store API routes of a signed-in customer (<c>/store/customers/me...</c>).</summary>
internal sealed class SignedInCustomer : IAuthorizationRequirement;

internal sealed class StoreCallerHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var http = context.Resource as HttpContext;
        var customer = context.User.FindFirstValue(Callers.CustomerClaim);
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            if (requirement is ValidCustomerTokenIfPresent
                && (customer is not null || http is null || string.IsNullOrEmpty(http.Request.Headers.Authorization.ToString())))
                context.Succeed(requirement);
            else if (requirement is SignedInCustomer && customer is not null)
                context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// A missing or bad customer token is an authentication failure (401 with <c>WWW-Authenticate: Bearer</c>), not a missing
/// permission: without this the publishable key alone would make it a 403.
/// </summary>
internal sealed class ChallengeBadCustomerTokens : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failed = authorizeResult.Forbidden ? authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [] : [];
        // A customer token without a publishable key: the key is what is missing.
        if (failed.OfType<ClaimsAuthorizationRequirement>().Any(r => r.ClaimType == Callers.SalesChannelClaim))
            return context.ChallengeAsync(Callers.PublishableKeyScheme);
        if (failed.Any(r => r is ValidCustomerTokenIfPresent or SignedInCustomer))
            return context.ChallengeAsync(Callers.CustomerTokenScheme);
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
