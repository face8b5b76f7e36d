namespace Mercato.Api.Tests.Store.Checkout;

/// <summary>Completing a cart costs a bounded number of SQL commands: no statement per line beyond the order's inserts.</summary>
public abstract class CheckoutQueryCountTests(MercatoApp app)
{
    [Fact]
    public async Task Completing_a_cart_of_three_lines_is_bounded_in_commands()
    {
        var lines = new List<(string, int)>();
        for (var i = 0; i < 3; i++) lines.Add(((await app.StockedVariantAsync(onHand: 10)).VariantId, 1 + i));
        var cartId = await app.ReadyCartAsync(app.Store, [.. lines]);
        await (await app.Store.PayAsync(cartId)).ShouldSucceedAsync();

        JsonNode completed;
        IReadOnlyList<string> commands;
        using (app.Queries.Record(out commands)) completed = await (await app.Store.CompleteAsync(cartId)).ShouldSucceedAsync();

        Assert.Equal(3, completed["order"]!.Arr("items").Count);
        // Lookups the server remembers between requests (the key, whether a price list is active) are not counted.
        var counted = QueryCounter.PerRequest(commands);
        // Was 71 on SQLite and 65 on PostgreSQL (which batches the order's inserts) before the hold was renewed in place, then
        // 35 and 29; now 29 and 22: the cart is read once (reachability in the same query), the lease answers the session's
        // payment, the authorized payment is not read again, the order and its events are one save without a read first, and
        // the idempotency key is one insert. Re-pricing reads the active automatic promotions once, the price lists of the
        // lines once (ADR 8), and the cart's gift cards (one indexed read, none applied here). The lines' categories and
        // whether the shopper ordered before are read only when a promotion's conditions ask for them (none here).
        Assert.True(counted.Count <= 29, $"{counted.Count} commands for one completion:\n{string.Join("\n---\n", counted)}");
    }
}

public sealed class CheckoutQueryCountOnSqlite(SqliteApp app) : CheckoutQueryCountTests(app), IClassFixture<SqliteApp>;

public sealed class CheckoutQueryCountOnPostgres(PostgresApp app) : CheckoutQueryCountTests(app), IClassFixture<PostgresApp>;
