using Mercato.Identity.Contracts;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Identity.Sessions;

/// <summary>A single-use emailed token; only its hash is stored.</summary>
internal sealed class OneTimeToken
{
    public string Hash { get; init; } = "";
    public string Purpose { get; init; } = "";
    public string SubjectId { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class OneTimeTokenConfiguration : IEntityTypeConfiguration<OneTimeToken>
{
    public void Configure(EntityTypeBuilder<OneTimeToken> b)
    {
        b.ToTable("identity_one_time_token");
        b.HasKey(t => t.Hash);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.Purpose).HasMaxLength(40);
        b.Property(t => t.SubjectId).HasMaxLength(40);
        b.HasIndex(t => new { t.Purpose, t.SubjectId });
    }
}

internal sealed class OneTimeTokens(MercatoDb db, TimeProvider time) : IOneTimeTokens
{
    public async Task<string> IssueAsync(string purpose, string subjectId, TimeSpan lifetime, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Only the newest link works: an older email lying in an inbox is void.
        await db.Set<OneTimeToken>().Where(t => t.Purpose == purpose && t.SubjectId == subjectId && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        var secret = EntityId.Secret("ott", 32);
        db.Add(new OneTimeToken
        {
            Hash = RefreshToken.HashOf(secret), Purpose = purpose, SubjectId = subjectId, CreatedAt = now, ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task<string?> ConsumeAsync(string purpose, string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = RefreshToken.HashOf(token);
        var now = time.GetUtcNow();
        var consumed = await db.Set<OneTimeToken>()
            .Where(t => t.Hash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (consumed == 0) return null;
        return await db.Set<OneTimeToken>().Where(t => t.Hash == hash).Select(t => t.SubjectId).SingleAsync(ct);
    }
}
