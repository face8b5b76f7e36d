using System.Text.Json;
using Mercato.Kernel.Addresses;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("orders_order");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasMaxLength(40);
        b.HasIndex(o => o.Number).IsUnique();
        b.Property(o => o.ExternalId).HasMaxLength(Order.ExternalIdLength);
        b.HasIndex(o => o.ExternalId).IsUnique();
        b.HasIndex(o => new { o.UpdatedAt, o.Id });
        b.Property(o => o.CartId).HasMaxLength(64);
        b.HasIndex(o => o.CartId).IsUnique();
        b.Property(o => o.SalesChannelId).HasMaxLength(40);
        b.Property(o => o.RegionId).HasMaxLength(40);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.Email).HasMaxLength(320);
        b.HasIndex(o => new { o.Email, o.Id });
        b.Property(o => o.CustomerId).HasMaxLength(40);
        b.HasIndex(o => new { o.CustomerId, o.Id });
        b.Property(o => o.ShippingAddress).HasConversion(Json.Converter<Address>()!).HasMaxLength(4000);
        b.Property(o => o.BillingAddress).HasConversion(Json.Converter<Address>()).HasMaxLength(4000);
        b.Property(o => o.ShippingOptionId).HasMaxLength(40);
        b.Property(o => o.ShippingName).HasMaxLength(200);
        b.Property(o => o.PaymentId).HasMaxLength(64);
        b.Property(o => o.PaymentProvider).HasMaxLength(40);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(o => o.PaymentStatus).HasConversion<string>().HasMaxLength(24);
        b.Property(o => o.FulfillmentStatus).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(o => new { o.Status, o.Id });
        b.HasIndex(o => new { o.PaymentStatus, o.Id });
        b.HasIndex(o => new { o.FulfillmentStatus, o.Id });
        b.HasIndex(o => new { o.SalesChannelId, o.Id });
        b.HasIndex(o => o.CreatedAt);
        b.HasIndex(o => o.Total);
        b.Property(o => o.TokenHash).HasMaxLength(64);
        b.Ignore(o => o.Refundable);
        b.Ignore(o => o.IsOpen);
        b.Property(o => o.PromotionsJson).HasMaxLength(8000);
        b.Ignore(o => o.Promotions);
        b.Ignore(o => o.PromotionViews);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Fulfillments).WithOne().HasForeignKey(f => f.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Returns).WithOne().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Refunds).WithOne().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Timeline).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.ToTable("orders_order_line");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).HasMaxLength(40);
        b.Property(l => l.OrderId).HasMaxLength(40);
        b.Property(l => l.VariantId).HasMaxLength(40);
        b.Property(l => l.ProductId).HasMaxLength(40);
        b.Property(l => l.Sku).HasMaxLength(64);
        b.Property(l => l.ProductTitle).HasMaxLength(300);
        b.Property(l => l.VariantTitle).HasMaxLength(300);
        b.Property(l => l.Options).HasConversion(Json.Converter<Dictionary<string, string>>()!, Json.Comparer<Dictionary<string, string>>())
            .HasMaxLength(4000);
        b.Property(l => l.ThumbnailUrl).HasMaxLength(2048);
        b.Property(l => l.GiftCardsJson).HasMaxLength(100_000);
        b.Ignore(l => l.GiftCards);
    }
}

internal sealed class FulfillmentConfiguration : IEntityTypeConfiguration<Fulfillment>
{
    public void Configure(EntityTypeBuilder<Fulfillment> b)
    {
        b.ToTable("orders_fulfillment");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).HasMaxLength(40);
        b.Property(f => f.OrderId).HasMaxLength(40);
        b.Property(f => f.LocationId).HasMaxLength(40);
        b.Property(f => f.Carrier).HasMaxLength(100);
        b.Property(f => f.TrackingNumber).HasMaxLength(200);
        b.HasMany(f => f.Lines).WithOne().HasForeignKey(l => l.FulfillmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FulfillmentLineConfiguration : IEntityTypeConfiguration<FulfillmentLine>
{
    public void Configure(EntityTypeBuilder<FulfillmentLine> b)
    {
        b.ToTable("orders_fulfillment_line");
        b.HasKey(l => new { l.FulfillmentId, l.LineId });
        b.Property(l => l.FulfillmentId).HasMaxLength(40);
        b.Property(l => l.LineId).HasMaxLength(40);
    }
}

internal sealed class OrderReturnConfiguration : IEntityTypeConfiguration<OrderReturn>
{
    public void Configure(EntityTypeBuilder<OrderReturn> b)
    {
        b.ToTable("orders_return");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(40);
        b.Property(r => r.OrderId).HasMaxLength(40);
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReturnId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReturnLineConfiguration : IEntityTypeConfiguration<ReturnLine>
{
    public void Configure(EntityTypeBuilder<ReturnLine> b)
    {
        b.ToTable("orders_return_line");
        b.HasKey(l => new { l.ReturnId, l.LineId });
        b.Property(l => l.ReturnId).HasMaxLength(40);
        b.Property(l => l.LineId).HasMaxLength(40);
    }
}

internal sealed class OrderRefundConfiguration : IEntityTypeConfiguration<OrderRefund>
{
    public void Configure(EntityTypeBuilder<OrderRefund> b)
    {
        b.ToTable("orders_refund");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(40);
        b.Property(r => r.OrderId).HasMaxLength(40);
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.Items).HasMaxLength(20_000);
        b.Property(r => r.ReturnId).HasMaxLength(40);
        b.Property(r => r.Actor).HasMaxLength(100);
        b.Ignore(r => r.ItemList);
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> b)
    {
        b.ToTable("orders_timeline_entry");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(40);
        b.Property(t => t.OrderId).HasMaxLength(40);
        b.Property(t => t.Actor).HasMaxLength(100);
        b.Property(t => t.Kind).HasMaxLength(40);
        b.Property(t => t.Message).HasMaxLength(1000);
        b.Property(t => t.Data).HasMaxLength(20_000);
    }
}

internal sealed class OrderCounterConfiguration : IEntityTypeConfiguration<OrderCounter>
{
    public void Configure(EntityTypeBuilder<OrderCounter> b)
    {
        b.ToTable("orders_counter");
        b.HasKey(c => c.Name);
        b.Property(c => c.Name).HasMaxLength(40);
        // The row exists from the first migration on, so placing never has to create it (and never races to).
        b.HasData(new OrderCounter { Name = OrderCounter.OrderNumbers, Value = OrderCounter.Start });
    }
}

/// <summary>Small value objects stored as JSON text: the same on SQLite and PostgreSQL.</summary>
internal static class Json
{
    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T?, string?> Converter<T>()
        where T : class => new(v => v == null ? null : JsonSerializer.Serialize(v, TimelineEntry.Json),
            s => s == null ? null : JsonSerializer.Deserialize<T>(s, TimelineEntry.Json));

    public static ValueComparer<T> Comparer<T>()
        where T : class => new(
            (a, b) => JsonSerializer.Serialize(a, TimelineEntry.Json) == JsonSerializer.Serialize(b, TimelineEntry.Json),
            v => JsonSerializer.Serialize(v, TimelineEntry.Json).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, TimelineEntry.Json), TimelineEntry.Json)!);
}
