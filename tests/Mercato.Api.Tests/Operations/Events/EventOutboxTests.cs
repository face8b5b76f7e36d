using Mercato.Api.Tests.Infrastructure;
using Mercato.Kernel.Events;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations.Events;

/// <summary>The outbox itself: events are written with their change or not at all, and numbered per resource in commit order.</summary>
public abstract class EventOutboxTests(MercatoApp app)
{
    private sealed record Thing(string Id, int Value);

    private static string NewResource() => "thing_" + Guid.NewGuid().ToString("N");

    private async Task<List<OutboxEvent>> EventsOfAsync(string resourceId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<MercatoDb>().Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.ResourceId == resourceId).OrderBy(e => e.Position).ToListAsync();
    }

    private async Task RaiseAsync(string resourceId, int value)
    {
        await using var scope = app.Scope();
        scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise("thing.changed", resourceId, new Thing(resourceId, value));
        await scope.ServiceProvider.GetRequiredService<MercatoDb>().SaveChangesAsync();
    }

    [Fact]
    public async Task Events_of_one_resource_are_numbered_from_one_and_carry_the_state_as_of_the_change()
    {
        var resource = NewResource();

        await RaiseAsync(resource, 1);
        await RaiseAsync(resource, 2);
        await RaiseAsync(NewResource(), 99);

        var events = await EventsOfAsync(resource);
        Assert.Equal([1L, 2L], events.Select(e => e.Sequence));
        Assert.All(events, e => Assert.Equal("thing", e.ResourceType));
        var second = events[1].ToDomainEvent();
        Assert.Equal(2, second.Data.GetProperty("value").GetInt32());
        Assert.Equal(resource, second.Data.GetProperty("id").GetString());
        Assert.StartsWith("evt_", second.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_rolled_back_leaves_no_event_and_gives_its_number_back()
    {
        var resource = NewResource();
        await RaiseAsync(resource, 1);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue("test.nothing", resource);
            scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise("thing.changed", resource, new Thing(resource, 2));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await RaiseAsync(resource, 3);
        var events = await EventsOfAsync(resource);
        Assert.Equal([1, 3], events.Select(e => e.ToDomainEvent().Data.GetProperty("value").GetInt32()));
        Assert.Equal([1L, 2L], events.Select(e => e.Sequence));
        await using var check = app.Scope();
        Assert.False(await check.ServiceProvider.GetRequiredService<MercatoDb>().Set<Job>().AnyAsync(j => j.Payload == resource));
    }

    [Fact]
    public async Task A_change_that_fails_to_save_writes_no_event()
    {
        var resource = NewResource();
        var key = "unique-" + resource;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            var id = scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue("test.nothing", "first");
            db.ChangeTracker.Entries<Job>().Single(e => e.Entity.Id == id).Entity.Key = key;
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            var id = scope.ServiceProvider.GetRequiredService<IJobQueue>().Enqueue("test.nothing", "second");
            db.ChangeTracker.Entries<Job>().Single(e => e.Entity.Id == id).Entity.Key = key;
            scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise("thing.changed", resource, new Thing(resource, 1));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await EventsOfAsync(resource));
        await RaiseAsync(resource, 2);
        Assert.Equal([1L], (await EventsOfAsync(resource)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Concurrent_changes_of_one_resource_get_distinct_numbers_in_commit_order()
    {
        var resource = NewResource();

        await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(() => RaiseAsync(resource, i))));

        var events = await EventsOfAsync(resource);
        // Positions are the outbox's insertion order; the numbers follow it without gaps or repeats.
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(12, events.Select(e => e.ToDomainEvent().Data.GetProperty("value").GetInt32()).Distinct().Count());
    }

    [Fact]
    public async Task The_outbox_hands_out_unpublished_events_oldest_first_and_forgets_them_once_published()
    {
        var resource = NewResource();
        await RaiseAsync(resource, 1);
        await RaiseAsync(resource, 2);

        await using var scope = app.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
        var mine = (await outbox.UnpublishedAsync(10_000, CancellationToken.None)).Where(e => e.Event.ResourceId == resource).ToList();
        Assert.Equal([1L, 2L], mine.Select(e => e.Event.Sequence));
        Assert.True(mine[0].Position < mine[1].Position);

        await outbox.MarkPublishedAsync([mine[0].Position], app.Clock.GetUtcNow(), CancellationToken.None);
        var left = (await outbox.UnpublishedAsync(10_000, CancellationToken.None)).Where(e => e.Event.ResourceId == resource);
        Assert.Equal([2L], left.Select(e => e.Event.Sequence));
        var feed = await outbox.ReadAsync(0, 10_000, "thing.changed", resource, CancellationToken.None);
        Assert.Equal(2, feed.Count);
    }
}

public sealed class EventOutboxOnSqlite(SqliteApp app) : EventOutboxTests(app), IClassFixture<SqliteApp>;

public sealed class EventOutboxOnPostgres(PostgresApp app) : EventOutboxTests(app), IClassFixture<PostgresApp>;
