using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mercato.Api.Tests.Security;

namespace Mercato.Api.Tests.Store.Checkout;

public abstract class CompleteCartTests(MercatoApp app)
{
    [Fact]
    public async Task Completing_a_paid_cart_places_an_order_priced_as_the_cart_and_holds_its_stock()
    {
        var v = await app.StockedVariantAsync(onHand: 5, usd: 2500);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 2));
        var cart = await app.Store.GetJsonAsync($"/store/carts/{cartId}");

        var completed = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();

        var order = completed["order"]!;
        Assert.StartsWith("order_", order.Str("id"));
        Assert.True(order.Long("number") > 0);
        Assert.Equal("pending", order.Str("status"));
        Assert.Equal("authorized", order.Str("paymentStatus"));
        Assert.Equal("not_fulfilled", order.Str("fulfillmentStatus"));
        Assert.Equal(cart.Str("email"), order.Str("email"));
        var line = Assert.Single(order.Arr("items"));
        Assert.Equal(v.Sku, line.Str("sku"));
        Assert.Equal(2, line.Int("quantity"));
        Assert.Equal(2500, line.Amount("unitPrice"));
        Assert.Equal(cart["totals"]!.Amount("total"), order["totals"]!.Amount("total"));
        CheckoutTestData.ShouldAddUp(order["totals"]!);
        Assert.False(string.IsNullOrEmpty(completed.Str("orderToken")));

        var level = await app.LevelAsync(v);
        Assert.Equal(5, level.Int("onHand"));
        Assert.Equal(2, level.Int("reserved"));
        Assert.Equal(3, level.Int("available"));
        var after = await app.Store.GetJsonAsync($"/store/carts/{cartId}");
        Assert.Equal(order.Str("id"), after.Str("orderId"));
    }

    [Fact]
    public async Task The_guest_reads_the_order_with_its_token_and_nobody_else_does()
    {
        var v = await app.StockedVariantAsync(onHand: 5);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        var completed = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        var orderId = completed["order"].Str("id");
        var token = completed.Str("orderToken");

        var read = await (await app.Store.GetOrderAsync(orderId, token)).ShouldSucceedAsync();
        Assert.Equal(orderId, read.Str("id"));
        await (await app.Store.GetOrderAsync(orderId, null)).ShouldBeProblemAsync(404, "not_found");
        await (await app.Store.GetOrderAsync(orderId, token + "x")).ShouldBeProblemAsync(404, "not_found");
        var (_, otherStore) = await app.Given.ChannelAsync();
        await (await otherStore.GetOrderAsync(orderId, token)).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task A_customers_paid_cart_is_404_to_anyone_else_who_completes_it_and_stays_untouched()
    {
        var v = await app.StockedVariantAsync(onHand: 5);
        var alice = await app.CustomerAsync();
        var bob = await app.CustomerAsync();
        var cartId = await app.ReadyCartAsync(alice.Store, (v.VariantId, 1));
        await (await alice.Store.PayAsync(cartId)).ShouldSucceedAsync();
        var before = await alice.Store.GetJsonAsync($"/store/carts/{cartId}");
        var (_, otherChannel) = await app.Given.ChannelAsync();

        foreach (var stranger in new[] { bob.Store, app.Store, otherChannel })
            await (await stranger.CompleteAsync(cartId)).ShouldBeProblemAsync(404, "not_found");

        var after = await alice.Store.GetJsonAsync($"/store/carts/{cartId}");
        Assert.Equal(before.Int("version"), after.Int("version"));
        Assert.Null(after["orderId"]?.GetValue<string>());
        // No completion took the cart's lease: its owner completes it at once.
        var placed = await (await alice.Store.CompleteAsync(cartId)).ShouldSucceedAsync();
        Assert.Equal(placed["order"].Str("id"), (await alice.Store.GetJsonAsync($"/store/carts/{cartId}")).Str("orderId"));
    }

    [Fact]
    public async Task A_declined_payment_places_no_order_and_releases_the_stock_and_the_shopper_can_pay_again()
    {
        var v = await app.StockedVariantAsync(onHand: 3);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 3));

        await (await app.Store.CheckoutAsync(cartId, "tok_decline")).ShouldBeProblemAsync(402, "payment_declined");

        Assert.Equal(3, (await app.LevelAsync(v)).Int("available"));
        var cart = await app.Store.GetJsonAsync($"/store/carts/{cartId}");
        Assert.Null(cart["completedAt"]);
        Assert.Null(cart["orderId"]);

        var retried = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        Assert.Equal("authorized", retried["order"].Str("paymentStatus"));
        Assert.Equal(0, (await app.LevelAsync(v)).Int("available"));
    }

    [Fact]
    public async Task A_payment_that_needs_a_further_step_is_completed_after_the_step()
    {
        var v = await app.StockedVariantAsync(onHand: 2);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.PayAsync(cartId, "tok_requires_action")).ShouldSucceedAsync();

        await (await app.Store.CompleteAsync(cartId)).ShouldBeProblemAsync(402, "payment_requires_action");
        // The stock stays held while the shopper takes the further step.
        Assert.Equal(1, (await app.LevelAsync(v)).Int("reserved"));

        await (await app.Store.PostAsJsonAsync($"/store/carts/{cartId}/payment/confirm", new { data = new { result = "success" } }))
            .ShouldSucceedAsync();
        var completed = await (await app.Store.CompleteAsync(cartId)).ShouldSucceedAsync();
        Assert.Equal("authorized", completed["order"].Str("paymentStatus"));
    }

    [Fact]
    public async Task A_replayed_completion_returns_the_first_response_and_a_reused_key_on_another_cart_is_422()
    {
        var v = await app.StockedVariantAsync(onHand: 5);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.PayAsync(cartId)).ShouldSucceedAsync();
        var key = Guid.NewGuid().ToString();

        var first = await app.Store.CompleteAsync(cartId, key);
        var second = await app.Store.CompleteAsync(cartId, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(4, (await app.LevelAsync(v)).Int("available"));

        var otherCart = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.PayAsync(otherCart)).ShouldSucceedAsync();
        await (await app.Store.CompleteAsync(otherCart, key)).ShouldBeProblemAsync(422, "idempotency_key_reused");
    }

    [Fact]
    public async Task Completing_without_an_idempotency_key_is_refused()
    {
        var v = await app.StockedVariantAsync(onHand: 5);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.PayAsync(cartId)).ShouldSucceedAsync();

        await (await app.Store.PostAsync($"/store/carts/{cartId}/complete", null)).ShouldBeProblemAsync(400, "idempotency_key_required");
    }

    [Fact]
    public async Task A_cart_without_address_or_shipping_cannot_start_paying()
    {
        var v = await app.StockedVariantAsync(onHand: 5);
        var cart = await app.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
        var cartId = cart.Str("id");
        await app.Store.PostJsonAsync($"/store/carts/{cartId}/line-items", new { variantId = v.VariantId, quantity = 1 });

        var problem = await (await app.Store.PayAsync(cartId)).ShouldBeProblemAsync(400, "cart_not_ready");
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("email"));
        Assert.True(errors.ContainsKey("shippingAddress"));
        Assert.True(errors.ContainsKey("shippingMethod"));
        Assert.Equal(0, (await app.LevelAsync(v)).Int("reserved"));
        await (await app.Store.CompleteAsync(cartId)).ShouldBeProblemAsync(400, "cart_not_ready");
    }

    [Fact]
    public async Task Completing_before_paying_is_409_payment_session_required()
    {
        var v = await app.StockedVariantAsync(onHand: 5);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.CompleteAsync(cartId)).ShouldBeProblemAsync(409, "payment_session_required");
    }

    [Fact]
    public async Task Another_channels_key_cannot_pay_for_or_complete_a_cart()
    {
        var v = await app.StockedVariantAsync(onHand: 5);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        var (_, otherStore) = await app.Given.ChannelAsync();

        await (await otherStore.PayAsync(cartId)).ShouldBeProblemAsync(404, "not_found");
        await (await otherStore.CompleteAsync(cartId)).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Stock_taken_by_another_cart_after_adding_is_409_insufficient_inventory_naming_the_line()
    {
        var v = await app.StockedVariantAsync(onHand: 3);
        var first = await app.ReadyCartAsync(app.Store, (v.VariantId, 2));
        var second = await app.ReadyCartAsync(app.Store, (v.VariantId, 2));
        await (await app.Store.CheckoutAsync(first)).ShouldSucceedAsync();

        var problem = await (await app.Store.PayAsync(second)).ShouldBeProblemAsync(409, "insufficient_inventory");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("items[0].quantity"));
        Assert.Equal(1, (await app.LevelAsync(v)).Int("available"));
    }

    [Fact]
    public async Task An_expired_hold_frees_the_stock_and_the_late_cart_gets_409_with_its_payment_voided()
    {
        var v = await app.StockedVariantAsync(onHand: 1);
        var late = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.PayAsync(late)).ShouldSucceedAsync();
        Assert.Equal(0, (await app.LevelAsync(v)).Int("available"));

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var early = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.CheckoutAsync(early)).ShouldSucceedAsync();

        await (await app.Store.CompleteAsync(late)).ShouldBeProblemAsync(409, "insufficient_inventory");
        var level = await app.LevelAsync(v);
        Assert.Equal(1, level.Int("reserved"));
        Assert.Equal(0, level.Int("available"));
    }

    [Fact]
    public async Task A_cart_changed_after_payment_started_must_pay_again()
    {
        var v = await app.StockedVariantAsync(onHand: 5);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.PayAsync(cartId)).ShouldSucceedAsync();
        var lineId = (await app.Store.GetJsonAsync($"/store/carts/{cartId}")).Arr("items")[0].Str("id");
        await app.Store.PatchJsonAsync($"/store/carts/{cartId}/line-items/{lineId}", new { quantity = 2 });

        await (await app.Store.CompleteAsync(cartId)).ShouldBeProblemAsync(409, "payment_amount_mismatch");

        var completed = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        Assert.Equal(2, completed["order"]!.Arr("items")[0].Int("quantity"));
    }

    [Fact]
    public async Task Completing_a_completed_cart_with_a_new_key_answers_the_same_order()
    {
        var v = await app.StockedVariantAsync(onHand: 5);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        var first = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();

        var again = await app.Store.CompleteAsync(cartId);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.ShouldSucceedAsync();
        Assert.Equal(first["order"].Str("id"), body["order"].Str("id"));
        await (await app.Store.GetOrderAsync(body["order"].Str("id"), body.Str("orderToken"))).ShouldSucceedAsync();
        Assert.Equal(4, (await app.LevelAsync(v)).Int("available"));
    }

    [Fact]
    public async Task Concurrent_completions_of_one_cart_place_one_order()
    {
        var v = await app.StockedVariantAsync(onHand: 5);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.PayAsync(cartId)).ShouldSucceedAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.Store.CompleteAsync(cartId)));

        var orderIds = new HashSet<string>();
        foreach (var response in responses)
        {
            if (response.IsSuccessStatusCode) orderIds.Add((await response.ShouldSucceedAsync())["order"].Str("id"));
            else await response.ShouldBeProblemAsync(409, "checkout_in_progress");
        }
        Assert.Single(orderIds);
        Assert.Equal(4, (await app.LevelAsync(v)).Int("available"));
    }

    [Fact]
    public async Task Fifty_parallel_checkouts_for_ten_units_place_exactly_ten_orders()
    {
        var v = await app.StockedVariantAsync(onHand: 10);
        var carts = new List<string>();
        for (var i = 0; i < 50; i++) carts.Add(await app.ReadyCartAsync(app.Store, (v.VariantId, 1)));

        var responses = await Task.WhenAll(carts.Select(c => Task.Run(() => app.Store.CheckoutAsync(c))));

        var placed = 0;
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Created) placed++;
            else await response.ShouldBeProblemAsync(409, "insufficient_inventory");
        }
        Assert.Equal(10, placed);
        var level = await app.LevelAsync(v);
        Assert.Equal(10, level.Int("onHand"));
        Assert.Equal(10, level.Int("reserved"));
        Assert.Equal(0, level.Int("available"));
    }

    [Fact]
    public async Task A_backorderable_variant_may_be_sold_beyond_its_stock()
    {
        var v = await app.StockedVariantAsync(onHand: 1, allowBackorder: true);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 3));
        await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        Assert.Equal(-2, (await app.LevelAsync(v)).Int("available"));
    }

    [Fact]
    public async Task Tax_inclusive_regions_place_orders_whose_totals_add_up()
    {
        var v = await app.StockedVariantAsync(onHand: 5, eur: 2399);
        var cartId = await app.ReadyCartAsync(app.Store, app.EuRegionId, CheckoutTestData.DeAddress, (v.VariantId, 3));
        var order = (await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync())["order"]!;
        Assert.Equal("EUR", order.Str("currency"));
        CheckoutTestData.ShouldAddUp(order["totals"]!);
        Assert.True(order["totals"]!.Amount("tax") > 0);
        // Prices include tax here: the shopper pays the shelf prices and the shipping price, tax is inside them.
        Assert.Equal((3 * 2399) + order["shippingMethod"]!.Amount("price"), order["totals"]!.Amount("total"));
    }
}

public sealed class CompleteCartOnSqlite(SqliteApp app) : CompleteCartTests(app), IClassFixture<SqliteApp>;

public sealed class CompleteCartOnPostgres(PostgresApp app) : CompleteCartTests(app), IClassFixture<PostgresApp>;
