using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.GiftCards;

internal enum GiftCardStatus
{
    Active,
    Disabled,
}

internal enum GiftCardTransactionKind
{
    Issued,
    Redeemed,
    Refunded,
    Adjusted,
    Expired,
    /// <summary>A card sold as a product was disabled because its order line was refunded (ADR 9): the balance goes to 0.</summary>
    Revoked,
}

/// <summary>
/// A stored balance the merchant owes the holder, in one currency. <see cref="Balance"/> is the sum of its ledger
/// (<see cref="GiftCardTransaction"/>) and never goes below zero; <see cref="ExpiresAt"/> is exclusive.
/// </summary>
internal sealed class GiftCard : IVersioned
{
    public const int NoteLength = 500;

    private GiftCard()
    {
    }

    public GiftCard(string normalizedCode, string currency, long amount, DateTimeOffset? expiresAt, string? customerId, string? note,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        Id = EntityId.New("gc", time);
        CodeHash = GiftCardCode.HashHex(normalizedCode);
        Last4 = normalizedCode[^4..];
        Currency = currency;
        InitialAmount = Balance = amount;
        ExpiresAt = expiresAt;
        CustomerId = customerId;
        Note = note;
        CreatedAt = UpdatedAt = now;
    }

    public string Id { get; private init; } = "";
    /// <summary>SHA-256 (hex) of the normalized code: the code itself is shown once and never stored.</summary>
    public string CodeHash { get; private init; } = "";
    public string Last4 { get; private init; } = "";
    public string Currency { get; private init; } = "";
    public long InitialAmount { get; private init; }
    public long Balance { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public GiftCardStatus Status { get; set; }
    public string? CustomerId { get; set; }
    public string? Note { get; set; }
    /// <summary>
    /// For a card sold as a product: <c>{orderLineId}/{unit}</c>, unique, so a unit of an order line never issues two cards
    /// (a retried or repeated fulfilment). Null for cards issued in the back office.
    /// </summary>
    public string? SourceKey { get; init; }
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool CanPay(DateTimeOffset now) => Status == GiftCardStatus.Active && (ExpiresAt is null || now < ExpiresAt) && Balance > 0;
}

/// <summary>One movement of a card's balance; <see cref="Amount"/> is signed (a redemption is negative).</summary>
internal sealed class GiftCardTransaction
{
    private GiftCardTransaction()
    {
    }

    public GiftCardTransaction(string giftCardId, GiftCardTransactionKind kind, long amount, long balanceAfter, string? orderId,
        string? cartId, string? reason, string? actor, TimeProvider time)
    {
        Id = EntityId.New("gctx", time);
        GiftCardId = giftCardId;
        Kind = kind;
        Amount = amount;
        BalanceAfter = balanceAfter;
        OrderId = orderId;
        CartId = cartId;
        Reason = reason;
        Actor = actor;
        CreatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string GiftCardId { get; private init; } = "";
    public GiftCardTransactionKind Kind { get; private init; }
    public long Amount { get; private init; }
    public long BalanceAfter { get; private init; }
    public string? OrderId { get; private init; }
    public string? CartId { get; private init; }
    public string? Reason { get; private init; }
    public string? Actor { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
}

/// <summary>A card applied to a cart; <see cref="Position"/> keeps the order they were added in.</summary>
internal sealed class CartGiftCard
{
    private CartGiftCard()
    {
    }

    public CartGiftCard(string cartId, string giftCardId, int position, DateTimeOffset now)
    {
        CartId = cartId;
        GiftCardId = giftCardId;
        Position = position;
        AddedAt = now;
    }

    public string CartId { get; private init; } = "";
    public string GiftCardId { get; private init; } = "";
    public int Position { get; private init; }
    public DateTimeOffset AddedAt { get; private init; }
}

internal sealed class GiftCardConfiguration : IEntityTypeConfiguration<GiftCard>
{
    public void Configure(EntityTypeBuilder<GiftCard> b)
    {
        b.ToTable("gift_cards_card");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.HasIndex(c => c.CodeHash).IsUnique();
        b.Property(c => c.Last4).HasMaxLength(4);
        b.HasIndex(c => c.Last4);
        b.Property(c => c.Currency).HasMaxLength(3);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(c => new { c.Status, c.Id });
        b.Property(c => c.CustomerId).HasMaxLength(40);
        b.HasIndex(c => new { c.CustomerId, c.Id });
        b.Property(c => c.Note).HasMaxLength(GiftCard.NoteLength);
        b.HasIndex(c => c.ExpiresAt);
        b.Property(c => c.SourceKey).HasMaxLength(80);
        b.HasIndex(c => c.SourceKey).IsUnique();
    }
}

internal sealed class GiftCardTransactionConfiguration : IEntityTypeConfiguration<GiftCardTransaction>
{
    public void Configure(EntityTypeBuilder<GiftCardTransaction> b)
    {
        b.ToTable("gift_cards_transaction");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(40);
        b.Property(t => t.GiftCardId).HasMaxLength(40);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.OrderId).HasMaxLength(40);
        b.Property(t => t.CartId).HasMaxLength(64);
        b.Property(t => t.Reason).HasMaxLength(500);
        b.Property(t => t.Actor).HasMaxLength(80);
        b.HasIndex(t => new { t.GiftCardId, t.Id });
        b.HasIndex(t => t.OrderId);
        b.HasOne<GiftCard>().WithMany().HasForeignKey(t => t.GiftCardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CartGiftCardConfiguration : IEntityTypeConfiguration<CartGiftCard>
{
    public void Configure(EntityTypeBuilder<CartGiftCard> b)
    {
        b.ToTable("gift_cards_cart_card");
        b.HasKey(c => new { c.CartId, c.GiftCardId });
        b.Property(c => c.CartId).HasMaxLength(64);
        b.Property(c => c.GiftCardId).HasMaxLength(40);
        b.HasOne<GiftCard>().WithMany().HasForeignKey(c => c.GiftCardId).OnDelete(DeleteBehavior.Cascade);
    }
}
