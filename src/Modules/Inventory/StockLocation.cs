using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Inventory;

/// <summary>A place that holds stock: a warehouse, a store's back room, a 3PL.</summary>
internal sealed class StockLocation : IVersioned
{
    private StockLocation()
    {
    }

    public StockLocation(string name, TimeProvider time)
    {
        Id = EntityId.New("sloc", time);
        Name = name;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Name { get; set; } = "";
    public string? AddressLine1 { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? CountryCode { get; set; }
    public bool IsDefault { get; set; }
    /// <summary>The location's key in the merchant's ERP or WMS; unique among locations when set.</summary>
    public string? ExternalId { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public const int MaxExternalId = 200;

    /// <summary>External ids are compared trimmed; blank means none.</summary>
    public static string? NormalizeExternalId(string? externalId) => string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim();
}

internal sealed class StockLocationConfiguration : IEntityTypeConfiguration<StockLocation>
{
    public void Configure(EntityTypeBuilder<StockLocation> b)
    {
        b.ToTable("inventory_stock_location");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).HasMaxLength(40);
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.AddressLine1).HasMaxLength(200);
        b.Property(l => l.City).HasMaxLength(100);
        b.Property(l => l.PostalCode).HasMaxLength(20);
        b.Property(l => l.CountryCode).HasMaxLength(2);
        b.Property(l => l.ExternalId).HasMaxLength(StockLocation.MaxExternalId);
        b.HasIndex(l => l.ExternalId).IsUnique();
    }
}
