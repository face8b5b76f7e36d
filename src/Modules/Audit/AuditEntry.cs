using Mercato.Kernel.Ids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Audit;

/// <summary>
/// One successful admin write: who, what, when, from where. Written once and never changed; request bodies are reduced
/// to the names of their top-level fields, because their values may hold secrets.
/// </summary>
internal sealed class AuditEntry
{
    public const int MaxUserAgent = 256;
    public const int MaxFields = 2000;

    private AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset now, TimeProvider time)
    {
        Id = EntityId.New("aud", time);
        OccurredAt = now;
    }

    public string Id { get; private init; } = "";
    public DateTimeOffset OccurredAt { get; private init; }
    /// <summary><c>user_...</c> or <c>key_...</c>; <see cref="ActorKind"/> says which.</summary>
    public string ActorId { get; init; } = "";
    public string ActorKind { get; init; } = "";
    /// <summary>The endpoint's name, such as <c>UpdateProduct</c>.</summary>
    public string Action { get; init; } = "";
    public string Method { get; init; } = "";
    /// <summary>The route pattern, such as <c>/admin/products/{id}</c>.</summary>
    public string Route { get; init; } = "";
    public string Path { get; init; } = "";
    public string ResourceType { get; init; } = "";
    public string? ResourceId { get; init; }
    /// <summary>Top-level field names of the JSON body, comma-separated (never their values).</summary>
    public string ChangedFields { get; init; } = "";
    public int Status { get; init; }
    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }
    public string RequestId { get; init; } = "";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entry");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasMaxLength(40);
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorKind).HasMaxLength(16);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.Method).HasMaxLength(10);
        b.Property(e => e.Route).HasMaxLength(300);
        b.Property(e => e.Path).HasMaxLength(2000);
        b.Property(e => e.ResourceType).HasMaxLength(100);
        b.Property(e => e.ResourceId).HasMaxLength(300);
        b.Property(e => e.ChangedFields).HasMaxLength(AuditEntry.MaxFields);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.UserAgent).HasMaxLength(AuditEntry.MaxUserAgent);
        b.Property(e => e.RequestId).HasMaxLength(200);
        // Every filter of the list ends with the id, the list's newest-first order.
        b.HasIndex(e => new { e.ActorId, e.Id });
        b.HasIndex(e => new { e.ResourceType, e.ResourceId, e.Id });
        b.HasIndex(e => new { e.Action, e.Id });
        b.HasIndex(e => e.OccurredAt);
    }
}
