using Mercato.Api.Tests.Store.Checkout;
using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Events;

/// <summary>Events commit and roll back with their change, and their numbers follow the order of commits.</summary>
public abstract class EventTransactionTests(MercatoApp app)
{
    [Fact]
    public async Task A_change_rolled_back_leaves_neither_change_nor_event_and_gives_its_number_back()
    {
        var product = await app.Given.ProductAsync();
        var id = product.Str("id");
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            var events = scope.ServiceProvider.GetRequiredService<IDomainEvents>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE catalog_product SET title = 'Rolled back' WHERE id = {id}");
            events.Raise("product.updated", id, new { id, title = "Rolled back" });
            await db.SaveChangesAsync();
            await events.WriteAsync("product.updated", id, new { id, title = "Rolled back too" }, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Equal(product.Str("title"), (await app.Admin.GetJsonAsync($"/admin/products/{id}")).Str("title"));
        Assert.Equal(["product.created"], EventsTestData.TypesInSequence(await app.EventsOfAsync(id)));
        await app.Admin.PatchJsonAsync($"/admin/products/{id}", new { title = "Committed" });
        Assert.Equal(["product.created", "product.updated"], EventsTestData.TypesInSequence(await app.EventsOfAsync(id)));
    }

    [Fact]
    public async Task Concurrent_stock_changes_of_one_level_get_distinct_gap_free_numbers_in_commit_order()
    {
        var v = await app.StockedVariantAsync(onHand: 100);
        const int writers = 20;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
            await (await app.Admin.PostAsJsonAsync($"/admin/inventory/{v.Sku}/levels/{v.LocationId}/adjustments",
                new { delta = 1, reason = "count" })).ShouldSucceedAsync()));

        var events = await app.EventsOfAsync($"{v.Sku}@{v.LocationId}", "inventory_level.changed");
        Assert.Equal(writers + 1, events.Count);
        // The feed is in outbox order: numbers 1..n there mean commit order, and each state is the one its change left.
        Assert.Equal(Enumerable.Range(1, writers + 1).Select(i => (long)i), events.Select(e => e.Long("sequence")));
        Assert.Equal(Enumerable.Range(100, writers + 1), events.Select(e => e["data"].Int("onHand")));
        Assert.Equal(events.Select(e => e["data"].Int("version")).Order(), events.Select(e => e["data"].Int("version")));
    }
}

public sealed class EventTransactionsOnSqlite(SqliteApp app) : EventTransactionTests(app), IClassFixture<SqliteApp>;

public sealed class EventTransactionsOnPostgres(PostgresApp app) : EventTransactionTests(app), IClassFixture<PostgresApp>;
