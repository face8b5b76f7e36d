using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Identity.Users;

internal enum AdminUserStatus
{
    /// <summary>Invited by email; no password yet, cannot log in until the invitation is accepted.</summary>
    Invited,
    Active,
    Disabled,
}

/// <summary>A person who works in the back office, with one role.</summary>
internal sealed class AdminUser : IVersioned
{
    private AdminUser()
    {
    }

    public AdminUser(string email, string role, string? firstName, string? lastName, string? invitedBy, TimeProvider time)
    {
        Id = EntityId.New("user", time);
        Email = NormalizeEmail(email);
        Role = role;
        FirstName = firstName;
        LastName = lastName;
        InvitedBy = invitedBy;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Email { get; private init; } = "";
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string Role { get; set; } = "";
    public AdminUserStatus Status { get; set; } = AdminUserStatus.Invited;
    public string? PasswordHash { get; set; }
    public string? InvitedBy { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    public int Version { get; set; }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}

internal sealed class AdminUserConfiguration : IEntityTypeConfiguration<AdminUser>
{
    public void Configure(EntityTypeBuilder<AdminUser> b)
    {
        b.ToTable("identity_admin_user");
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).HasMaxLength(40);
        b.Property(u => u.Email).HasMaxLength(254);
        b.HasIndex(u => u.Email).IsUnique();
        b.Property(u => u.FirstName).HasMaxLength(100);
        b.Property(u => u.LastName).HasMaxLength(100);
        b.Property(u => u.Role).HasMaxLength(40);
        b.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.PasswordHash).HasMaxLength(200);
        b.Property(u => u.InvitedBy).HasMaxLength(40);
    }
}
