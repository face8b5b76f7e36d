using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Checkout;

internal enum CheckoutState
{
    /// <summary>Stock held and a payment session started; the shopper is paying.</summary>
    Paying,
    /// <summary>A completion holds the lease: it is authorizing or placing the order.</summary>
    Completing,
    Placed,
}

/// <summary>
/// One cart's way through checkout. Its lease serializes completion per cart (storefront retries, the provider's webhook and
/// the recovery job all converge here), and it remembers the channel so a webhook can finish a checkout without the shopper.
/// </summary>
internal sealed class CheckoutSession : IVersioned
{
    private CheckoutSession()
    {
    }

    public CheckoutSession(string cartId, string salesChannelId, DateTimeOffset now)
    {
        CartId = cartId;
        SalesChannelId = salesChannelId;
        CreatedAt = UpdatedAt = now;
    }

    public string CartId { get; private init; } = "";
    public string SalesChannelId { get; private init; } = "";
    public string? PaymentId { get; set; }
    public CheckoutState State { get; set; }
    /// <summary>Until when the current completion owns the session; a crashed completion's lease simply runs out.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? OrderId { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class CheckoutSessionConfiguration : IEntityTypeConfiguration<CheckoutSession>
{
    public void Configure(EntityTypeBuilder<CheckoutSession> b)
    {
        b.ToTable("checkout_session");
        b.HasKey(s => s.CartId);
        b.Property(s => s.CartId).HasMaxLength(64);
        b.Property(s => s.SalesChannelId).HasMaxLength(40);
        b.Property(s => s.PaymentId).HasMaxLength(40);
        b.Property(s => s.OrderId).HasMaxLength(40);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.State, s.LeaseUntil });
    }
}
