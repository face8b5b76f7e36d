using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Catalog.PriceLists;

/// <summary>
/// Prices that replace a variant's base price when they are lower and the list applies (ADR 8): a sale with a schedule, or
/// prices for customer groups, regions or sales channels, with quantity tiers.
/// </summary>
internal sealed class PriceList : IVersioned
{
    public const string Sale = "sale", Override = "override", Draft = "draft", Active = "active";

    private PriceList()
    {
    }

    public PriceList(string name, TimeProvider time)
    {
        Id = EntityId.New("plist", time);
        Name = name;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = Sale;
    public string Status { get; set; } = Draft;
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    /// <summary>Conditions as space-separated ids; empty means every one.</summary>
    public string CustomerGroupIds { get; set; } = "";
    public string RegionIds { get; set; } = "";
    public string SalesChannelIds { get; set; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public static string Join(IEnumerable<string>? ids) => ids is null ? "" : string.Join(' ', ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static IReadOnlyList<string> Split(string ids) => ids.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public PriceListRule ToRule() => new(Id, Status == Active, StartsAt, EndsAt, Split(CustomerGroupIds), Split(RegionIds), Split(SalesChannelIds));
}

/// <summary>A list's price for <see cref="MinQuantity"/> or more units of a variant in a currency.</summary>
internal sealed class PriceListPrice
{
    public string Id { get; init; } = "";
    public string PriceListId { get; init; } = "";
    public string VariantId { get; init; } = "";
    public string CurrencyCode { get; init; } = "";
    public int MinQuantity { get; init; } = 1;
    public long Amount { get; set; }
}

internal sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> b)
    {
        b.ToTable("catalog_price_lists");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).HasMaxLength(40);
        b.Property(l => l.Name).HasMaxLength(CatalogLimits.Title);
        b.Property(l => l.Type).HasMaxLength(16);
        b.Property(l => l.Status).HasMaxLength(16);
        b.Property(l => l.CustomerGroupIds).HasMaxLength(PriceListLimits.ConditionText);
        b.Property(l => l.RegionIds).HasMaxLength(PriceListLimits.ConditionText);
        b.Property(l => l.SalesChannelIds).HasMaxLength(PriceListLimits.ConditionText);
    }
}

internal sealed class PriceListPriceConfiguration : IEntityTypeConfiguration<PriceListPrice>
{
    public void Configure(EntityTypeBuilder<PriceListPrice> b)
    {
        b.ToTable("catalog_price_list_prices");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(40);
        b.Property(p => p.PriceListId).HasMaxLength(40);
        b.Property(p => p.VariantId).HasMaxLength(40);
        b.Property(p => p.CurrencyCode).HasMaxLength(3);
        b.HasIndex(p => new { p.PriceListId, p.VariantId, p.CurrencyCode, p.MinQuantity }).IsUnique();
        // Pricing reads a variant's list prices in one currency.
        b.HasIndex(p => new { p.VariantId, p.CurrencyCode });
        b.HasOne<PriceList>().WithMany().HasForeignKey(p => p.PriceListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class PriceListLimits
{
    public const int Ids = 50, ConditionText = 50 * 41, PricesPerRequest = 1000;
}
