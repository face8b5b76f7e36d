using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Mercato.Api.Tests.Store.Checkout;

/// <summary>A stocked variant: its ids and the location that holds its stock.</summary>
public sealed record StockedVariant(string ProductId, string Handle, string VariantId, string Sku, string LocationId);

/// <summary>The journey's building blocks, all through the public APIs, as a storefront and a back office would do them.</summary>
public static class CheckoutTestData
{
    public static readonly object UsAddress = new
    {
        firstName = "Ada", lastName = "Lovelace", line1 = "1 Main Street", city = "Springfield", postalCode = "12345",
        countryCode = "US", phone = "+1 555 0100",
    };

    public static readonly object DeAddress = new
    {
        firstName = "Grace", lastName = "Hopper", line1 = "Hauptstrasse 1", city = "Berlin", postalCode = "10115", countryCode = "DE",
    };

    /// <summary>A published product with one variant priced <paramref name="usd"/> and <paramref name="onHand"/> units in stock.</summary>
    public static async Task<StockedVariant> StockedVariantAsync(this MercatoApp app, int onHand, long usd = 2500, long eur = 2400,
        bool allowBackorder = false)
    {
        var handle = Given.Unique("stocked");
        var body = Given.ProductBody(handle, usd: usd, eur: eur, sizes: ["One"]);
        if (allowBackorder)
        {
            body["variants"] = new[]
            {
                new
                {
                    sku = $"{handle}-ONE".ToUpperInvariant(), title = "One", options = new Dictionary<string, string> { ["Size"] = "One" },
                    manageInventory = true, allowBackorder = true,
                    prices = new[] { new { amount = usd, currency = "USD" }, new { amount = eur, currency = "EUR" } },
                },
            };
        }
        var product = await app.Given.ProductAsync(body);
        var variant = product.Arr("variants")[0]!;
        var location = await app.LocationAsync();
        await (await app.Admin.PutAsJsonAsync($"/admin/inventory/{variant.Str("sku")}/levels/{location}", new { onHand }))
            .ShouldSucceedAsync();
        return new StockedVariant(product.Str("id"), handle, variant.Str("id"), variant.Str("sku"), location);
    }

    /// <summary>A stock location for this app (created once per app through the Admin API).</summary>
    public static async Task<string> LocationAsync(this MercatoApp app)
    {
        var existing = await app.Admin.GetJsonAsync("/admin/stock-locations?limit=1");
        if (existing.Arr("items").Count > 0) return existing.Arr("items")[0].Str("id");
        return (await app.Admin.PostJsonAsync("/admin/stock-locations", new { name = "Test warehouse", isDefault = true })).Str("id");
    }

    /// <summary>A flat-rate shipping option in the region (created once per region and app).</summary>
    public static async Task<string> ShippingOptionAsync(this MercatoApp app, string regionId, long amount = 500)
    {
        var existing = await app.Admin.GetJsonAsync($"/admin/shipping-options?regionId={regionId}&limit=100");
        if (existing.Arr("items").FirstOrDefault(o => o.Str("name") == "Test standard") is { } option) return option.Str("id");
        return (await app.Admin.PostJsonAsync("/admin/shipping-options",
            new { regionId, name = "Test standard", pricingType = "flat", amount })).Str("id");
    }

    public static async Task<JsonNode> LevelAsync(this MercatoApp app, StockedVariant v)
    {
        var levels = await app.Admin.GetJsonAsync($"/admin/inventory/{v.Sku}/levels");
        return levels.Arr("levels").Single(l => l.Str("locationId") == v.LocationId)!;
    }

    /// <summary>A cart with the lines, an email, a shipping address and the test shipping option: ready to pay.</summary>
    public static async Task<string> ReadyCartAsync(this MercatoApp app, HttpClient store, params (string VariantId, int Quantity)[] lines) =>
        await app.ReadyCartAsync(store, app.UsRegionId, UsAddress, lines);

    public static async Task<string> ReadyCartAsync(this MercatoApp app, HttpClient store, string regionId, object address,
        params (string VariantId, int Quantity)[] lines)
    {
        var shippingOption = await app.ShippingOptionAsync(regionId);
        var cart = await store.PostJsonAsync("/store/carts", new { regionId, email = $"{Given.Unique("shopper")}@example.com" });
        var id = cart.Str("id");
        foreach (var (variantId, quantity) in lines)
            await store.PostJsonAsync($"/store/carts/{id}/line-items", new { variantId, quantity });
        await store.PatchJsonAsync($"/store/carts/{id}", new { shippingAddress = address });
        await store.PostJsonAsync($"/store/carts/{id}/shipping-method", new { optionId = shippingOption });
        return id;
    }

    public static Task<HttpResponseMessage> PayAsync(this HttpClient store, string cartId, string token = "tok_success") =>
        store.PostAsJsonAsync($"/store/carts/{cartId}/payment", new { provider = "test", data = new { token } });

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient store, string cartId, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/store/carts/{cartId}/complete");
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return store.SendAsync(request);
    }

    /// <summary>Pays with <paramref name="token"/> and completes; returns the completion's response.</summary>
    public static async Task<HttpResponseMessage> CheckoutAsync(this HttpClient store, string cartId, string token = "tok_success")
    {
        var paid = await store.PayAsync(cartId, token);
        return paid.IsSuccessStatusCode ? await store.CompleteAsync(cartId) : paid;
    }

    public static Task<HttpResponseMessage> GetOrderAsync(this HttpClient store, string orderId, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/store/orders/{orderId}");
        if (token is not null) request.Headers.Add("X-Order-Token", token);
        return store.SendAsync(request);
    }

    /// <summary>Money field as minor units.</summary>
    public static long Amount(this JsonNode? node, string property) => node![property]!["amount"]!.GetValue<long>();

    public static void ShouldAddUp(JsonNode totals) =>
        Assert.Equal(totals.Amount("total"),
            totals.Amount("subtotal") - totals.Amount("discount") + totals.Amount("shipping") + totals.Amount("tax"));
}
