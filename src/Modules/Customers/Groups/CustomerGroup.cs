using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Customers.Groups;

/// <summary>A segment of customers (retail, wholesale, VIP...) that price lists and promotions can target.</summary>
internal sealed class CustomerGroup : IVersioned
{
    public const int NameLength = 200;
    public const int DescriptionLength = 2000;

    private CustomerGroup()
    {
    }

    public CustomerGroup(string name, string handle, string? description, TimeProvider time)
    {
        Id = EntityId.New("cgrp", time);
        Name = name;
        Handle = handle;
        Description = description;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Name { get; set; } = "";
    public string Handle { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class CustomerGroupConfiguration : IEntityTypeConfiguration<CustomerGroup>
{
    public void Configure(EntityTypeBuilder<CustomerGroup> b)
    {
        b.ToTable("customers_group");
        b.HasKey(g => g.Id);
        b.Property(g => g.Id).HasMaxLength(40);
        b.Property(g => g.Name).HasMaxLength(CustomerGroup.NameLength);
        b.Property(g => g.Handle).HasMaxLength(200);
        b.HasIndex(g => g.Handle).IsUnique();
        b.Property(g => g.Description).HasMaxLength(CustomerGroup.DescriptionLength);
    }
}
