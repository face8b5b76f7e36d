using Mercato.Inventory.Contracts;
using Mercato.Kernel.Addresses;
using Mercato.Kernel.Money;
using Mercato.Orders.Contracts;
using Mercato.Payments.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Orders;

/// <summary>
/// Orders as Checkout places them (through <see cref="IOrderPlacement"/> in a scope), with a real authorized payment of the
/// <c>test</c> provider and stock held for the order through Inventory's contract.
/// </summary>
public static class OrderTestData
{
    public static Address Address { get; } = new("Ada", "Lovelace", null, "1 Main St", null, "Springfield", "IL", "62701", "US", "+15551234567");

    /// <summary>A line of <paramref name="quantity"/> units at <paramref name="unitPrice"/> with 10% tax on top.</summary>
    public static OrderLineDraft Line(string sku, int quantity, long unitPrice = 1000, bool manageInventory = true, string variantId = "var_test")
    {
        var subtotal = unitPrice * quantity;
        var tax = subtotal / 10;
        return new OrderLineDraft(variantId, "prod_test", sku, "Linen Shirt", "M", new Dictionary<string, string> { ["Size"] = "M" },
            null, quantity, unitPrice, subtotal, 0, 1000, tax, subtotal + tax, manageInventory, false);
    }

    /// <summary>An order draft for the app's default channel and US region, with 5.00 shipping.</summary>
    public static OrderDraft Draft(this MercatoApp app, IReadOnlyList<OrderLineDraft> lines, string? email = null, string? channelId = null,
        string paymentId = "pay_none", bool authorized = true, string? cartId = null)
    {
        var subtotal = lines.Sum(l => l.Subtotal);
        var tax = lines.Sum(l => l.Tax);
        const long shipping = 500;
        return new OrderDraft(cartId ?? Given.Unique("cart"), channelId ?? app.ChannelId, app.UsRegionId, "USD", false,
            email ?? $"{Given.Unique("shopper")}@example.com", null, Address, null, new OrderShippingDraft("so_standard", "Standard", shipping, 0, 0),
            lines, new OrderTotalsDraft(subtotal, 0, shipping, tax, subtotal + tax + shipping), paymentId, "test", authorized);
    }

    public static async Task<PlacedOrder> PlaceAsync(this MercatoApp app, OrderDraft draft)
    {
        await using var scope = app.Scope();
        var placed = await scope.ServiceProvider.GetRequiredService<IOrderPlacement>().PlaceAsync(draft, CancellationToken.None);
        Assert.NotNull(placed);
        return placed;
    }

    /// <summary>Places an order without touching payments or stock (for lists, reads and numbering).</summary>
    public static Task<PlacedOrder> PlaceSimpleAsync(this MercatoApp app, string? email = null, string? channelId = null, long unitPrice = 1000,
        int quantity = 1) =>
        app.PlaceAsync(app.Draft([Line(Given.Unique("SKU"), quantity, unitPrice, manageInventory: false)], email, channelId));

    /// <summary>
    /// The real thing: a product with stock at a location of its own, a hold converted into the order's reservation,
    /// and a <c>test</c> payment authorized with <c>tok_success</c>.
    /// </summary>
    public static async Task<PaidOrder> PlacePaidAsync(this MercatoApp app, int quantity = 2, int onHand = 10, long unitPrice = 1000)
    {
        var stocked = await app.StockedVariantAsync(onHand);
        var cartId = Given.Unique("cart");
        var line = Line(stocked.Sku, quantity, unitPrice, variantId: stocked.VariantId);
        var draft = app.Draft([line], cartId: cartId);
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var stock = services.GetRequiredService<IStockReservations>();
        var shortages = await stock.HoldAsync(cartId, [new StockDemand(stocked.Sku, quantity, false)], app.Clock.GetUtcNow().AddMinutes(15), CancellationToken.None);
        Assert.Empty(shortages);
        var payments = services.GetRequiredService<IPayments>();
        var token = JsonDocument.Parse("""{"token":"tok_success"}""").RootElement;
        var session = await payments.StartSessionAsync(cartId, "test", token, new Money(draft.Totals.Total, Currency.Of("USD")), CancellationToken.None);
        Assert.Null(session.Error);
        var authorized = await payments.AuthorizeAsync(session.Value!.Id, CancellationToken.None);
        Assert.Null(authorized.Error);
        var placed = await services.GetRequiredService<IOrderPlacement>().PlaceAsync(draft with { PaymentId = session.Value.Id }, CancellationToken.None);
        Assert.NotNull(placed);
        Assert.True(await stock.ConvertHoldAsync(cartId, placed.OrderId, CancellationToken.None));
        await payments.AttachOrderAsync(session.Value.Id, placed.OrderId, CancellationToken.None);
        return new PaidOrder(placed, stocked.Sku, stocked.LocationId, session.Value.Id, draft.Totals.Total);
    }

    /// <summary>A product whose single variant has <paramref name="onHand"/> units at a new stock location.</summary>
    public static async Task<(string Sku, string VariantId, string LocationId)> StockedVariantAsync(this MercatoApp app, int onHand)
    {
        var product = await app.Given.ProductAsync(AdminTestData.OneVariantBody());
        var variant = product.Arr("variants")[0]!;
        var location = await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = Given.Unique("Warehouse") });
        var sku = variant.Str("sku");
        var response = await app.Admin.PutAsJsonAsync($"/admin/inventory/{sku}/levels/{location.Str("id")}", new { onHand });
        await response.ShouldSucceedAsync();
        return (sku, variant.Str("id"), location.Str("id"));
    }

    /// <summary>Available stock of a SKU over every location (on hand minus reserved and held).</summary>
    public static async Task<int> AvailableAsync(this MercatoApp app, string sku)
    {
        await using var scope = app.Scope();
        var levels = await scope.ServiceProvider.GetRequiredService<IStockAvailability>().ForSkusAsync([sku], CancellationToken.None);
        return levels[sku].Available;
    }

    /// <summary>On hand at one location, read from the admin levels of the SKU.</summary>
    public static async Task<int> OnHandAsync(this MercatoApp app, string sku, string locationId)
    {
        var levels = await app.Admin.GetJsonAsync($"/admin/inventory/{sku}/levels");
        return levels.Arr("levels").Single(l => l.Str("locationId") == locationId).Int("onHand");
    }

    public static async Task<PaymentView> PaymentAsync(this MercatoApp app, string paymentId)
    {
        await using var scope = app.Scope();
        var payment = await scope.ServiceProvider.GetRequiredService<IPayments>().FindAsync(paymentId, CancellationToken.None);
        Assert.NotNull(payment);
        return payment;
    }

    public static Task<HttpResponseMessage> PostOrderAsync(this MercatoApp app, string orderId, string action, object? body = null,
        string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/orders/{orderId}/{action}");
        if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null) request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(ifMatch));
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return app.Admin.SendAsync(request);
    }

    public static async Task<JsonNode> OrderAsync(this MercatoApp app, string orderId) => await app.Admin.GetJsonAsync($"/admin/orders/{orderId}");

    public static string[] TimelineKinds(this JsonNode order) => [.. order.Arr("timeline").Select(t => t.Str("kind"))];

    public static long Money(this JsonNode? node, string property) => node![property]!.Long("amount");
}

public sealed record PaidOrder(PlacedOrder Placed, string Sku, string LocationId, string PaymentId, long Total)
{
    public string Id => Placed.OrderId;

    public string LineId => Placed.Order.Items[0].Id;
}
