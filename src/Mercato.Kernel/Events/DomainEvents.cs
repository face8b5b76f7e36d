using System.Text.Json;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Kernel.Events;

/// <summary>
/// An integration event as integrators see it (webhook bodies, the events feed). <see cref="Sequence"/> counts the
/// events of one resource (1, 2, 3...) in the order their changes were committed; <see cref="Data"/> is the resource's
/// state as of the change, in the same shape as the Admin API returns it.
/// </summary>
public sealed record DomainEvent(
    string Id,
    string Type,
    string ResourceType,
    string ResourceId,
    long Sequence,
    DateTimeOffset OccurredAt,
    JsonElement Data);

/// <summary>
/// Records integration events in the transactional outbox. <see cref="Raise"/> only adds the event to the scope's
/// <see cref="MercatoDb"/>: it is written by the caller's next SaveChanges, in the same transaction as the change it
/// describes, so a rolled-back change leaves no event and a committed one always has its event.
/// </summary>
public interface IDomainEvents
{
    /// <param name="type">Dotted, past tense: <c>product.updated</c>, <c>order.placed</c>. The part before the first dot is the resource type.</param>
    /// <param name="resourceId">The id of the resource the event is about; its events are numbered and delivered in order.</param>
    /// <param name="state">The resource as of the change, serialized now with the API's JSON settings.</param>
    void Raise(string type, string resourceId, object state);

    /// <summary>
    /// <see cref="Raise(string, string, object)"/> with the state read once the pending changes have the versions their save
    /// will store: build the response in <paramref name="state"/> after changing the entities.
    /// </summary>
    void Raise(string type, string resourceId, Func<object> state);

    /// <summary>
    /// Writes the event at once in the open transaction, without saving anything else of the change tracker: for set-based
    /// writes (ExecuteUpdate, raw SQL) whose transaction commits without a SaveChanges.
    /// </summary>
    Task WriteAsync(string type, string resourceId, object state, CancellationToken ct);

    /// <summary>
    /// Takes back the events raised for <paramref name="resourceId"/> whose save failed (the change was rolled back), so a
    /// later save of the same context does not write them.
    /// </summary>
    void Withdraw(string resourceId);
}

internal sealed class DomainEvents(MercatoDb db, TimeProvider time, IOptions<JsonOptions> json) : IDomainEvents
{
    public void Raise(string type, string resourceId, object state) => db.Add(Create(type, resourceId, state));

    public void Raise(string type, string resourceId, Func<object> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        db.BumpVersions();
        Raise(type, resourceId, state());
    }

    public async Task WriteAsync(string type, string resourceId, object state, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("WriteAsync writes in the caller's transaction; begin one first.");
        var e = Create(type, resourceId, state);
        await EventStreams.NumberAsync(db, [e], ct);
        db.Uncommitted.Add(new CommittedChange(e.Type, e.ResourceId));
        var at = db.SqlTime(e.OccurredAt);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO kernel_events (id, type, resource_type, resource_id, sequence, occurred_at, data)
            VALUES ({e.Id}, {e.Type}, {e.ResourceType}, {e.ResourceId}, {e.Sequence}, {at}, {e.Data})
            """, ct);
    }

    public void Withdraw(string resourceId)
    {
        var pending = db.ChangeTracker.Entries<OutboxEvent>().Where(e => e.State == EntityState.Added && e.Entity.ResourceId == resourceId);
        foreach (var entry in pending.ToList())
            entry.State = EntityState.Detached;
        db.Uncommitted.RemoveAll(c => c.ResourceId == resourceId);
    }

    private OutboxEvent Create(string type, string resourceId, object state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceId);
        var data = JsonSerializer.Serialize(state, state.GetType(), json.Value.SerializerOptions);
        return new OutboxEvent(EntityId.New("evt", time), type, resourceId, time.GetUtcNow(), data);
    }
}
