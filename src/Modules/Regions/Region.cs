using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Regions;

/// <summary>A market: one currency, the countries it serves, and how tax applies to its prices.</summary>
internal sealed class Region : IVersioned
{
    private readonly List<RegionCountry> _countries = [];

    private Region()
    {
    }

    public Region(string name, string currencyCode, TimeProvider time)
    {
        Id = EntityId.New("reg", time);
        Name = name;
        CurrencyCode = currencyCode;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Name { get; set; } = "";
    public string CurrencyCode { get; set; } = "";
    /// <summary>Default tax rate in basis points (2000 = 20%).</summary>
    public int TaxRateBasisPoints { get; set; }
    /// <summary>Whether the catalog's prices in this region already include tax (typical in the EU, not in the US).</summary>
    public bool PricesIncludeTax { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public IReadOnlyList<RegionCountry> Countries => _countries;

    public void SetCountries(IEnumerable<string> codes)
    {
        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        _countries.RemoveAll(c => !wanted.Contains(c.CountryCode));
        foreach (var code in wanted.Where(code => _countries.All(c => c.CountryCode != code)).Order(StringComparer.Ordinal))
            _countries.Add(new RegionCountry(Id, code));
    }
}

/// <summary>A country belongs to at most one region, so an address always resolves to one market.</summary>
internal sealed class RegionCountry(string regionId, string countryCode)
{
    public string RegionId { get; private init; } = regionId;
    public string CountryCode { get; private init; } = countryCode;
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.ToTable("regions_region");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(40);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.CurrencyCode).HasMaxLength(3);
        b.HasMany(r => r.Countries).WithOne().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Countries).HasField("_countries");
    }
}

internal sealed class RegionCountryConfiguration : IEntityTypeConfiguration<RegionCountry>
{
    public void Configure(EntityTypeBuilder<RegionCountry> b)
    {
        b.ToTable("regions_region_country");
        b.HasKey(c => c.CountryCode);
        b.Property(c => c.CountryCode).HasMaxLength(2);
        b.Property(c => c.RegionId).HasMaxLength(40);
        b.HasIndex(c => c.RegionId);
    }
}
