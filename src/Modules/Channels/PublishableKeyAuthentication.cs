using System.Security.Claims;
using System.Text.Encodings.Web;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Channels;

/// <summary>Authenticates Store API calls by <c>X-Publishable-Key</c>: the key names the sales channel.</summary>
internal sealed class PublishableKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, MercatoDb db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Headers[Callers.PublishableKeyHeader].ToString();
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        if (!token.StartsWith("pk_", StringComparison.Ordinal) || token.Length > 64)
            return AuthenticateResult.Fail("Malformed publishable key.");
        var key = await db.Set<PublishableKey>().AsNoTracking()
            .Where(k => k.Token == token && k.RevokedAt == null)
            .Join(db.Set<SalesChannel>().Where(c => !c.IsDisabled), k => k.SalesChannelId, c => c.Id, (k, c) => new { k.Id, ChannelId = c.Id })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown or revoked publishable key.");
        var identity = new ClaimsIdentity(
            [new Claim(Callers.SalesChannelClaim, key.ChannelId), new Claim(Callers.KeyIdClaim, key.Id)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // RFC 9110 §15.5.2: a 401 says how to authenticate; there is no registered scheme for a key in a header.
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Callers.PublishableKeyHeader}\"";
        return base.HandleChallengeAsync(properties);
    }
}
