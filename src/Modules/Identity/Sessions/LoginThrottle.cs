using System.Security.Cryptography;
using System.Text;
using Mercato.Identity.Contracts;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Sessions;

/// <summary>Failed logins of one login name in one realm. The name is stored hashed: the table is no list of emails.</summary>
internal sealed class LoginFailures
{
    public string Key { get; init; } = "";
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

internal sealed class LoginFailuresConfiguration : IEntityTypeConfiguration<LoginFailures>
{
    public void Configure(EntityTypeBuilder<LoginFailures> b)
    {
        b.ToTable("identity_login_failures");
        b.HasKey(f => f.Key);
        b.Property(f => f.Key).HasMaxLength(100);
    }
}

internal sealed class LoginThrottle(MercatoDb db, TimeProvider time, IOptions<IdentityOptions> options) : ILoginThrottle
{
    public async Task<TimeSpan?> LockedForAsync(string realm, string login, CancellationToken ct)
    {
        var key = KeyOf(realm, login);
        var lockedUntil = await db.Set<LoginFailures>().AsNoTracking().Where(f => f.Key == key).Select(f => f.LockedUntil).SingleOrDefaultAsync(ct);
        var now = time.GetUtcNow();
        return lockedUntil > now ? lockedUntil - now : null;
    }

    public async Task<TimeSpan?> FailedAsync(string realm, string login, CancellationToken ct)
    {
        var o = options.Value;
        var key = KeyOf(realm, login);
        var now = time.GetUtcNow();
        var forgetBefore = now - TimeSpan.FromHours(o.LockoutResetHours);
        // Counted with one atomic update, so concurrent guesses cannot slip past the count.
        var counted = await db.Set<LoginFailures>().Where(f => f.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.Failures, f => f.LastFailureAt < forgetBefore ? 1 : f.Failures + 1)
            .SetProperty(f => f.LastFailureAt, now), ct);
        if (counted == 0)
        {
            db.Add(new LoginFailures { Key = key, Failures = 1, LastFailureAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                await db.Set<LoginFailures>().Where(f => f.Key == key)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.LastFailureAt, now), ct);
            }
        }
        var failures = await db.Set<LoginFailures>().Where(f => f.Key == key).Select(f => f.Failures).SingleAsync(ct);
        if (LockoutFor(failures, o) is not { } lockout) return null;
        var until = now + lockout;
        await db.Set<LoginFailures>().Where(f => f.Key == key).ExecuteUpdateAsync(s => s.SetProperty(f => f.LockedUntil, until), ct);
        return lockout;
    }

    public Task SucceededAsync(string realm, string login, CancellationToken ct)
    {
        var key = KeyOf(realm, login);
        return db.Set<LoginFailures>().Where(f => f.Key == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>No lockout for the first free attempts; then the base time, doubling with each further failure, capped.</summary>
    internal static TimeSpan? LockoutFor(int failures, IdentityOptions o)
    {
        if (failures < o.LockoutFreeAttempts) return null;
        var doublings = Math.Min(failures - o.LockoutFreeAttempts, 20);
        var seconds = Math.Min((long)o.LockoutBaseSeconds << doublings, o.LockoutMaxSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    private static string KeyOf(string realm, string login) =>
        realm + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(login.Trim().ToLowerInvariant())));
}
