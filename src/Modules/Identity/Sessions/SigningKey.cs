using System.Security.Cryptography;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Sessions;

/// <summary>The HMAC key that signs access tokens, generated once per shop and shared by all its API nodes.</summary>
internal sealed class SigningKey
{
    public const string DefaultId = "k1";

    public string Id { get; init; } = "";
    public string Secret { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.ToTable("identity_signing_key");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).HasMaxLength(40);
        b.Property(k => k.Secret).HasMaxLength(200);
    }
}

/// <summary>The signing keys in memory, loaded once at start-up (<see cref="LoadAsync"/>).</summary>
internal sealed class TokenKeys
{
    private SymmetricSecurityKey? _current;

    public SymmetricSecurityKey Current => _current ?? throw new InvalidOperationException("Signing keys are not loaded yet.");

    public IEnumerable<SecurityKey> All => _current is null ? [] : [_current];

    public async Task LoadAsync(MercatoDb db, string? configured, TimeProvider time, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromBase64String(configured.Trim());
            if (bytes.Length < 32) throw new InvalidOperationException("Mercato:Auth:SigningKey must be at least 32 bytes (base64).");
            _current = new SymmetricSecurityKey(bytes) { KeyId = "configured" };
            return;
        }
        var stored = await db.Set<SigningKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Id == SigningKey.DefaultId, ct);
        if (stored is null)
        {
            db.Add(new SigningKey { Id = SigningKey.DefaultId, Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CreatedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node created it at the same moment: use theirs.
                db.ChangeTracker.Clear();
            }
            stored = await db.Set<SigningKey>().AsNoTracking().SingleAsync(k => k.Id == SigningKey.DefaultId, ct);
        }
        _current = new SymmetricSecurityKey(Convert.FromBase64String(stored.Secret)) { KeyId = stored.Id };
    }
}
