using System.Security.Cryptography;
using System.Text;
using Mercato.Kernel.Ids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Identity;

/// <summary>
/// A secret key (<c>sk_...</c>) for the Admin API. Only a SHA-256 hash of the secret is stored: the secret has
/// 192 random bits, so a fast hash is enough and lookups stay one indexed query.
/// </summary>
internal sealed class ApiKey
{
    private ApiKey()
    {
    }

    public ApiKey(string name, string secret, string role, DateTimeOffset? expiresAt, TimeProvider time)
    {
        Id = EntityId.New("key", time);
        Name = name;
        SecretHash = Hash(secret);
        Redacted = secret[..Math.Min(7, secret.Length)] + "…" + secret[^4..];
        Role = role;
        ExpiresAt = expiresAt;
        CreatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Name { get; private init; } = "";
    public string SecretHash { get; private init; } = "";
    /// <summary>The first and last characters, so people can tell keys apart without the secret.</summary>
    public string Redacted { get; private init; } = "";
    public string Role { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? ExpiresAt { get; private init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public static string NewSecret() => EntityId.Secret("sk", 24);

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

internal static class Roles
{
    public const string Owner = "owner";
    public static readonly string[] All = [Owner];

    public static IReadOnlyList<string> PermissionsOf(string role) => role == Owner ? Mercato.Kernel.Security.Permissions.All : [];
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("identity_api_key");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).HasMaxLength(40);
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.SecretHash).HasMaxLength(64);
        b.HasIndex(k => k.SecretHash).IsUnique();
        b.Property(k => k.Redacted).HasMaxLength(20);
        b.Property(k => k.Role).HasMaxLength(40);
    }
}
