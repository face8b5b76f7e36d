using Mercato.Api.Tests.Admin.Orders;
using Mercato.Api.Tests.Security;
using Mercato.Api.Tests.Store.Checkout;

namespace Mercato.Api.Tests.Store.Orders;

/// <summary>Orders of signed-in customers: placed from their carts, read with their token, listed in their history.</summary>
public abstract class CustomerOrderTests(MercatoApp app)
{
    private async Task<string> PlaceForAsync(string customerId, string? channelId = null) =>
        (await app.PlaceAsync(app.Draft([OrderTestData.Line(Given.Unique("SKU"), 1, manageInventory: false)], channelId: channelId)
            with
        { CustomerId = customerId })).OrderId;

    [Fact]
    public async Task A_customers_checkout_places_their_order_which_they_read_without_an_order_token()
    {
        var alice = await app.CustomerAsync();
        var bob = await app.CustomerAsync();
        var (_, otherKey) = await app.SecondChannelAsync();
        var variant = await app.StockedVariantAsync(onHand: 5);
        var cartId = await app.ReadyCartAsync(alice.Store, (variant.VariantId, 1));

        var completed = await (await alice.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        var orderId = completed["order"].Str("id");

        Assert.Equal(alice.Id, (await app.Admin.GetJsonAsync($"/admin/orders/{orderId}")).Str("customerId"));
        Assert.Equal(orderId, (await (await alice.Store.GetOrderAsync(orderId, token: null)).ShouldSucceedAsync()).Str("id"));
        await (await bob.Store.GetOrderAsync(orderId, token: null)).ShouldBeProblemAsync(404, "not_found");
        await (await app.Store.GetOrderAsync(orderId, token: null)).ShouldBeProblemAsync(404, "not_found");
        await (await app.StoreClientFor(otherKey, alice.AccessToken).GetOrderAsync(orderId, token: null)).ShouldBeProblemAsync(404, "not_found");
        await (await app.CreateClient().GetOrderAsync(orderId, token: null)).ShouldBeProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task Nobody_else_pays_for_or_completes_a_customers_cart()
    {
        var alice = await app.CustomerAsync();
        var bob = await app.CustomerAsync();
        var variant = await app.StockedVariantAsync(onHand: 5);
        var cartId = await app.ReadyCartAsync(alice.Store, (variant.VariantId, 1));

        await (await bob.Store.PayAsync(cartId)).ShouldBeProblemAsync(404, "not_found");
        await (await app.Store.PayAsync(cartId)).ShouldBeProblemAsync(404, "not_found");
        (await alice.Store.PayAsync(cartId)).EnsureSuccessStatusCode();
        await (await bob.Store.CompleteAsync(cartId)).ShouldBeProblemAsync(404, "not_found");
        await (await app.Store.CompleteAsync(cartId)).ShouldBeProblemAsync(404, "not_found");
        await (await app.Store.PostAsJsonAsync($"/store/carts/{cartId}/payment/confirm", new { })).ShouldBeProblemAsync(404, "not_found");

        Assert.Equal(201, (int)(await alice.Store.CompleteAsync(cartId)).StatusCode);
    }

    [Fact]
    public async Task The_order_history_lists_only_the_customers_orders_in_the_channel_newest_first()
    {
        var alice = await app.CustomerAsync();
        var (otherChannel, _) = await app.SecondChannelAsync();
        var mine = new List<string>();
        for (var i = 0; i < 3; i++) mine.Add(await PlaceForAsync(alice.Id));
        await PlaceForAsync(alice.Id, otherChannel);
        await PlaceForAsync(Given.Unique("cus"));
        await app.PlaceSimpleAsync();

        var first = await alice.Store.GetJsonAsync("/store/customers/me/orders?limit=2");
        var second = await alice.Store.GetJsonAsync($"/store/customers/me/orders?limit=2&cursor={first.Str("nextCursor")}");

        Assert.Equal([mine[2], mine[1], mine[0]], first.Arr("items").Concat(second.Arr("items")).Select(o => o.Str("id")));
        Assert.Null(second["nextCursor"]);
        var row = first.Arr("items")[0]!;
        Assert.Equal(1, row.Int("itemCount"));
        Assert.Equal("pending", row.Str("status"));
        Assert.Equal(1600, row["totals"].Amount("total"));
        foreach (var name in new[] { "customerId", "paymentId", "cartId", "email", "shippingAddress", "timeline" })
            Assert.False(row.AsObject().ContainsKey(name), $"The history row shows '{name}'.");
    }

    [Fact]
    public async Task The_order_history_needs_a_signed_in_customer_and_a_valid_cursor()
    {
        var alice = await app.CustomerAsync();

        await (await app.Store.GetAsync("/store/customers/me/orders")).ShouldBeProblemAsync(401, "unauthorized");
        Assert.Empty((await alice.Store.GetJsonAsync("/store/customers/me/orders")).Arr("items"));
        await (await alice.Store.GetAsync("/store/customers/me/orders?cursor=garbage")).ShouldBeProblemAsync(400, "invalid_cursor");
        await (await alice.Store.GetAsync("/store/customers/me/orders?limit=1000")).ShouldBeProblemAsync(400, "validation_failed");
    }
}

public sealed class CustomerOrderOnSqlite(SqliteApp app) : CustomerOrderTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerOrderOnPostgres(PostgresApp app) : CustomerOrderTests(app), IClassFixture<PostgresApp>;
