using System.Security.Cryptography;
using System.Text;
using Mercato.Identity.Contracts;
using Mercato.Kernel.Ids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Identity.Sessions;

/// <summary>A signed-in session of a customer or an admin user; access tokens name it and die with it.</summary>
internal sealed class Session
{
    private Session()
    {
    }

    public Session(SessionSubject subject, DateTimeOffset now, DateTimeOffset expiresAt, TimeProvider time)
    {
        Id = EntityId.New("ses", time);
        SubjectKind = subject.Kind;
        SubjectId = subject.Id;
        Role = subject.Role;
        CreatedAt = now;
        RefreshedAt = now;
        ExpiresAt = expiresAt;
    }

    public string Id { get; private init; } = "";
    public SubjectKind SubjectKind { get; private init; }
    public string SubjectId { get; private init; } = "";
    public string? Role { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset RefreshedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>
/// One refresh token of a session. Only a SHA-256 hash is stored (the token has 256 random bits). A token is good once:
/// <see cref="UsedAt"/> is set when it is exchanged.
/// </summary>
internal sealed class RefreshToken
{
    public string Hash { get; init; } = "";
    public string SessionId { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }

    public static string NewSecret() => EntityId.Secret("rt", 32);

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>, IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.ToTable("identity_session");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(40);
        b.Property(s => s.SubjectKind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.SubjectId).HasMaxLength(40);
        b.Property(s => s.Role).HasMaxLength(40);
        b.HasIndex(s => new { s.SubjectKind, s.SubjectId });
    }

    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.ToTable("identity_refresh_token");
        b.HasKey(t => t.Hash);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.SessionId).HasMaxLength(40);
        b.HasIndex(t => t.SessionId);
    }
}
