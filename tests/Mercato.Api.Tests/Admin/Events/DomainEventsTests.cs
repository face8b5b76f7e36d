using System.Globalization;
using Mercato.Api.Tests.Store.Checkout;
using Mercato.Api.Tests.Store.Customers;

namespace Mercato.Api.Tests.Admin.Events;

/// <summary>Each state change raises its event, numbered per resource, with the Admin API's state; a refused change raises none.</summary>
public abstract class DomainEventsTests(MercatoApp app)
{
    [Fact]
    public async Task Product_changes_raise_created_updated_price_changed_and_deleted_with_the_state_as_of_each_change()
    {
        var product = await app.Given.ProductAsync();
        var id = product.Str("id");
        var variant = product.Arr("variants")[0]!;
        var variantId = variant.Str("id");

        var repriced = await app.Admin.PatchJsonAsync($"/admin/products/{id}/variants/{variantId}",
            new { prices = new[] { new { amount = 2500, currency = "USD" }, new { amount = 1899, currency = "EUR" } } });
        var renamed = await app.Admin.PatchJsonAsync($"/admin/products/{id}", new { title = "Renamed" });
        await (await app.Admin.SendWithIfMatchAsync(HttpMethod.Patch, $"/admin/products/{id}", new { title = "Stale" }, "\"1\""))
            .ShouldBeProblemAsync(412, "version_conflict");
        await (await app.Admin.PatchAsJsonAsync($"/admin/products/{id}", new { title = "" })).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Admin.DeleteAsync($"/admin/products/{id}")).ShouldSucceedAsync();

        var events = await app.EventsOfAsync(id);
        Assert.Equal(["product.created", "product.updated", "product.updated", "product.deleted"], EventsTestData.TypesInSequence(events));
        Assert.All(events, e => Assert.Equal("product", e.Str("resourceType")));
        Assert.All(events, e => Assert.Equal(id, e.Str("resourceId")));
        Assert.Equal(1, events[0]["data"].Int("version"));
        Assert.True(JsonNode.DeepEquals(repriced, events[1]["data"]), "the event's state is the response of the change");
        Assert.True(JsonNode.DeepEquals(renamed, events[2]["data"]));
        Assert.Equal("Renamed", events[3]["data"].Str("title"));

        var prices = await app.EventsOfAsync(variantId);
        Assert.Equal(["variant.price_changed", "variant.price_changed"], EventsTestData.TypesInSequence(prices));
        Assert.Empty(prices[0]["data"].Arr("before"));
        var change = prices[1]["data"]!;
        Assert.Equal(variantId, change.Str("variantId"));
        Assert.Equal(id, change.Str("productId"));
        Assert.Equal(variant.Str("sku"), change.Str("sku"));
        Assert.Contains(change.Arr("before"), p => p.Str("currency") == "USD" && p.Long("amount") == 1999);
        Assert.Contains(change.Arr("after"), p => p.Str("currency") == "USD" && p.Long("amount") == 2500);
    }

    [Fact]
    public async Task Stock_changes_raise_level_changed_each_time_and_low_stock_once_when_available_falls_to_the_threshold()
    {
        var v = await app.StockedVariantAsync(onHand: 10);
        var url = $"/admin/inventory/{v.Sku}/levels/{v.LocationId}/adjustments";
        await (await app.Admin.PostAsJsonAsync(url, new { delta = -5, reason = "damaged" })).ShouldSucceedAsync();
        await (await app.Admin.PostAsJsonAsync(url, new { delta = -1, reason = "damaged" })).ShouldSucceedAsync();
        await (await app.Admin.PostAsJsonAsync(url, new { delta = -50, reason = "too many" })).ShouldBeProblemAsync(409, "insufficient_inventory");

        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 2));
        await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();

        var levelId = $"{v.Sku}@{v.LocationId}";
        var events = await app.EventsOfAsync(levelId);
        var types = EventsTestData.TypesInSequence(events);
        Assert.Equal(["inventory_level.changed", "inventory_level.changed", "inventory_level.low_stock", "inventory_level.changed"],
            types[..4]);
        Assert.All(events, e => Assert.Equal("inventory_level", e.Str("resourceType")));
        Assert.Equal(10, events[0]["data"].Int("available"));
        Assert.Equal(5, events[1]["data"].Int("available"));
        Assert.Equal(4, events[3]["data"].Int("available"));
        Assert.Single(events, e => e.Str("type") == "inventory_level.low_stock");
        // The checkout's hold takes 2 more: a change, and no second low-stock event while already low.
        var last = events[^1]["data"]!;
        Assert.Equal(2, last.Int("reserved"));
        Assert.Equal(2, last.Int("available"));
        var level = await app.LevelAsync(v);
        Assert.Equal(level.Int("version"), last.Int("version"));
    }

    [Fact]
    public async Task An_order_raises_an_event_for_each_step_of_its_life_in_order()
    {
        var v = await app.StockedVariantAsync(onHand: 10, usd: 3000);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 3));
        var completed = await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync();
        var orderId = completed["order"].Str("id");
        async Task<JsonNode> Post(string path, object body) =>
            await (await app.Admin.PostAsJsonAsync($"/admin/orders/{orderId}{path}", body)).ShouldSucceedAsync();

        await Post("/capture", new { });
        var lineId = (await app.Admin.GetJsonAsync($"/admin/orders/{orderId}")).Arr("items")[0].Str("id");
        var fulfilled = await Post("/fulfillments", new { items = new[] { new { lineId, quantity = 3 } }, locationId = v.LocationId });
        var fulfillmentId = fulfilled.Arr("fulfillments")[0].Str("id");
        await (await app.Admin.PostAsJsonAsync($"/admin/orders/{orderId}/fulfillments/{fulfillmentId}/deliver", new { }))
            .ShouldBeProblemAsync(409, "fulfillment_not_shipped");
        await Post($"/fulfillments/{fulfillmentId}/ship", new { carrier = "UPS", trackingNumber = "1Z" });
        await Post($"/fulfillments/{fulfillmentId}/deliver", new { });
        await Post("/refunds", new { amount = 500 });
        var requested = await Post("/returns", new { items = new[] { new { lineId, quantity = 1 } } });
        var last = await Post($"/returns/{requested.Arr("returns")[0].Str("id")}/receive", new { restock = true, refundAmount = 1000 });

        var events = await app.EventsOfAsync(orderId);
        Assert.Equal(["order.placed", "order.paid", "order.captured", "order.fulfilled", "order.shipped", "order.delivered", "order.refunded",
            "order.return_received", "order.refunded"], EventsTestData.TypesInSequence(events));
        Assert.All(events, e => Assert.Equal("order", e.Str("resourceType")));
        Assert.Equal("authorized", events[0]["data"].Str("paymentStatus"));
        Assert.Equal(1, events[0]["data"].Int("version"));
        Assert.Equal("captured", events[2]["data"].Str("paymentStatus"));
        Assert.Equal("delivered", events[5]["data"].Str("fulfillmentStatus"));
        Assert.True(JsonNode.DeepEquals(last, events[^1]["data"]), "the last event's state is the last response");
    }

    [Fact]
    public async Task A_canceled_order_raises_canceled_and_a_declined_checkout_raises_no_order_event()
    {
        var v = await app.StockedVariantAsync(onHand: 10);
        var placedBefore = (await app.EventsOfAsync(v.Sku + "-none", "order.placed")).Count;
        var declined = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.CheckoutAsync(declined, "tok_decline")).ShouldBeProblemAsync(402, "payment_declined");
        var feed = await app.Admin.GetJsonAsync("/admin/events?type=order.placed&limit=100");
        Assert.DoesNotContain(feed.Arr("items"), e => e!["data"].Str("cartId") == declined);
        Assert.Equal(0, placedBefore);

        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        var orderId = (await (await app.Store.CheckoutAsync(cartId)).ShouldSucceedAsync())["order"].Str("id");
        var canceled = await (await app.Admin.PostAsJsonAsync($"/admin/orders/{orderId}/cancel", new { })).ShouldSucceedAsync();
        await (await app.Admin.PostAsJsonAsync($"/admin/orders/{orderId}/cancel", new { })).ShouldBeProblemAsync(409, "order_not_cancelable");

        var events = await app.EventsOfAsync(orderId);
        Assert.Equal(["order.placed", "order.paid", "order.canceled"], EventsTestData.TypesInSequence(events));
        Assert.True(JsonNode.DeepEquals(canceled, events[2]["data"]));
    }

    [Fact]
    public async Task A_cart_raises_created_then_abandoned_once_per_idle_spell_and_its_events_never_hold_its_id()
    {
        var v = await app.StockedVariantAsync(onHand: 10);
        await app.RunJobsAsync();
        var cart = await app.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
        var cartId = cart.Str("id");
        var empty = await app.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
        await app.Store.PostJsonAsync($"/store/carts/{cartId}/line-items", new { variantId = v.VariantId, quantity = 1 });
        var reference = EventsTestData.CartReference(cartId);

        app.Clock.Advance(TimeSpan.FromHours(25));
        await app.RunJobsAsync();
        await app.RunJobsAsync();
        var events = await app.EventsOfAsync(reference);
        Assert.Equal(["cart.created", "cart.abandoned"], EventsTestData.TypesInSequence(events));
        Assert.All(events, e => Assert.Equal("cart", e.Str("resourceType")));
        Assert.All(events, e => Assert.DoesNotContain(cartId, e.ToJsonString(), StringComparison.Ordinal));
        Assert.Equal(reference, events[1]["data"].Str("reference"));
        Assert.Single(events[1]["data"].Arr("items"));
        Assert.NotNull(events[1]["data"]!["abandonedAt"]);
        Assert.DoesNotContain(await app.EventsOfAsync(EventsTestData.CartReference(empty.Str("id"))), e => e.Str("type") == "cart.abandoned");

        // A change makes the cart active again: it may be abandoned once more.
        await app.Store.PostJsonAsync($"/store/carts/{cartId}/line-items", new { variantId = v.VariantId, quantity = 1 });
        app.Clock.Advance(TimeSpan.FromHours(25));
        await app.RunJobsAsync();
        Assert.Equal(["cart.created", "cart.abandoned", "cart.abandoned"], EventsTestData.TypesInSequence(await app.EventsOfAsync(reference)));
    }

    [Fact]
    public async Task Customers_raise_created_on_registration_and_updated_on_each_change_without_secrets()
    {
        var customer = await app.RegisteredCustomerAsync();
        var group = await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "VIP", handle = Given.Unique("vip") });
        await (await app.Admin.PostAsJsonAsync($"/admin/customer-groups/{group.Str("id")}/customers/{customer.Id}", new { })).ShouldSucceedAsync();
        await app.Admin.PatchJsonAsync($"/admin/customers/{customer.Id}", new { firstName = "Ada" });
        await (await app.Admin.SendWithIfMatchAsync(HttpMethod.Patch, $"/admin/customers/{customer.Id}", new { firstName = "Stale" }, "\"1\""))
            .ShouldBeProblemAsync(412, "version_conflict");
        var token = await app.TokenFromEmailAsync(customer.Email, "customer.verify_email");
        await (await app.Store.PostAsJsonAsync("/store/auth/verify-email", new { token })).ShouldSucceedAsync();

        var events = await app.EventsOfAsync(customer.Id);
        Assert.Equal(["customer.created", "customer.updated", "customer.updated", "customer.updated"], EventsTestData.TypesInSequence(events));
        Assert.Equal(customer.Email, events[0]["data"].Str("email"));
        Assert.Equal(group.Str("id"), events[1]["data"].Arr("groups")[0].Str("id"));
        Assert.Equal("Ada", events[2]["data"].Str("firstName"));
        Assert.True(events[3]["data"]!["emailVerified"]!.GetValue<bool>());
        var versions = events.Select(e => e["data"].Int("version")).ToList();
        Assert.Equal([1, 2, 3, 4], versions);
        Assert.All(events, e => Assert.DoesNotContain("password", e.ToJsonString(), StringComparison.OrdinalIgnoreCase));
        Assert.All(events, e => Assert.DoesNotContain(token, e.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Renaming_or_deleting_a_group_updates_each_member_with_an_event_and_a_new_updated_at()
    {
        var (member, outsider) = (await app.RegisteredCustomerAsync(), await app.RegisteredCustomerAsync());
        var group = await app.Admin.PostJsonAsync("/admin/customer-groups", new { name = "VIP", handle = Given.Unique("vip") });
        await (await app.Admin.PostAsJsonAsync($"/admin/customer-groups/{group.Str("id")}/customers/{member.Id}", new { })).ShouldSucceedAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = app.Clock.GetUtcNow();

        await app.Admin.PatchJsonAsync($"/admin/customer-groups/{group.Str("id")}", new { description = "Only the description" });
        await app.Admin.PatchJsonAsync($"/admin/customer-groups/{group.Str("id")}", new { name = "Gold" });
        await (await app.Admin.DeleteAsync($"/admin/customer-groups/{group.Str("id")}")).ShouldSucceedAsync();

        var events = await app.EventsOfAsync(member.Id);
        Assert.Equal(["customer.created", "customer.updated", "customer.updated", "customer.updated"], EventsTestData.TypesInSequence(events));
        Assert.Equal("Gold", events[2]["data"].Arr("groups")[0].Str("name"));
        Assert.Empty(events[3]["data"].Arr("groups"));
        var customer = await app.Admin.GetJsonAsync($"/admin/customers/{member.Id}");
        Assert.True(DateTimeOffset.Parse(customer.Str("updatedAt"), CultureInfo.InvariantCulture) >= before);
        Assert.Empty(customer.Arr("groups"));
        Assert.Equal(["customer.created"], EventsTestData.TypesInSequence(await app.EventsOfAsync(outsider.Id)));
    }

    [Fact]
    public async Task The_feed_pages_by_position_and_filters_by_type_and_resource()
    {
        var product = await app.Given.ProductAsync();
        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { title = "One" });
        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}", new { title = "Two" });

        var first = await app.Admin.GetJsonAsync($"/admin/events?resourceId={product.Str("id")}&limit=2");
        Assert.Equal(2, first.Arr("items").Count);
        var second = await app.Admin.GetJsonAsync($"/admin/events?resourceId={product.Str("id")}&limit=2&cursor={first.Str("nextCursor")}");
        Assert.Single(second.Arr("items"));
        Assert.Null(second["nextCursor"]);
        Assert.Equal(3, second.Arr("items")[0].Long("sequence"));
        var item = second.Arr("items")[0]!;
        Assert.StartsWith("evt_", item.Str("id"), StringComparison.Ordinal);
        Assert.NotNull(item["occurredAt"]);

        var updated = await app.EventsOfAsync(product.Str("id"), "product.updated");
        Assert.Equal([2L, 3L], updated.Select(e => e.Long("sequence")));
        await (await app.Admin.GetAsync("/admin/events?cursor=nonsense")).ShouldBeProblemAsync(400, "invalid_cursor");
        await (await app.Admin.GetAsync("/admin/events?limit=0")).ShouldBeProblemAsync(400, "validation_failed");
    }
}

public sealed class DomainEventsOnSqlite(SqliteApp app) : DomainEventsTests(app), IClassFixture<SqliteApp>;

public sealed class DomainEventsOnPostgres(PostgresApp app) : DomainEventsTests(app), IClassFixture<PostgresApp>;
