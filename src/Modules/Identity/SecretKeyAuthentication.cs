using System.Security.Claims;
using System.Text.Encodings.Web;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Identity;

/// <summary>Authenticates Admin API calls by <c>Authorization: Bearer sk_...</c>. The secret itself is never logged.</summary>
internal sealed class SecretKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, MercatoDb db, TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    // Recording every use would turn each admin read into a write; a minute's precision is enough to spot stale keys.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        // The scheme name is case-insensitive (RFC 9110 §11.1); the key itself is not.
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (!secret.StartsWith("sk_", StringComparison.Ordinal) || header.Length > 200)
            return AuthenticateResult.Fail("Not a secret key.");
        var hash = ApiKey.Hash(secret);
        var now = time.GetUtcNow();
        var key = await db.Set<ApiKey>().AsNoTracking()
            .Where(k => k.SecretHash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Role, k.Scopes, k.ExpiresAt, k.LastUsedAt })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (key is null || key.ExpiresAt <= now) return AuthenticateResult.Fail("Unknown, revoked or expired secret key.");
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedPrecision)
        {
            await db.Set<ApiKey>().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }
        // The role is resolved now, not at creation, so changing a role's permissions applies to its keys at once.
        var claims = new List<Claim> { new(Callers.KeyIdClaim, key.Id) };
        if (key.Role is not null) claims.Add(new Claim(ClaimTypes.Role, key.Role));
        claims.AddRange(ApiKey.PermissionsOf(key.Role, key.Scopes).Select(p => new Claim(Callers.PermissionClaim, p)));
        var identity = new ClaimsIdentity(claims, Scheme.Name, null, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // RFC 9110 §15.5.2: a 401 names the scheme that would have worked.
        Response.Headers.WWWAuthenticate = "Bearer realm=\"Mercato Admin API\"";
        return base.HandleChallengeAsync(properties);
    }
}
