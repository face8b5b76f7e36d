using System.Text.Json;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Mercato.Promotions.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Promotions;

/// <summary>
/// A promotion: one action, its conditions, schedule, stacking (priority, exclusive) and usage limits. Automatic unless
/// <see cref="RequiresCode"/>; <see cref="UsedCount"/> counts placed orders that used it (docs/decisions/0007).
/// </summary>
internal sealed class Promotion : IVersioned
{
    public const int NameLength = 200;
    public const int DescriptionLength = 2000;

    private Promotion()
    {
    }

    public Promotion(TimeProvider time)
    {
        Id = EntityId.New("promo", time);
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool Enabled { get; set; }
    public bool RequiresCode { get; set; }
    public int Priority { get; set; }
    public bool Exclusive { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public PromotionActionType ActionType { get; set; }
    public int PercentBasisPoints { get; set; }
    public long Amount { get; set; }
    public int BuyQuantity { get; set; }
    public int GetQuantity { get; set; }
    public int BundleQuantity { get; set; }
    public string ConditionsJson { get; set; } = "{}";
    public int? UsageLimit { get; set; }
    public int? PerCustomerLimit { get; set; }
    public int UsedCount { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public PromotionConditions Conditions
    {
        get => JsonSerializer.Deserialize<PromotionConditions>(ConditionsJson) ?? new PromotionConditions();
        set => ConditionsJson = JsonSerializer.Serialize(value);
    }

    public PromotionAction Action => new(ActionType, PercentBasisPoints, Amount, BuyQuantity, GetQuantity, BundleQuantity);

    public bool Exhausted => UsageLimit is { } limit && UsedCount >= limit;

    public PromotionRule ToRule(string? code) => new(Id, Name, Action, Conditions)
    {
        Priority = Priority, Exclusive = Exclusive, Enabled = Enabled, RequiresCode = RequiresCode, Code = code,
        StartsAt = StartsAt, EndsAt = EndsAt,
    };
}

/// <summary>A code that unlocks a promotion; stored upper-case, unique across promotions.</summary>
internal sealed class PromotionCode
{
    public const int MaxLength = 40;

    private PromotionCode()
    {
    }

    public PromotionCode(string promotionId, string code, int? usageLimit, string? batchId, TimeProvider time)
    {
        Id = EntityId.New("pcode", time);
        PromotionId = promotionId;
        Code = code;
        UsageLimit = usageLimit;
        BatchId = batchId;
        CreatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string PromotionId { get; private init; } = "";
    public string Code { get; private init; } = "";
    public int? UsageLimit { get; private init; }
    public int UsedCount { get; set; }
    public string? BatchId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }

    public bool Exhausted => UsageLimit is { } limit && UsedCount >= limit;

    /// <summary>Codes compare case-insensitively: stored and looked up upper-case, without surrounding spaces.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}

/// <summary>
/// One use of a promotion by a placed order (and the code used, if any), with the discount it gave and the order's total for
/// the usage report; <see cref="ReleasedAt"/> is set when the order's cancel gave the usage back.
/// </summary>
internal sealed class PromotionRedemption
{
    private PromotionRedemption()
    {
    }

    public PromotionRedemption(string promotionId, string? codeId, string orderId, string? customerId, string email, string currency,
        long discount, long orderTotal, TimeProvider time)
    {
        Id = EntityId.New("pred", time);
        PromotionId = promotionId;
        CodeId = codeId;
        OrderId = orderId;
        CustomerId = customerId;
        Email = email;
        Currency = currency;
        Discount = discount;
        OrderTotal = orderTotal;
        CreatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string PromotionId { get; private init; } = "";
    public string? CodeId { get; private init; }
    public string OrderId { get; private init; } = "";
    public string? CustomerId { get; private init; }

    /// <summary>Normalized (trimmed, lower-case): guests are counted by email for per-customer limits.</summary>
    public string Email { get; private init; } = "";
    public string Currency { get; private init; } = "";
    public long Discount { get; private init; }
    public long OrderTotal { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? ReleasedAt { get; set; }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}

internal sealed class PromotionConfiguration : IEntityTypeConfiguration<Promotion>
{
    public void Configure(EntityTypeBuilder<Promotion> b)
    {
        b.ToTable("promotions_promotion");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(Promotion.NameLength);
        b.Property(p => p.Description).HasMaxLength(Promotion.DescriptionLength);
        b.Property(p => p.ActionType).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.ConditionsJson).HasMaxLength(64_000);
        b.Ignore(p => p.Conditions);
        b.Ignore(p => p.Action);
        b.Ignore(p => p.Exhausted);
        // Carts load the automatic promotions on every change.
        b.HasIndex(p => new { p.Enabled, p.RequiresCode });
    }
}

internal sealed class PromotionCodeConfiguration : IEntityTypeConfiguration<PromotionCode>
{
    public void Configure(EntityTypeBuilder<PromotionCode> b)
    {
        b.ToTable("promotions_code");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.PromotionId).HasMaxLength(40);
        b.Property(c => c.Code).HasMaxLength(PromotionCode.MaxLength);
        b.Property(c => c.BatchId).HasMaxLength(40);
        b.Ignore(c => c.Exhausted);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => new { c.PromotionId, c.Code });
    }
}

internal sealed class PromotionRedemptionConfiguration : IEntityTypeConfiguration<PromotionRedemption>
{
    public void Configure(EntityTypeBuilder<PromotionRedemption> b)
    {
        b.ToTable("promotions_redemption");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(40);
        b.Property(r => r.PromotionId).HasMaxLength(40);
        b.Property(r => r.CodeId).HasMaxLength(40);
        b.Property(r => r.OrderId).HasMaxLength(40);
        b.Property(r => r.CustomerId).HasMaxLength(40);
        b.Property(r => r.Email).HasMaxLength(320);
        b.Property(r => r.Currency).HasMaxLength(3);
        b.HasIndex(r => new { r.PromotionId, r.CustomerId });
        b.HasIndex(r => new { r.PromotionId, r.Email });
        b.HasIndex(r => new { r.OrderId, r.PromotionId }).IsUnique();
    }
}
