using Mercato.Identity.Contracts;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Sessions;

internal sealed class Sessions(MercatoDb db, TokenKeys keys, TimeProvider time, IOptions<IdentityOptions> options) : ISessions
{
    public const string Issuer = "mercato";
    public const string StoreAudience = "mercato-store";
    public const string AdminAudience = "mercato-admin";
    public const string SessionClaim = "sid";
    public const string RoleClaim = "role";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private TimeSpan AccessLifetime => TimeSpan.FromMinutes(options.Value.AccessTokenMinutes);
    private TimeSpan RefreshLifetime => TimeSpan.FromDays(options.Value.RefreshTokenDays);

    public async Task<TokenPair> StartAsync(SessionSubject subject, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var session = new Session(subject, now, now + RefreshLifetime, time);
        var refresh = NewRefreshToken(session.Id, now);
        db.Add(session);
        db.Add(refresh.Row);
        await db.SaveChangesAsync(ct);
        return Pair(session, refresh.Secret, now);
    }

    public async Task<TokenPair?> RefreshAsync(SubjectKind kind, string refreshToken, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(refreshToken) || refreshToken.Length > 100) return null;
        var hash = RefreshToken.HashOf(refreshToken);
        var now = time.GetUtcNow();
        // Claiming the token is one conditional update, so two racing refreshes cannot both win.
        var claimed = await db.Set<RefreshToken>()
            .Where(t => t.Hash == hash && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var token = await db.Set<RefreshToken>().AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, ct);
        if (token is null) return null;
        if (claimed == 0)
        {
            // A used token presented again means a copy exists elsewhere: end the session for everybody holding it.
            if (token.UsedAt is not null) await RevokeAsync(token.SessionId, ct);
            return null;
        }
        var session = await db.Set<Session>().SingleOrDefaultAsync(s => s.Id == token.SessionId, ct);
        if (session is null || session.SubjectKind != kind || session.RevokedAt is not null || session.ExpiresAt <= now) return null;
        session.RefreshedAt = now;
        session.ExpiresAt = now + RefreshLifetime;
        var next = NewRefreshToken(session.Id, now);
        db.Add(next.Row);
        await db.SaveChangesAsync(ct);
        return Pair(session, next.Secret, now);
    }

    public Task RevokeAsync(string sessionId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Set<Session>().Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
    }

    public Task RevokeAllAsync(SubjectKind kind, string subjectId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Set<Session>().Where(s => s.SubjectKind == kind && s.SubjectId == subjectId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
    }

    private (RefreshToken Row, string Secret) NewRefreshToken(string sessionId, DateTimeOffset now)
    {
        var secret = RefreshToken.NewSecret();
        return (new RefreshToken { Hash = RefreshToken.HashOf(secret), SessionId = sessionId, CreatedAt = now, ExpiresAt = now + RefreshLifetime },
            secret);
    }

    private TokenPair Pair(Session session, string refreshSecret, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = session.SubjectId,
            [SessionClaim] = session.Id,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (session.Role is not null) claims[RoleClaim] = session.Role;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = session.SubjectKind == SubjectKind.Customer ? StoreAudience : AdminAudience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + AccessLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.HmacSha256),
        };
        return new TokenPair(Handler.CreateToken(descriptor), refreshSecret, (int)AccessLifetime.TotalSeconds);
    }
}
