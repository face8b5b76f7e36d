using Mercato.Customers.Groups;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Customers.Accounts;

/// <summary>
/// A shopper's account. <see cref="Email"/> is stored normalised (trimmed, lower case) because the two databases collate
/// differently; <see cref="SearchName"/> is the lower-cased name the admin search matches on both alike.
/// </summary>
internal sealed class Customer : IVersioned
{
    public const int NameLength = 100;
    public const int PhoneLength = 40;
    public const int EmailLength = 254;
    public const int ExternalIdLength = 200;

    private readonly List<CustomerGroupMember> _groups = [];

    private Customer()
    {
    }

    public Customer(string email, string passwordHash, string firstName, string lastName, string? phone, TimeProvider time)
    {
        Id = EntityId.New("cus", time);
        Email = email;
        PasswordHash = passwordHash;
        Rename(firstName, lastName);
        Phone = phone;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Email { get; private init; } = "";
    public string PasswordHash { get; set; } = "";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string SearchName { get; private set; } = "";
    public string? Phone { get; set; }

    /// <summary>The integrator's id for this customer (CRM, ERP): unique when set.</summary>
    public string? ExternalId { get; set; }
    public DateTimeOffset? EmailVerifiedAt { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public IReadOnlyList<CustomerGroupMember> Groups => _groups;

    public void Rename(string firstName, string lastName)
    {
        FirstName = firstName;
        LastName = lastName;
        SearchName = $"{firstName} {lastName}".ToLowerInvariant();
    }

    /// <summary>Makes the customer a member of exactly <paramref name="groupIds"/>.</summary>
    public void SetGroups(IReadOnlyCollection<string> groupIds)
    {
        _groups.RemoveAll(m => !groupIds.Contains(m.GroupId));
        foreach (var id in groupIds.Where(id => !_groups.Exists(m => m.GroupId == id)))
            _groups.Add(new CustomerGroupMember(Id, id));
    }

    public bool Join(string groupId)
    {
        if (_groups.Exists(m => m.GroupId == groupId)) return false;
        _groups.Add(new CustomerGroupMember(Id, groupId));
        return true;
    }

    public bool Leave(string groupId) => _groups.RemoveAll(m => m.GroupId == groupId) > 0;
}

/// <summary>Membership of a customer in a customer group.</summary>
internal sealed class CustomerGroupMember(string customerId, string groupId)
{
    public string CustomerId { get; private init; } = customerId;
    public string GroupId { get; private init; } = groupId;
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.ToTable("customers_customer");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.Email).HasMaxLength(Customer.EmailLength);
        b.HasIndex(c => c.Email).IsUnique();
        b.Property(c => c.PasswordHash).HasMaxLength(500);
        b.Property(c => c.FirstName).HasMaxLength(Customer.NameLength);
        b.Property(c => c.LastName).HasMaxLength(Customer.NameLength);
        b.Property(c => c.SearchName).HasMaxLength(Customer.NameLength * 2 + 1);
        b.Property(c => c.Phone).HasMaxLength(Customer.PhoneLength);
        b.HasIndex(c => c.CreatedAt);
        b.Property(c => c.ExternalId).HasMaxLength(Customer.ExternalIdLength);
        b.HasIndex(c => c.ExternalId).IsUnique();
        b.HasIndex(c => new { c.UpdatedAt, c.Id });
        b.HasMany(c => c.Groups).WithOne().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Groups).HasField("_groups");
    }
}

internal sealed class CustomerGroupMemberConfiguration : IEntityTypeConfiguration<CustomerGroupMember>
{
    public void Configure(EntityTypeBuilder<CustomerGroupMember> b)
    {
        b.ToTable("customers_group_member");
        b.HasKey(m => new { m.CustomerId, m.GroupId });
        b.Property(m => m.CustomerId).HasMaxLength(40);
        b.Property(m => m.GroupId).HasMaxLength(40);
        b.HasIndex(m => new { m.GroupId, m.CustomerId });
        b.HasOne<CustomerGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
