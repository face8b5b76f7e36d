using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Mercato.Orders.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Orders;

/// <summary>Checkout's way in: writes orders in the caller's transaction (or in one of its own when none is open).</summary>
internal sealed class OrderPlacement(MercatoDb db, IDomainEvents events, TimeProvider time) : IOrderPlacement
{
    public async Task<PlacedOrder?> PlaceAsync(OrderDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Lines.Count == 0) throw new ArgumentException("An order needs at least one line.", nameof(draft));
        if (draft.Lines.Any(l => l.Quantity <= 0)) throw new ArgumentException("Line quantities must be positive.", nameof(draft));
        if (!Kernel.Money.Currency.TryParse(draft.CurrencyCode, out _)) throw new ArgumentException("Unknown currency.", nameof(draft));
        // No read first: the cart id is unique among orders, so a second placement for a cart fails its insert below.

        // A number is never given to two orders (on PostgreSQL, a failed placement loses its number: see NextNumberAsync).
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            var number = await NextNumberAsync(ct);
            var token = OrderToken.New();
            var order = Order.Place(draft, number, OrderToken.Hash(token), time);
            db.Add(order);
            // Saved with the order, in one batch: a lost race below takes its events back with it.
            events.RaiseFor(order, OrderEvents.Placed);
            if (order.PaymentStatus is OrderPaymentStatus.Authorized or OrderPaymentStatus.Captured) events.RaiseFor(order, OrderEvents.Paid);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A placement for the same cart came first (unique cart id); EF rolled back to its savepoint.
                if (await IsNewCartAsync(draft.CartId, order, ct)) throw;
                return null;
            }
            if (own is not null) await own.CommitAsync(ct);
            return new PlacedOrder(order.Id, order.Number, token, StoreOrders.View(order));
        }
    }

    public string NewOrderId() => Order.NewId(time);

    public async Task<PlacedOrder?> FindByCartAsync(string cartId, CancellationToken ct)
    {
        var order = await db.Set<Order>().AsNoTracking().WithGraph().SingleOrDefaultAsync(o => o.CartId == cartId, ct);
        if (order is null) return null;
        var token = OrderToken.New();
        var hash = OrderToken.Hash(token);
        // Not a change of the order itself, so its version stays; the old token stops working.
        await db.Set<Order>().Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.TokenHash, hash), ct);
        db.Add(new TimelineEntry(order.Id, Order.System, "token_reissued", "A new order token was issued to the shopper.", time.GetUtcNow(), null, time));
        await db.SaveChangesAsync(ct);
        return new PlacedOrder(order.Id, order.Number, token, StoreOrders.View(order));
    }

    private async Task<long> NextNumberAsync(CancellationToken ct)
    {
        // PostgreSQL: a sequence, which locks nothing. A counter row stayed write-locked from its increment to the commit, so
        // concurrent checkouts queued on it one commit at a time (most of their latency under load). A placement rolled back
        // after taking its number leaves a gap. SQLite has one writer at a time anyway: the counter row costs nothing there,
        // and its numbers have no gaps.
        var numbers = !db.OnSqlite
            ? await db.Database.SqlQuery<long>($"SELECT nextval('orders_number_seq') AS \"Value\"").ToListAsync(ct)
            : await db.Database.SqlQuery<long>(
                $"UPDATE orders_counter SET value = value + 1 WHERE name = {OrderCounter.OrderNumbers} RETURNING value AS \"Value\"").ToListAsync(ct);
        return numbers.Single();
    }

    private async Task<bool> IsNewCartAsync(string cartId, Order order, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && IsPartOf(e.Entity, order.Id)).ToList())
            entry.State = EntityState.Detached;
        events.Withdraw(order.Id);
        return !await db.Set<Order>().AnyAsync(o => o.CartId == cartId, ct);
    }

    private static bool IsPartOf(object entity, string orderId) => entity switch
    {
        Order o => o.Id == orderId,
        OrderLine l => l.OrderId == orderId,
        TimelineEntry t => t.OrderId == orderId,
        _ => false,
    };
}
