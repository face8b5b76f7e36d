using Mercato.Api.Tests.Admin.Orders;

namespace Mercato.Api.Tests.Store.Orders;

public abstract class StoreOrderTests(MercatoApp app)
{
    [Fact]
    public async Task The_guest_reads_the_order_with_its_token()
    {
        var placed = await app.PlaceSimpleAsync(unitPrice: 2500, quantity: 2);

        var response = await Read(app.Store, placed.OrderId, placed.OrderToken);

        var order = await response.ShouldSucceedAsync();
        Assert.Equal(placed.OrderId, order.Str("id"));
        Assert.Equal(placed.Number, order.Long("number"));
        Assert.Equal("pending", order.Str("status"));
        Assert.Equal("authorized", order.Str("paymentStatus"));
        Assert.Equal("not_fulfilled", order.Str("fulfillmentStatus"));
        Assert.Equal(2, order.Arr("items")[0].Int("quantity"));
        Assert.Equal(6000, order["totals"].Money("total"));
        Assert.Equal("USD", order["totals"]!["total"].Str("currency"));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Nothing_private_is_in_the_store_view()
    {
        var placed = await app.PlaceSimpleAsync();

        var order = await (await Read(app.Store, placed.OrderId, placed.OrderToken)).ShouldSucceedAsync();

        foreach (var name in new[] { "payment", "paymentId", "timeline", "cartId", "tokenHash", "captured", "version" })
            Assert.False(order.AsObject().ContainsKey(name), $"The store view shows '{name}'.");
        Assert.DoesNotContain("pay_none", order.ToJsonString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("otok_wrong")]
    public async Task Without_the_right_token_it_is_404_not_found(string? token)
    {
        var placed = await app.PlaceSimpleAsync();

        await (await Read(app.Store, placed.OrderId, token)).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Another_orders_token_does_not_open_this_order()
    {
        var placed = await app.PlaceSimpleAsync();
        var other = await app.PlaceSimpleAsync();

        await (await Read(app.Store, placed.OrderId, other.OrderToken)).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Through_another_sales_channel_even_the_right_token_gets_404()
    {
        var placed = await app.PlaceSimpleAsync();
        var (_, otherStore) = await app.Given.ChannelAsync();

        await (await Read(otherStore, placed.OrderId, placed.OrderToken)).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task An_unknown_order_reads_exactly_like_a_wrong_token()
    {
        var placed = await app.PlaceSimpleAsync();

        var unknown = await (await Read(app.Store, "order_00000000000000000000000000", placed.OrderToken)).ShouldBeProblemAsync(404, "not_found");
        var wrong = await (await Read(app.Store, placed.OrderId, "otok_wrong")).ShouldBeProblemAsync(404, "not_found");

        Assert.Equal(unknown.Str("title"), wrong.Str("title"));
        Assert.Equal(unknown.Str("type"), wrong.Str("type"));
    }

    private static Task<HttpResponseMessage> Read(HttpClient store, string orderId, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/store/orders/{orderId}");
        if (token is not null) request.Headers.TryAddWithoutValidation("X-Order-Token", token);
        return store.SendAsync(request);
    }
}

public sealed class StoreOrderOnSqlite(SqliteApp app) : StoreOrderTests(app), IClassFixture<SqliteApp>;

public sealed class StoreOrderOnPostgres(PostgresApp app) : StoreOrderTests(app), IClassFixture<PostgresApp>;
