using System.Security.Claims;
using System.Text.Encodings.Web;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Mercato.Channels;

/// <summary>Authenticates Store API calls by <c>X-Publishable-Key</c>: the key names the sales channel.</summary>
internal sealed class PublishableKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, PublishableKeyCache keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Headers[Callers.PublishableKeyHeader].ToString();
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        if (!token.StartsWith("pk_", StringComparison.Ordinal) || token.Length > 64)
            return AuthenticateResult.Fail("Malformed publishable key.");
        // The database context is leased only when the key is not remembered: a cached catalog answer needs no lease.
        var key = await keys.FindAsync(token, async () =>
        {
            var db = Context.RequestServices.GetRequiredService<MercatoDb>();
            return await db.Set<PublishableKey>().AsNoTracking()
                .Where(k => k.Token == token && k.RevokedAt == null)
                .Join(db.Set<SalesChannel>().Where(c => !c.IsDisabled), k => k.SalesChannelId, c => c.Id,
                    (k, c) => new PublishableKeyCache.ValidKey(k.Id, c.Id))
                .SingleOrDefaultAsync(Context.RequestAborted);
        });
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

/// <summary>
/// Valid keys, remembered for <see cref="CacheFor"/> so a cached catalog answer costs no database query; admin writes in this
/// process forget them all (other nodes see a revoked key refused within <see cref="CacheFor"/>). Unknown keys are not kept.
/// </summary>
internal sealed class PublishableKeyCache(IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string GenerationKey = "channels:publishable-keys";

    public sealed record ValidKey(string Id, string ChannelId);

    public async Task<ValidKey?> FindAsync(string token, Func<Task<ValidKey?>> load)
    {
        var entryKey = "channels:publishable-key:" + token;
        if (cache.TryGetValue(entryKey, out ValidKey? known) && known is not null) return known;
        var generation = Generation();
        var key = await load();
        if (key is not null && !generation.IsCancellationRequested)
        {
            using var entry = cache.CreateEntry(entryKey);
            entry.Value = key;
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            entry.AddExpirationToken(new CancellationChangeToken(generation.Token));
        }
        return key;
    }

    /// <summary>Forgets every remembered key (a key was revoked, a channel disabled or deleted).</summary>
    public void Forget()
    {
        if (cache.TryGetValue(GenerationKey, out CancellationTokenSource? generation) && generation is not null)
        {
            cache.Remove(GenerationKey);
            generation.Cancel();
        }
    }

    private CancellationTokenSource Generation() => cache.GetOrCreate(GenerationKey, e =>
    {
        e.Priority = CacheItemPriority.NeverRemove;
        return new CancellationTokenSource();
    })!;
}
