using Mercato.Customers.Accounts;
using Mercato.Kernel.Addresses;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Customers.Addresses;

/// <summary>An entry of a customer's address book; at most one is the default for shipping and one for billing.</summary>
internal sealed class CustomerAddress : IVersioned
{
    public const int MaxPerCustomer = 50;

    private CustomerAddress()
    {
    }

    public CustomerAddress(string customerId, Address address, TimeProvider time)
    {
        Id = EntityId.New("caddr", time);
        CustomerId = customerId;
        Set(address);
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string CustomerId { get; private init; } = "";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string? Company { get; private set; }
    public string Line1 { get; private set; } = "";
    public string? Line2 { get; private set; }
    public string City { get; private set; } = "";
    public string? Province { get; private set; }
    public string PostalCode { get; private set; } = "";
    public string CountryCode { get; private set; } = "";
    public string? Phone { get; private set; }
    public bool IsDefaultShipping { get; set; }
    public bool IsDefaultBilling { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public Address ToAddress() => new(FirstName, LastName, Company, Line1, Line2, City, Province, PostalCode, CountryCode, Phone);

    public void Set(Address a)
    {
        FirstName = a.FirstName;
        LastName = a.LastName;
        Company = a.Company;
        Line1 = a.Line1;
        Line2 = a.Line2;
        City = a.City;
        Province = a.Province;
        PostalCode = a.PostalCode;
        CountryCode = a.CountryCode;
        Phone = a.Phone;
    }
}

internal sealed class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> b)
    {
        b.ToTable("customers_address");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(40);
        b.Property(a => a.CustomerId).HasMaxLength(40);
        b.HasIndex(a => new { a.CustomerId, a.Id });
        b.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.FirstName).HasMaxLength(AddressRules.NameLength);
        b.Property(a => a.LastName).HasMaxLength(AddressRules.NameLength);
        b.Property(a => a.Company).HasMaxLength(AddressRules.LineLength);
        b.Property(a => a.Line1).HasMaxLength(AddressRules.LineLength);
        b.Property(a => a.Line2).HasMaxLength(AddressRules.LineLength);
        b.Property(a => a.City).HasMaxLength(AddressRules.NameLength);
        b.Property(a => a.Province).HasMaxLength(AddressRules.NameLength);
        b.Property(a => a.PostalCode).HasMaxLength(AddressRules.PostalCodeLength);
        b.Property(a => a.CountryCode).HasMaxLength(2);
        b.Property(a => a.Phone).HasMaxLength(AddressRules.PhoneLength);
    }
}
