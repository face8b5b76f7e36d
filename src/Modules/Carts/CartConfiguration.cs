using System.Text.Json;
using Mercato.Kernel.Addresses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Carts;

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> b)
    {
        b.ToTable("carts_cart");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.SalesChannelId).HasMaxLength(40);
        b.Property(c => c.RegionId).HasMaxLength(40);
        b.Property(c => c.CurrencyCode).HasMaxLength(3);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.CustomerId).HasMaxLength(40);
        b.Property(c => c.OrderId).HasMaxLength(40);
        b.Property(c => c.ShippingOptionId).HasMaxLength(40);
        b.Property(c => c.ShippingName).HasMaxLength(200);
        b.Property(c => c.ShippingTaxClassId).HasMaxLength(40);
        b.Property(c => c.PromotionCodes).HasMaxLength(500);
        b.Property(c => c.AppliedPromotionsJson).HasMaxLength(8000);
        b.Ignore(c => c.Codes);
        b.Ignore(c => c.AppliedPromotions);
        b.Ignore(c => c.GiftCards);
        // An address is a value of the cart, kept whole as JSON text on both databases.
        b.Property(c => c.ShippingAddress).HasConversion(a => ToJson(a), s => FromJson(s)).HasMaxLength(4000);
        b.Property(c => c.BillingAddress).HasConversion(a => ToJson(a), s => FromJson(s)).HasMaxLength(4000);
        b.HasIndex(c => c.ExpiresAt);
        // The abandonment job looks for idle carts not yet marked.
        b.HasIndex(c => new { c.AbandonedAt, c.UpdatedAt });
        // A customer's open carts: the cap on open carts and the merge on sign-in look them up.
        b.HasIndex(c => new { c.CustomerId, c.SalesChannelId });
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
    }

    // Internal, not private: the compiled models (src/Migrations/*/CompiledModel) call them.
    internal static string ToJson(Address? address) => JsonSerializer.Serialize(address);

    internal static Address? FromJson(string json) => JsonSerializer.Deserialize<Address>(json);
}

internal sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> b)
    {
        b.ToTable("carts_cart_line");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).HasMaxLength(40);
        b.Property(l => l.CartId).HasMaxLength(40);
        b.Property(l => l.VariantId).HasMaxLength(40);
        b.Property(l => l.ProductId).HasMaxLength(40);
        b.Property(l => l.Sku).HasMaxLength(64);
        b.Property(l => l.ProductTitle).HasMaxLength(500);
        b.Property(l => l.VariantTitle).HasMaxLength(500);
        b.Property(l => l.Thumbnail).HasMaxLength(2048);
        b.Property(l => l.OptionsJson).HasMaxLength(8000);
        b.Property(l => l.TaxClassId).HasMaxLength(40);
        b.Ignore(l => l.Options);
        b.HasIndex(l => new { l.CartId, l.VariantId }).IsUnique();
    }
}
