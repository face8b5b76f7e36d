using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Tax.Classes;

/// <summary>
/// A kind of goods taxed at its own rates (books, food...). A region without a rate here taxes the class at the region's
/// default rate.
/// </summary>
internal sealed class TaxClass : IVersioned
{
    private TaxClass()
    {
    }

    public TaxClass(string name, string code, TimeProvider time)
    {
        Id = EntityId.New("txc", time);
        Name = name;
        Code = code;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Name { get; set; } = "";
    /// <summary>Unique, lower case: how integrations name the class.</summary>
    public string Code { get; set; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<TaxClassRate> Rates { get; } = [];

    public void SetRates(IEnumerable<(string RegionId, int Rate)> rates)
    {
        var wanted = rates.ToDictionary(r => r.RegionId, r => r.Rate, StringComparer.Ordinal);
        Rates.RemoveAll(r => !wanted.ContainsKey(r.RegionId));
        foreach (var (regionId, rate) in wanted)
        {
            var row = Rates.Find(r => r.RegionId == regionId);
            if (row is null) Rates.Add(new TaxClassRate { TaxClassId = Id, RegionId = regionId, RateBasisPoints = rate });
            else row.RateBasisPoints = rate;
        }
    }
}

/// <summary>The class's rate in one region; the region is linked by id only (no foreign key across modules).</summary>
internal sealed class TaxClassRate
{
    public string TaxClassId { get; init; } = "";
    public string RegionId { get; init; } = "";
    public int RateBasisPoints { get; set; }
}

internal sealed class TaxClassConfiguration : IEntityTypeConfiguration<TaxClass>
{
    public void Configure(EntityTypeBuilder<TaxClass> b)
    {
        b.ToTable("tax_tax_class");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Code).HasMaxLength(100);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasMany(c => c.Rates).WithOne().HasForeignKey(r => r.TaxClassId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaxClassRateConfiguration : IEntityTypeConfiguration<TaxClassRate>
{
    public void Configure(EntityTypeBuilder<TaxClassRate> b)
    {
        b.ToTable("tax_tax_class_rate");
        b.HasKey(r => new { r.TaxClassId, r.RegionId });
        b.Property(r => r.TaxClassId).HasMaxLength(40);
        b.Property(r => r.RegionId).HasMaxLength(40);
    }
}
