using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Shipping.Options;

internal enum ShippingPricing
{
    Flat,
    WeightBands,
}

/// <summary>
/// A way to ship in one region, priced flat or by weight bands, optionally free once the cart's item subtotal after
/// discounts reaches <see cref="FreeAboveSubtotal"/>. Amounts are minor units of the region's currency, in its price basis.
/// </summary>
internal sealed class ShippingOption : IVersioned
{
    private ShippingOption()
    {
    }

    public ShippingOption(string regionId, string name, TimeProvider time)
    {
        Id = EntityId.New("so", time);
        RegionId = regionId;
        Name = name;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string RegionId { get; set; } = "";
    public string Name { get; set; } = "";
    public ShippingPricing Pricing { get; set; }
    /// <summary>The price of a flat option.</summary>
    public long? Amount { get; set; }
    public long? FreeAboveSubtotal { get; set; }
    public string? TaxClassId { get; set; }
    public bool Enabled { get; set; } = true;
    public int Position { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<ShippingBand> Bands { get; } = [];

    /// <summary>
    /// The price for a cart, or null when the option does not apply: a weight beyond the last closed band. Free (0) once the
    /// item subtotal reaches the threshold.
    /// </summary>
    public long? PriceFor(long subtotal, int weightGrams)
    {
        long? price = Pricing switch
        {
            ShippingPricing.Flat => Amount ?? 0,
            _ => Bands.OrderBy(b => b.Position).FirstOrDefault(b => b.UpToGrams is null || weightGrams <= b.UpToGrams)?.Amount,
        };
        if (price is null) return null;
        return FreeAboveSubtotal is { } threshold && subtotal >= threshold ? 0 : price;
    }

    public void SetBands(IEnumerable<(int? UpToGrams, long Amount)> bands)
    {
        // Rows are keyed by position, so existing ones are updated in place rather than deleted and re-added.
        var wanted = bands.ToList();
        Bands.RemoveAll(b => b.Position >= wanted.Count);
        for (var i = 0; i < wanted.Count; i++)
        {
            var row = Bands.Find(b => b.Position == i);
            if (row is null) Bands.Add(row = new ShippingBand { OptionId = Id, Position = i });
            (row.UpToGrams, row.Amount) = wanted[i];
        }
    }
}

/// <summary>Carts weighing at most <see cref="UpToGrams"/> (no limit when null, last band only) pay <see cref="Amount"/>.</summary>
internal sealed class ShippingBand
{
    public string OptionId { get; init; } = "";
    public int Position { get; init; }
    public int? UpToGrams { get; set; }
    public long Amount { get; set; }
}

internal sealed class ShippingOptionConfiguration : IEntityTypeConfiguration<ShippingOption>
{
    public void Configure(EntityTypeBuilder<ShippingOption> b)
    {
        b.ToTable("shipping_option");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasMaxLength(40);
        b.Property(o => o.RegionId).HasMaxLength(40);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.TaxClassId).HasMaxLength(40);
        b.Property(o => o.Pricing).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(o => new { o.RegionId, o.Id });
        b.HasMany(o => o.Bands).WithOne().HasForeignKey(x => x.OptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShippingBandConfiguration : IEntityTypeConfiguration<ShippingBand>
{
    public void Configure(EntityTypeBuilder<ShippingBand> b)
    {
        b.ToTable("shipping_option_band");
        b.HasKey(x => new { x.OptionId, x.Position });
        b.Property(x => x.OptionId).HasMaxLength(40);
    }
}
