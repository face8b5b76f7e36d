using Mercato.Api.Tests.Admin.Orders;
using Mercato.Api.Tests.Operations;
using Mercato.Api.Tests.Store.Checkout;
using Mercato.Api.Tests.Store.Customers;

namespace Mercato.Api.Tests.Security;

/// <summary>
/// The BOLA matrix, generated from the app's EndpointDataSource: every id-bearing /store route is tried on a resource of
/// customer A in channel 1 as the wrong customer, the wrong channel, a guest and nobody, and on a guest's resource through
/// the wrong channel. Every such route must be listed in <see cref="OwnedRoutes"/> or <see cref="PublicRoutes"/>, so a new
/// route fails here until someone decides how it is protected.
/// </summary>
public abstract class ObjectLevelAuthorizationTests(MercatoApp app)
{
    /// <summary>What customer A (or a guest) owns in channel 1, to fill route parameters with.</summary>
    public sealed record Owned(string CartId, string LineId, string VariantId, string ShippingOptionId, string OrderId, string? OrderToken,
        string AddressId);

    /// <summary>Route pattern → the values of its parameters, in the order they appear in the pattern.</summary>
    private static readonly Dictionary<string, Func<Owned, string[]>> OwnedRoutes = new(StringComparer.Ordinal)
    {
        ["/store/carts/{id}"] = o => [o.CartId],
        ["/store/carts/{id}/customer"] = o => [o.CartId],
        ["/store/carts/{id}/line-items"] = o => [o.CartId],
        ["/store/carts/{id}/line-items/{lineId}"] = o => [o.CartId, o.LineId],
        ["/store/carts/{id}/shipping-method"] = o => [o.CartId],
        ["/store/carts/{id}/shipping-options"] = o => [o.CartId],
        ["/store/carts/{id}/promotion-codes"] = o => [o.CartId],
        ["/store/carts/{id}/promotion-codes/{code}"] = o => [o.CartId, "SOMECODE"],
        ["/store/carts/{id}/gift-cards"] = o => [o.CartId],
        ["/store/carts/{id}/gift-cards/{giftCardId}"] = o => [o.CartId, "gc_SOMECARD"],
        ["/store/carts/{cartId}/payment"] = o => [o.CartId],
        ["/store/carts/{cartId}/payment/confirm"] = o => [o.CartId],
        ["/store/carts/{cartId}/complete"] = o => [o.CartId],
        ["/store/orders/{id}"] = o => [o.OrderId],
        ["/store/customers/me/addresses/{addressId}"] = o => [o.AddressId],
    };

    /// <summary>
    /// Owned routes of the customer's account rather than of a channel: an account (and its address book) serves every
    /// channel of the shop, so its owner gets through with any channel's key; everybody else is refused as for the others.
    /// </summary>
    private static readonly HashSet<string> AccountRoutes = new(StringComparer.Ordinal) { "/store/customers/me/addresses/{addressId}" };

    /// <summary>Id-bearing routes that are public on purpose, with why; each has its own check below.</summary>
    private static readonly Dictionary<string, string> PublicRoutes = new(StringComparer.Ordinal)
    {
        ["/store/products/{handle}"] = "public catalog read: only published products of the key's channel (see Public_catalog_reads_*)",
    };

    /// <summary>Valid bodies, so the wrong caller is refused for who they are, not for a malformed request.</summary>
    private static readonly Dictionary<string, Func<Owned, object>> Bodies = new(StringComparer.Ordinal)
    {
        ["PATCH /store/carts/{id}"] = _ => new { email = "someone@example.com" },
        ["POST /store/carts/{id}/line-items"] = o => new { variantId = o.VariantId, quantity = 1 },
        ["PATCH /store/carts/{id}/line-items/{lineId}"] = _ => new { quantity = 2 },
        ["POST /store/carts/{id}/shipping-method"] = o => new { optionId = o.ShippingOptionId },
        ["POST /store/carts/{id}/promotion-codes"] = _ => new { code = "SOMECODE" },
        ["POST /store/carts/{id}/gift-cards"] = _ => new { code = "GC-0000-0000-0000-0000" },
        ["POST /store/carts/{cartId}/payment"] = _ => new { provider = "test", data = new { token = "tok_success" } },
        ["POST /store/carts/{cartId}/payment/confirm"] = _ => new { data = new { } },
    };

    private IReadOnlyList<ApiRoute> IdRoutes =>
        [.. RouteCatalog.Of(app).Where(r => !r.IsAdmin && r.Parameters.Count > 0)];

    [Fact]
    public void Every_id_bearing_store_route_is_in_the_table()
    {
        var missing = IdRoutes.Select(r => r.Pattern).Distinct()
            .Where(p => !OwnedRoutes.ContainsKey(p) && !PublicRoutes.ContainsKey(p)).ToList();
        var stale = OwnedRoutes.Keys.Concat(PublicRoutes.Keys).Where(p => IdRoutes.All(r => r.Pattern != p)).ToList();

        Assert.True(missing.Count == 0, "Add these routes to the BOLA table: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "These table entries match no route: " + string.Join(", ", stale));
        Assert.Contains(IdRoutes, r => r.ToString() == "POST /store/carts/{cartId}/complete");
        Assert.Contains(IdRoutes, r => r.ToString() == "GET /store/orders/{id}");
    }

    [Fact]
    public async Task A_customers_resources_are_404_for_another_customer_another_channel_and_guests_and_401_without_credentials()
    {
        var alice = await app.CustomerOnAsync(app.PublishableKey, (await app.RegisterAsync(CustomerTestData.NewEmail())).Str("id"));
        var bob = await app.CustomerAsync();
        var (_, otherKey) = await app.SecondChannelAsync();
        var failures = new List<string>();
        foreach (var route in IdRoutes.Where(r => OwnedRoutes.ContainsKey(r.Pattern)))
        {
            // A fresh resource per route: the owner's own call at the end may change or close it.
            var owned = await MakeOwnedAsync(alice);
            var signedInOnly = app.RequiresCustomer(route);
            await ExpectAsync(failures, "another customer", route, owned, app.StoreClientFor(app.PublishableKey, bob.AccessToken), 404);
            if (!AccountRoutes.Contains(route.Pattern))
                await ExpectAsync(failures, "the owner through another channel", route, owned, app.StoreClientFor(otherKey, alice.AccessToken), 404);
            await ExpectAsync(failures, "a guest of the channel", route, owned, app.StoreClientFor(app.PublishableKey, null), signedInOnly ? 401 : 404);
            await ExpectAsync(failures, "no credentials", route, owned, app.StoreClientFor(null, null), 401);
            // The owner gets through, so the rows above were refusals of a real resource, not of a wrong fill.
            var own = await SendAsync(route, owned, alice.Store);
            if (own.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized || (int)own.StatusCode >= 500)
                failures.Add($"{route} as its owner: {(int)own.StatusCode} {await own.Content.ReadAsStringAsync()}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_guests_resources_are_404_through_another_channel_even_with_their_secrets()
    {
        var (_, otherKey) = await app.SecondChannelAsync();
        var stranger = await app.CustomerOnAsync(otherKey);
        var failures = new List<string>();
        foreach (var route in IdRoutes.Where(r => OwnedRoutes.ContainsKey(r.Pattern)))
        {
            var owned = await MakeOwnedAsync(owner: null);
            var caller = app.RequiresCustomer(route) ? stranger.Store : app.StoreClientFor(otherKey, null);
            await ExpectAsync(failures, "the other channel's key", route, owned, caller, 404);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Public_catalog_reads_answer_only_published_products_of_the_keys_channel()
    {
        var (_, otherKey) = await app.SecondChannelAsync();
        var published = await app.Given.ProductAsync();
        var draft = await app.Given.ProductAsync(Given.ProductBody(status: "draft"));

        await app.Store.GetJsonAsync($"/store/products/{published.Str("handle")}");
        await (await app.Store.GetAsync($"/store/products/{draft.Str("handle")}")).ShouldBeProblemAsync(404, "not_found");
        await (await app.StoreClient(otherKey).GetAsync($"/store/products/{published.Str("handle")}")).ShouldBeProblemAsync(404, "not_found");
        await (await app.StoreClientFor(null, null).GetAsync($"/store/products/{published.Str("handle")}")).ShouldBeProblemAsync(401, "unauthorized");
    }

    /// <summary>A ready-to-pay cart with one line and an order, of <paramref name="owner"/> (a guest's when null) in channel 1.</summary>
    private async Task<Owned> MakeOwnedAsync(TestCustomer? owner)
    {
        var store = owner?.Store ?? app.Store;
        var variant = await app.StockedVariantAsync(onHand: 10);
        var cartId = await app.ReadyCartAsync(store, (variant.VariantId, 1));
        var cart = await store.GetJsonAsync($"/store/carts/{cartId}");
        var placed = await app.PlaceAsync(app.Draft([OrderTestData.Line(Given.Unique("SKU"), 1, manageInventory: false)])
            with
        { CustomerId = owner?.Id });
        // Addresses belong to registered customers only; a guest's stand-in is somebody else's address.
        var addressOwner = owner ?? await app.CustomerOnAsync(app.PublishableKey, (await app.RegisterAsync(CustomerTestData.NewEmail())).Str("id"));
        var address = await addressOwner.Store.PostJsonAsync("/store/customers/me/addresses",
            new { firstName = "Alice", lastName = "Owner", line1 = "1 Main St", city = "Springfield", postalCode = "12345", countryCode = "US" });
        return new Owned(cartId, cart.Arr("items")[0].Str("id"), variant.VariantId, await app.ShippingOptionAsync(app.UsRegionId),
            placed.OrderId, owner is null ? placed.OrderToken : null, address.Str("id"));
    }

    private static async Task ExpectAsync(List<string> failures, string who, ApiRoute route, Owned owned, HttpClient client, int status)
    {
        var response = await SendAsync(route, owned, client);
        if ((int)response.StatusCode != status)
        {
            failures.Add($"{route} as {who}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return;
        }
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var code = status == 404 ? "not_found" : "unauthorized";
        if (problem?["code"]?.GetValue<string>() != code) failures.Add($"{route} as {who}: code {problem?["code"]}, expected {code}");
    }

    private static Task<HttpResponseMessage> SendAsync(ApiRoute route, Owned owned, HttpClient client)
    {
        var values = new Queue<string>(OwnedRoutes[route.Pattern](owned));
        var url = route.Pattern;
        foreach (var parameter in route.Parameters)
            url = url.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(values.Dequeue()), StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
        if (Bodies.TryGetValue(route.ToString(), out var body)) request.Content = JsonContent.Create(body(owned));
        else if (route.HasJsonBody) request.Content = JsonContent.Create(new { });
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        // A guest's order is read with its token: the wrong channel must still be refused with the right secret.
        if (owned.OrderToken is not null) request.Headers.Add("X-Order-Token", owned.OrderToken);
        return client.SendAsync(request);
    }
}

public sealed class ObjectLevelAuthorizationOnSqlite(SqliteApp app) : ObjectLevelAuthorizationTests(app), IClassFixture<SqliteApp>;

public sealed class ObjectLevelAuthorizationOnPostgres(PostgresApp app) : ObjectLevelAuthorizationTests(app), IClassFixture<PostgresApp>;
