using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Kernel.Events;

/// <summary>
/// Numbers the events about to be saved, per resource. The counter row is bumped with one upsert inside the saving
/// transaction: on PostgreSQL the row stays locked until commit, so two changes of one resource commit in the order of
/// their numbers, and a rolled-back change gives its number back. SQLite has one writer at a time, which gives the same.
/// </summary>
internal static class EventStreams
{
    public static bool HasPendingEvents(MercatoDb db) =>
        db.ScannedEntries<OutboxEvent>().Any(e => e.State == EntityState.Added);

    public static Task NumberPendingAsync(MercatoDb db, CancellationToken ct) => NumberAsync(db,
        [.. db.ScannedEntries<OutboxEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)], ct);

    public static async Task NumberAsync(MercatoDb db, IReadOnlyList<OutboxEvent> pending, CancellationToken ct)
    {
        // A fixed lock order across resources keeps two multi-resource changes from waiting on each other.
        foreach (var stream in pending.GroupBy(e => e.ResourceId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var events = stream.OrderBy(e => e.OccurredAt).ToList();
            long count = events.Count;
            var last = await db.Database.SqlQuery<long>(
                    $"""
                     INSERT INTO kernel_event_streams (resource_id, last_sequence) VALUES ({stream.Key}, {count})
                     ON CONFLICT (resource_id) DO UPDATE SET last_sequence = kernel_event_streams.last_sequence + {count}
                     RETURNING last_sequence AS "Value"
                     """)
                .ToListAsync(ct);
            var next = last.Single() - count;
            foreach (var e in events) e.Sequence = ++next;
        }
    }
}
