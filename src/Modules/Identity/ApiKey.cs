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

    public ApiKey(string name, string secret, string? role, IReadOnlyCollection<string>? scopes, DateTimeOffset? expiresAt, TimeProvider time)
    {
        if ((role is null) == (scopes is null)) throw new ArgumentException("A key has either a role or scopes.");
        Id = EntityId.New("key", time);
        Name = name;
        SecretHash = Hash(secret);
        Redacted = secret[..Math.Min(7, secret.Length)] + "…" + secret[^4..];
        Role = role;
        Scopes = scopes is null ? null : string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        ExpiresAt = expiresAt;
        CreatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Name { get; private init; } = "";
    public string SecretHash { get; private init; } = "";
    /// <summary>The first and last characters, so people can tell keys apart without the secret.</summary>
    public string Redacted { get; private init; } = "";
    /// <summary>The role whose permissions the key has, resolved on every request; null for a scoped key.</summary>
    public string? Role { get; private init; }
    /// <summary>A scoped key's permissions, space-separated; null for a key with a role.</summary>
    public string? Scopes { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? ExpiresAt { get; private init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public IReadOnlyList<string>? ScopeList => Scopes is null ? null : ScopeNames(Scopes);

    /// <summary>What the key may do now: its role's current permissions, or its scopes.</summary>
    public IReadOnlySet<string> Permissions => PermissionsOf(Role, Scopes);

    public static IReadOnlySet<string> PermissionsOf(string? role, string? scopes) =>
        scopes is null ? Roles.PermissionsOf(role) : ScopeNames(scopes).ToHashSet(StringComparer.Ordinal);

    private static string[] ScopeNames(string scopes) => scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string NewSecret() => EntityId.Secret("sk", 24);

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
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
        b.Property(k => k.Scopes).HasMaxLength(1000);
        b.Ignore(k => k.ScopeList);
        b.Ignore(k => k.Permissions);
    }
}
