using Mercato.Kernel.Persistence;
using Mercato.Orders.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Orders;

public abstract class OrderPlacementTests(MercatoApp app)
{
    [Fact]
    public async Task A_placed_order_snapshots_its_lines_and_answers_a_pending_order_with_a_token()
    {
        var draft = app.Draft([OrderTestData.Line("SNAP-1", 2, unitPrice: 1500, manageInventory: false)], email: " Ada@Example.COM ");

        var placed = await app.PlaceAsync(draft);

        Assert.StartsWith("order_", placed.OrderId);
        Assert.StartsWith("otok_", placed.OrderToken);
        Assert.True(placed.Number >= 1001);
        var order = placed.Order;
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(OrderPaymentStatus.Authorized, order.PaymentStatus);
        Assert.Equal(OrderFulfillmentStatus.NotFulfilled, order.FulfillmentStatus);
        Assert.Equal("ada@example.com", order.Email);
        var line = Assert.Single(order.Items);
        Assert.Equal(("SNAP-1", 2, 1500L, 3000L, 300L, 3300L), (line.Sku, line.Quantity, line.UnitPrice.Amount, line.Subtotal.Amount, line.Tax.Amount, line.Total.Amount));
        Assert.Equal(3800, order.Totals.Total.Amount);
        Assert.Equal("Standard", order.ShippingMethod?.Name);

        var admin = await app.OrderAsync(placed.OrderId);
        Assert.Equal(placed.Number, admin.Long("number"));
        Assert.Equal(["placed"], admin.TimelineKinds());
        Assert.Equal("system", admin.Arr("timeline")[0].Str("actor"));
        Assert.Equal("pending", admin.Str("status"));
        Assert.Equal("authorized", admin.Str("paymentStatus"));
        Assert.Equal("not_fulfilled", admin.Str("fulfillmentStatus"));
        Assert.Equal("pay_none", admin["payment"].Str("id"));
        Assert.Equal("Springfield", admin["shippingAddress"].Str("city"));
    }

    [Fact]
    public async Task An_order_takes_the_id_its_caller_reserved_for_the_references_written_before_it()
    {
        await using var scope = app.Scope();
        var placement = scope.ServiceProvider.GetRequiredService<IOrderPlacement>();
        var reserved = placement.NewOrderId();
        var other = placement.NewOrderId();

        var placed = await app.PlaceAsync(app.Draft([OrderTestData.Line("RESERVED-1", 1, manageInventory: false)]) with { OrderId = reserved });

        Assert.StartsWith("order_", reserved);
        Assert.NotEqual(reserved, other);
        Assert.Equal(reserved, placed.OrderId);
        Assert.Equal(placed.Number, (await app.OrderAsync(reserved)).Long("number"));
    }

    [Fact]
    public async Task The_token_is_stored_only_as_its_sha256_hash()
    {
        var placed = await app.PlaceSimpleAsync();

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var stored = await db.Database.SqlQueryRaw<string>("SELECT token_hash AS \"Value\" FROM orders_order WHERE id = {0}", placed.OrderId).SingleAsync();
        Assert.NotEqual(placed.OrderToken, stored);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(placed.OrderToken))), stored);
    }

    [Fact]
    public async Task One_order_per_cart_a_second_placement_returns_null()
    {
        var draft = app.Draft([OrderTestData.Line("ONCE-1", 1, manageInventory: false)]);
        var first = await app.PlaceAsync(draft);

        await using var scope = app.Scope();
        var second = await scope.ServiceProvider.GetRequiredService<IOrderPlacement>().PlaceAsync(draft, CancellationToken.None);

        Assert.Null(second);
        var page = await app.Admin.GetJsonAsync($"/admin/orders?email={Uri.EscapeDataString(draft.Email)}");
        Assert.Equal([first.OrderId], page.Arr("items").Select(i => i.Str("id")));
    }

    [Fact]
    public async Task Placing_joins_the_callers_transaction_and_a_rollback_leaves_no_order()
    {
        var draft = app.Draft([OrderTestData.Line("TX-1", 1, manageInventory: false)]);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var placed = await scope.ServiceProvider.GetRequiredService<IOrderPlacement>().PlaceAsync(draft, CancellationToken.None);
            Assert.NotNull(placed);
            await transaction.RollbackAsync();
        }

        await using var check = app.Scope();
        Assert.Null(await check.ServiceProvider.GetRequiredService<IOrderPlacement>().FindByCartAsync(draft.CartId, CancellationToken.None));
    }

    [Fact]
    public async Task Finding_by_cart_reissues_a_working_token_and_the_old_one_stops_working()
    {
        var placed = await app.PlaceSimpleAsync();
        var cartId = (await app.OrderAsync(placed.OrderId)).Str("cartId");

        await using var scope = app.Scope();
        var found = await scope.ServiceProvider.GetRequiredService<IOrderPlacement>().FindByCartAsync(cartId, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(placed.OrderId, found.OrderId);
        Assert.Equal(placed.Number, found.Number);
        Assert.NotEqual(placed.OrderToken, found.OrderToken);
        Assert.Equal(HttpStatusCode.OK, (await StoreRead(placed.OrderId, found.OrderToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StoreRead(placed.OrderId, placed.OrderToken)).StatusCode);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IOrderPlacement>().FindByCartAsync("cart_unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Numbers_are_sequential_and_unique_under_parallel_placement()
    {
        var placed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => app.PlaceSimpleAsync())));

        var numbers = placed.Select(p => p.Number).Order().ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range((int)numbers[0], numbers.Count).Select(n => (long)n), numbers);
        Assert.True(numbers[0] >= 1001);
    }

    [Fact]
    public async Task The_first_order_of_a_shop_is_number_1001_and_the_next_1002()
    {
        // Each test class has its own database, and this class places orders only through these tests; the lowest number is 1001.
        var placed = await app.PlaceSimpleAsync();
        var next = await app.PlaceSimpleAsync();

        Assert.Equal(placed.Number + 1, next.Number);
        var all = await app.Admin.ListAllAsync("/admin/orders");
        Assert.Equal(1001, all.Min(o => o.Long("number")));
    }

    private Task<HttpResponseMessage> StoreRead(string orderId, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/store/orders/{orderId}");
        request.Headers.Add("X-Order-Token", token);
        return app.Store.SendAsync(request);
    }
}

public sealed class OrderPlacementOnSqlite(SqliteApp app) : OrderPlacementTests(app), IClassFixture<SqliteApp>;

public sealed class OrderPlacementOnPostgres(PostgresApp app) : OrderPlacementTests(app), IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_placement_takes_its_number_while_another_placement_is_still_uncommitted()
    {
        // The first placement stays open, as checkout's transaction does until its commit; numbering must not queue behind it
        // (SQLite has one writer at a time, so this holds on PostgreSQL only).
        await using var open = app.Scope();
        var db = open.ServiceProvider.GetRequiredService<MercatoDb>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var first = await open.ServiceProvider.GetRequiredService<IOrderPlacement>()
            .PlaceAsync(app.Draft([OrderTestData.Line(Given.Unique("SKU"), 1, 1000, manageInventory: false)]), CancellationToken.None);
        Assert.NotNull(first);

        var second = await app.PlaceSimpleAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await tx.CommitAsync();

        Assert.True(second.Number > first.Number);
        Assert.Equal(first.Number, (await app.OrderAsync(first.OrderId)).Long("number"));
        Assert.Equal(second.Number, (await app.OrderAsync(second.OrderId)).Long("number"));
    }
}
