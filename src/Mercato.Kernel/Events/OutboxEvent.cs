using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Kernel.Events;

/// <summary>
/// A row of the <c>kernel_events</c> outbox. <see cref="Position"/> is the database's insertion order (what the publisher
/// walks); <see cref="Sequence"/> is per resource and assigned when the row is saved (see <see cref="EventStreams"/>).
/// </summary>
internal sealed class OutboxEvent
{
    private OutboxEvent()
    {
    }

    public OutboxEvent(string id, string type, string resourceId, DateTimeOffset occurredAt, string data)
    {
        Id = id;
        Type = type;
        var dot = type.IndexOf('.');
        ResourceType = dot > 0 ? type[..dot] : type;
        ResourceId = resourceId;
        OccurredAt = occurredAt;
        Data = data;
    }

    public long Position { get; private init; }
    public string Id { get; private init; } = "";
    public string Type { get; private init; } = "";
    public string ResourceType { get; private init; } = "";
    public string ResourceId { get; private init; } = "";
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; private init; }
    public string Data { get; private init; } = "";
    /// <summary>When the publisher handed the event to its subscribers (webhooks); null while it waits.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public DomainEvent ToDomainEvent()
    {
        using var document = JsonDocument.Parse(Data);
        return new DomainEvent(Id, Type, ResourceType, ResourceId, Sequence, OccurredAt, document.RootElement.Clone());
    }
}

/// <summary>The last sequence number given to each resource's events: one row per resource, locked while its change commits.</summary>
internal sealed class EventStream
{
    public string ResourceId { get; set; } = "";
    public long LastSequence { get; set; }
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.ToTable("kernel_events");
        b.HasKey(e => e.Position);
        b.Property(e => e.Position).ValueGeneratedOnAdd();
        b.Property(e => e.Id).HasMaxLength(40);
        b.HasIndex(e => e.Id).IsUnique();
        b.Property(e => e.Type).HasMaxLength(100);
        b.Property(e => e.ResourceType).HasMaxLength(50);
        b.Property(e => e.ResourceId).HasMaxLength(100);
        b.HasIndex(e => new { e.ResourceId, e.Sequence }).IsUnique();
        b.HasIndex(e => new { e.PublishedAt, e.Position });
        b.HasIndex(e => new { e.Type, e.Position });
    }
}

internal sealed class EventStreamConfiguration : IEntityTypeConfiguration<EventStream>
{
    public void Configure(EntityTypeBuilder<EventStream> b)
    {
        b.ToTable("kernel_event_streams");
        b.HasKey(s => s.ResourceId);
        b.Property(s => s.ResourceId).HasMaxLength(100);
    }
}
