using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Inventory.Levels;

/// <summary>
/// Stock of one SKU at one location. <see cref="Reserved"/> counts order reservations and cart holds (expired holds until
/// they are released); available = on hand - reserved. Quantities change only through conditional set-based updates.
/// </summary>
internal sealed class InventoryLevel : IVersioned
{
    private InventoryLevel()
    {
    }

    public InventoryLevel(string sku, string locationId, int onHand, DateTimeOffset now)
    {
        Sku = sku;
        LocationId = locationId;
        OnHand = onHand;
        UpdatedAt = now;
        Version = 1;
    }

    public string Sku { get; private init; } = "";
    public string LocationId { get; private init; } = "";
    public int OnHand { get; private set; }
    public int Reserved { get; private set; }
    public int Available => OnHand - Reserved;
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; private set; }
}

/// <summary>
/// Stock set aside at one location for a holder: a cart's hold (with an expiry) or an order's reservation (no expiry).
/// </summary>
internal sealed class Reservation
{
    public string Id { get; init; } = "";
    public string HolderId { get; init; } = "";
    public string Sku { get; init; } = "";
    public string LocationId { get; init; } = "";
    public int Quantity { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One change of on-hand stock, kept for the audit trail.</summary>
internal sealed class Adjustment
{
    public string Id { get; init; } = "";
    public string Sku { get; init; } = "";
    public string LocationId { get; init; } = "";
    public int Delta { get; init; }
    public string Reason { get; init; } = "";
    public string? CallerKeyId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class InventoryLevelConfiguration : IEntityTypeConfiguration<InventoryLevel>
{
    public void Configure(EntityTypeBuilder<InventoryLevel> b)
    {
        b.ToTable("inventory_level");
        b.HasKey(l => new { l.Sku, l.LocationId });
        b.Property(l => l.Sku).HasMaxLength(Skus.MaxLength);
        b.Property(l => l.LocationId).HasMaxLength(40);
        b.Ignore(l => l.Available);
        b.HasIndex(l => l.LocationId);
        b.HasIndex(l => l.UpdatedAt);
    }
}

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> b)
    {
        b.ToTable("inventory_reservation");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(40);
        b.Property(r => r.HolderId).HasMaxLength(Reservations.MaxHolderId);
        b.Property(r => r.Sku).HasMaxLength(Skus.MaxLength);
        b.Property(r => r.LocationId).HasMaxLength(40);
        b.HasIndex(r => r.HolderId);
        b.HasIndex(r => new { r.Sku, r.ExpiresAt });
        b.HasIndex(r => r.ExpiresAt);
        b.HasIndex(r => r.LocationId);
    }
}

internal sealed class AdjustmentConfiguration : IEntityTypeConfiguration<Adjustment>
{
    public void Configure(EntityTypeBuilder<Adjustment> b)
    {
        b.ToTable("inventory_adjustment");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(40);
        b.Property(a => a.Sku).HasMaxLength(Skus.MaxLength);
        b.Property(a => a.LocationId).HasMaxLength(40);
        b.Property(a => a.Reason).HasMaxLength(Adjustments.MaxReason);
        b.Property(a => a.CallerKeyId).HasMaxLength(40);
        b.HasIndex(a => new { a.Sku, a.Id });
    }
}
