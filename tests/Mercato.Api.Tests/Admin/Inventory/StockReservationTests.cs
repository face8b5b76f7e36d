using Mercato.Inventory.Contracts;
using Mercato.Kernel.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Inventory;

/// <summary>IStockReservations as carts, checkout and orders call it.</summary>
public abstract class StockReservationTests(MercatoApp app)
{
    private static string Sku() => Given.Unique("sku").ToUpperInvariant();

    private static string Cart() => Given.Unique("cart");

    private async Task<(string Sku, string Location)> StockedAsync(int onHand)
    {
        var location = await app.StockLocationAsync(isDefault: true);
        var sku = Sku();
        await app.SetStockAsync(sku, location, onHand);
        return (sku, location);
    }

    [Fact]
    public async Task A_hold_reserves_stock_and_lowers_availability()
    {
        var (sku, _) = await StockedAsync(10);

        var shortages = await app.HoldAsync(Cart(), sku.ToLowerInvariant(), 4);

        Assert.Empty(shortages);
        var levels = await app.LevelsAsync(sku);
        Assert.Equal(4, levels.Int("reserved"));
        Assert.Equal(6, levels.Int("available"));
        Assert.Equal(6, (await app.AvailabilityAsync(sku)).Available);
    }

    [Fact]
    public async Task A_hold_is_all_or_nothing()
    {
        var (plenty, _) = await StockedAsync(10);
        var (scarce, location) = await StockedAsync(1);
        await app.SetStockAsync(plenty, location, 10);

        var shortages = await app.WithReservationsAsync(r => r.HoldAsync(Cart(),
            [new StockDemand(plenty, 2, false), new StockDemand(scarce, 3, false)], app.Clock.GetUtcNow().AddMinutes(15), CancellationToken.None));

        var shortage = Assert.Single(shortages);
        Assert.Equal(new StockShortage(scarce, 3, 1), shortage);
        Assert.Equal(0, (await app.LevelsAsync(plenty)).Int("reserved"));
        Assert.Equal(0, (await app.LevelsAsync(scarce)).Int("reserved"));
    }

    [Fact]
    public async Task Lines_of_the_same_sku_are_added_up_before_the_check()
    {
        var (sku, _) = await StockedAsync(3);

        var shortages = await app.WithReservationsAsync(r => r.HoldAsync(Cart(),
            [new StockDemand(sku, 2, false), new StockDemand(sku.ToLowerInvariant(), 2, false)], app.Clock.GetUtcNow().AddMinutes(15),
            CancellationToken.None));

        Assert.Equal([new StockShortage(sku, 4, 3)], shortages);
        Assert.Equal(3, (await app.LevelsAsync(sku)).Int("available"));
    }

    [Fact]
    public async Task Holding_again_replaces_the_holders_previous_hold()
    {
        var (sku, _) = await StockedAsync(5);
        var cart = Cart();
        Assert.Empty(await app.HoldAsync(cart, sku, 4));

        Assert.Empty(await app.HoldAsync(cart, sku, 5));

        Assert.Equal(5, (await app.LevelsAsync(sku)).Int("reserved"));
        Assert.NotEmpty(await app.HoldAsync(Cart(), sku, 1));
    }

    [Fact]
    public async Task A_refused_hold_keeps_the_holders_previous_hold()
    {
        var (sku, _) = await StockedAsync(5);
        var cart = Cart();
        Assert.Empty(await app.HoldAsync(cart, sku, 2));

        Assert.NotEmpty(await app.HoldAsync(cart, sku, 6));

        Assert.Equal(2, (await app.LevelsAsync(sku)).Int("reserved"));
    }

    [Fact]
    public async Task A_backorder_may_take_reserved_past_on_hand_even_without_a_level()
    {
        var (sku, location) = await StockedAsync(2);
        var unknown = Sku();

        Assert.Empty(await app.HoldAsync(Cart(), sku, 5, allowBackorder: true));
        Assert.Empty(await app.HoldAsync(Cart(), unknown, 3, allowBackorder: true));

        var levels = await app.LevelsAsync(sku);
        Assert.Equal(5, levels.Int("reserved"));
        Assert.Equal(-3, levels.Int("available"));
        var created = Assert.Single((await app.LevelsAsync(unknown)).Arr("levels"));
        Assert.Equal(location, created.Str("locationId"));
        Assert.Equal(3, created.Int("reserved"));
        Assert.Equal(StockStatus.OutOfStock, (await app.AvailabilityAsync(sku)).Status);
        Assert.NotEmpty(await app.HoldAsync(Cart(), sku, 1));
    }

    [Fact]
    public async Task The_default_location_is_used_first_and_a_demand_is_split_when_no_location_has_it_all()
    {
        var other = await app.StockLocationAsync();
        var main = await app.StockLocationAsync(isDefault: true);
        var sku = Sku();
        await app.SetStockAsync(sku, other, 3);
        await app.SetStockAsync(sku, main, 3);

        Assert.Empty(await app.HoldAsync(Cart(), sku, 2));
        var afterFirst = (await app.LevelsAsync(sku)).Arr("levels").ToDictionary(l => l.Str("locationId"), l => l!.Int("reserved"));
        Assert.Equal(2, afterFirst[main]);
        Assert.Empty(await app.HoldAsync(Cart(), sku, 4));

        var levels = (await app.LevelsAsync(sku)).Arr("levels").ToDictionary(l => l.Str("locationId"), l => l!.Int("reserved"));
        Assert.Equal(3, levels[main]);
        Assert.Equal(3, levels[other]);
        Assert.NotEmpty(await app.HoldAsync(Cart(), sku, 1));
    }

    [Fact]
    public async Task An_expired_hold_frees_its_stock_for_the_next_holder_without_a_sweep()
    {
        var (sku, _) = await StockedAsync(10);
        var first = Cart();
        Assert.Empty(await app.HoldAsync(first, sku, 10, expiresIn: TimeSpan.FromMinutes(15)));
        Assert.Equal([new StockShortage(sku, 1, 0)], await app.HoldAsync(Cart(), sku, 1));

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(10, (await app.AvailabilityAsync(sku)).Available);
        Assert.Empty(await app.HoldAsync(Cart(), sku, 1));

        Assert.Equal(1, (await app.LevelsAsync(sku)).Int("reserved"));
        Assert.False(await app.WithReservationsAsync(r => r.ConvertHoldAsync(first, Given.Unique("order"), CancellationToken.None)));
    }

    [Fact]
    public async Task A_hold_that_lasts_long_enough_is_kept_as_it_is_and_a_shorter_one_is_renewed()
    {
        var (sku, _) = await StockedAsync(10);
        var older = Cart();
        var newer = Cart();
        Assert.Empty(await app.HoldAsync(older, sku, 3, expiresIn: TimeSpan.FromMinutes(15)));
        app.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(await app.HoldAsync(newer, sku, 2, expiresIn: TimeSpan.FromMinutes(15)));
        app.Clock.Advance(TimeSpan.FromMinutes(4));

        // 2 minutes left on the first hold, 11 on the second; each asks for 15 more unless 5 are left.
        foreach (var cart in new[] { older, newer })
        {
            var now = app.Clock.GetUtcNow();
            Assert.Empty(await app.WithReservationsAsync(r => r.HoldAsync(cart, [new StockDemand(sku, cart == older ? 3 : 2, false)],
                now.AddMinutes(15), keepIfLiveUntil: now.AddMinutes(5), CancellationToken.None)));
        }
        app.Clock.Advance(TimeSpan.FromMinutes(12));

        // The older hold was renewed (it had too little left) and holds on; the newer one was kept as it was and has run out.
        Assert.Equal(7, (await app.AvailabilityAsync(sku)).Available);
        Assert.True(await app.WithReservationsAsync(r => r.ConvertHoldAsync(older, Given.Unique("order"), CancellationToken.None)));
        Assert.False(await app.WithReservationsAsync(r => r.ConvertHoldAsync(newer, Given.Unique("order"), CancellationToken.None)));
    }

    [Fact]
    public async Task Releasing_expired_holds_counts_the_holds_it_released()
    {
        var (sku, _) = await StockedAsync(10);
        Assert.Empty(await app.HoldAsync(Cart(), sku, 2, expiresIn: TimeSpan.FromMinutes(1)));
        Assert.Empty(await app.HoldAsync(Cart(), sku, 3, expiresIn: TimeSpan.FromMinutes(1)));
        Assert.Empty(await app.HoldAsync(Cart(), sku, 1, expiresIn: TimeSpan.FromHours(1)));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var released = await app.WithReservationsAsync(r => r.ReleaseExpiredHoldsAsync(app.Clock.GetUtcNow(), CancellationToken.None));

        Assert.True(released >= 2, $"{released} holds released");
        Assert.Equal(1, (await app.LevelsAsync(sku)).Int("reserved"));
        Assert.Equal(0, await app.WithReservationsAsync(r => r.ReleaseExpiredHoldsAsync(app.Clock.GetUtcNow(), CancellationToken.None)));
    }

    [Fact]
    public async Task A_converted_hold_becomes_an_order_reservation_that_never_expires()
    {
        var (sku, _) = await StockedAsync(5);
        var cart = Cart();
        var order = Given.Unique("order");
        Assert.Empty(await app.HoldAsync(cart, sku, 3));

        Assert.True(await app.WithReservationsAsync(r => r.ConvertHoldAsync(cart, order, CancellationToken.None)));
        Assert.False(await app.WithReservationsAsync(r => r.ConvertHoldAsync(cart, order, CancellationToken.None)));
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.NotEmpty(await app.HoldAsync(Cart(), sku, 3));

        Assert.Equal(3, (await app.LevelsAsync(sku)).Int("reserved"));
    }

    [Fact]
    public async Task Releasing_gives_the_stock_back_and_is_safe_to_repeat()
    {
        var (sku, _) = await StockedAsync(5);
        var cart = Cart();
        var order = Given.Unique("order");
        Assert.Empty(await app.HoldAsync(cart, sku, 3));
        await app.WithReservationsAsync(r => r.ConvertHoldAsync(cart, order, CancellationToken.None));

        for (var i = 0; i < 2; i++) await app.WithReservationsAsync(async r => { await r.ReleaseAsync(order, CancellationToken.None); return 0; });

        var levels = await app.LevelsAsync(sku);
        Assert.Equal(0, levels.Int("reserved"));
        Assert.Equal(5, levels.Int("available"));
    }

    [Fact]
    public async Task Consuming_takes_the_reservation_out_of_on_hand_and_logs_it()
    {
        var (sku, location) = await StockedAsync(5);
        var cart = Cart();
        var order = Given.Unique("order");
        Assert.Empty(await app.HoldAsync(cart, sku, 3));
        await app.WithReservationsAsync(r => r.ConvertHoldAsync(cart, order, CancellationToken.None));

        var consumed = await app.WithReservationsAsync(r => r.ConsumeAsync(order, [new StockDemand(sku, 3, false)], null, CancellationToken.None));

        Assert.Null(consumed.Error);
        Assert.Equal([new StockConsumption(sku, location, 3)], consumed.Value);
        var levels = await app.LevelsAsync(sku);
        Assert.Equal(2, levels.Int("onHand"));
        Assert.Equal(0, levels.Int("reserved"));
        var history = await app.Admin.ListAllAsync($"/admin/inventory/{sku}/adjustments");
        Assert.Equal(-3, history[^1].Int("delta"));
    }

    [Fact]
    public async Task Consuming_more_than_reserved_or_available_is_refused_and_changes_nothing()
    {
        var (sku, _) = await StockedAsync(3);
        var cart = Cart();
        var order = Given.Unique("order");
        Assert.Empty(await app.HoldAsync(cart, sku, 2));
        await app.WithReservationsAsync(r => r.ConvertHoldAsync(cart, order, CancellationToken.None));

        var consumed = await app.WithReservationsAsync(r => r.ConsumeAsync(order, [new StockDemand(sku, 5, false)], null, CancellationToken.None));

        Assert.Equal("insufficient_inventory", consumed.Error?.Code);
        var levels = await app.LevelsAsync(sku);
        Assert.Equal(3, levels.Int("onHand"));
        Assert.Equal(2, levels.Int("reserved"));
    }

    [Fact]
    public async Task Consuming_at_another_location_moves_the_reservation_there()
    {
        var (sku, main) = await StockedAsync(2);
        var store = await app.StockLocationAsync();
        await app.SetStockAsync(sku, store, 4);
        var cart = Cart();
        var order = Given.Unique("order");
        Assert.Empty(await app.HoldAsync(cart, sku, 2));
        await app.WithReservationsAsync(r => r.ConvertHoldAsync(cart, order, CancellationToken.None));

        var consumed = await app.WithReservationsAsync(r => r.ConsumeAsync(order, [new StockDemand(sku, 2, false)], store, CancellationToken.None));

        Assert.Equal([new StockConsumption(sku, store, 2)], consumed.Value);
        var levels = (await app.LevelsAsync(sku)).Arr("levels").ToDictionary(l => l.Str("locationId"));
        Assert.Equal(2, levels[main].Int("onHand"));
        Assert.Equal(0, levels[main].Int("reserved"));
        Assert.Equal(2, levels[store].Int("onHand"));
    }

    [Fact]
    public async Task Restocking_adds_to_the_default_location_with_the_reason()
    {
        var (sku, location) = await StockedAsync(1);

        var error = await app.WithReservationsAsync(r => r.RestockAsync(sku, 2, null, "Return RMA-1", CancellationToken.None));

        Assert.Null(error);
        Assert.Equal(3, (await app.LevelsAsync(sku)).Int("onHand"));
        var last = (await app.Admin.ListAllAsync($"/admin/inventory/{sku}/adjustments"))[^1];
        Assert.Equal(("Return RMA-1", 2, location), (last.Str("reason"), last.Int("delta"), last.Str("locationId")));
        var refused = await app.WithReservationsAsync(r => r.RestockAsync(sku, 0, null, "nothing", CancellationToken.None));
        Assert.Equal("validation_failed", refused?.Code);
    }

    [Fact]
    public async Task Fifty_parallel_holds_on_ten_units_give_exactly_ten()
    {
        var (sku, _) = await StockedAsync(10);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => app.HoldAsync(Cart(), sku, 1))));

        Assert.Equal(10, results.Count(r => r.Count == 0));
        var levels = await app.LevelsAsync(sku);
        Assert.Equal(10, levels.Int("reserved"));
        Assert.Equal(0, levels.Int("available"));
        Assert.Equal(0, (await app.AvailabilityAsync(sku)).Available);
    }

    [Fact]
    public async Task The_sweeper_releases_expired_holds_once_its_interval_has_passed()
    {
        var (sku, _) = await StockedAsync(3);
        await using var sweeping = app.WithWebHostBuilder(b => b.UseSetting("Mercato:Inventory:HoldSweepSeconds", "30"));
        var worker = sweeping.Services.GetRequiredService<IJobRunner>();
        Assert.Empty(await app.HoldAsync(Cart(), sku, 3, expiresIn: TimeSpan.FromSeconds(10)));
        // The first run registers the recurring sweep, due one interval later.
        await worker.RunDueAsync(TestContext.Current.CancellationToken);

        // The hold has expired, but the sweep is not due yet: the level still counts it.
        app.Clock.Advance(TimeSpan.FromSeconds(15));
        await worker.RunDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, (await app.LevelsAsync(sku)).Int("reserved"));

        app.Clock.Advance(TimeSpan.FromSeconds(16));
        await worker.RunDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, (await app.LevelsAsync(sku)).Int("reserved"));
    }

    [Fact]
    public async Task A_hold_joins_the_callers_transaction_and_rolls_back_with_it()
    {
        var (sku, _) = await StockedAsync(4);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Mercato.Kernel.Persistence.MercatoDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var reservations = scope.ServiceProvider.GetRequiredService<IStockReservations>();
            Assert.Empty(await reservations.HoldAsync(Cart(), [new StockDemand(sku, 3, false)], app.Clock.GetUtcNow().AddMinutes(5), CancellationToken.None));
            Assert.NotEmpty(await reservations.HoldAsync(Cart(), [new StockDemand(sku, 2, false)], app.Clock.GetUtcNow().AddMinutes(5), CancellationToken.None));
            Assert.Same(transaction, db.Database.CurrentTransaction);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, (await app.LevelsAsync(sku)).Int("reserved"));
    }
}

public sealed class StockReservationOnSqlite(SqliteApp app) : StockReservationTests(app), IClassFixture<SqliteApp>;

public sealed class StockReservationOnPostgres(PostgresApp app) : StockReservationTests(app), IClassFixture<PostgresApp>;
