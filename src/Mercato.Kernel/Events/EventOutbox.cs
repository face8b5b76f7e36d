using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Kernel.Events;

/// <summary>An event with its place in the outbox: <see cref="Position"/> only grows, so it pages a feed.</summary>
public sealed record OutboxEntry(long Position, DomainEvent Event);

/// <summary>Reads the outbox: the publisher (webhooks) takes what is unpublished; the events feed pages through it all.</summary>
public interface IEventOutbox
{
    /// <summary>The oldest events not yet published, in position order.</summary>
    Task<IReadOnlyList<OutboxEntry>> UnpublishedAsync(int max, CancellationToken ct);

    /// <summary>Marks events published, at once (run it inside the transaction that records what publishing made of them).</summary>
    Task MarkPublishedAsync(IReadOnlyCollection<long> positions, DateTimeOffset at, CancellationToken ct);

    /// <summary>Events after <paramref name="afterPosition"/>, oldest first, optionally of one type or about one resource.</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadAsync(long afterPosition, int max, string? type, string? resourceId, CancellationToken ct);
}

internal sealed class EventOutbox(MercatoDb db) : IEventOutbox
{
    public async Task<IReadOnlyList<OutboxEntry>> UnpublishedAsync(int max, CancellationToken ct)
    {
        var rows = await db.Set<OutboxEvent>().AsNoTracking().Where(e => e.PublishedAt == null)
            .OrderBy(e => e.Position).Take(max).ToListAsync(ct);
        return [.. rows.Select(e => new OutboxEntry(e.Position, e.ToDomainEvent()))];
    }

    public Task MarkPublishedAsync(IReadOnlyCollection<long> positions, DateTimeOffset at, CancellationToken ct) =>
        db.Set<OutboxEvent>().Where(e => positions.Contains(e.Position))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.PublishedAt, at), ct);

    public async Task<IReadOnlyList<OutboxEntry>> ReadAsync(long afterPosition, int max, string? type, string? resourceId,
        CancellationToken ct)
    {
        var query = db.Set<OutboxEvent>().AsNoTracking().Where(e => e.Position > afterPosition);
        if (type is not null) query = query.Where(e => e.Type == type);
        if (resourceId is not null) query = query.Where(e => e.ResourceId == resourceId);
        var rows = await query.OrderBy(e => e.Position).Take(max).ToListAsync(ct);
        return [.. rows.Select(e => new OutboxEntry(e.Position, e.ToDomainEvent()))];
    }
}
