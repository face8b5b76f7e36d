using Mercato.Api.Tests.Security;
using Mercato.Api.Tests.Store.Checkout;
using Mercato.Customers.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Store.Carts;

/// <summary>The merge the Customers module runs on sign-in, through its contract <see cref="ISignInCartMerger"/>.</summary>
public abstract class SignInCartMergeTests(MercatoApp app)
{
    private async Task<string?> MergeAsync(string customerId, string? guestCartId, string? channelId = null)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ISignInCartMerger>()
            .MergeAsync(customerId, channelId ?? app.ChannelId, guestCartId, CancellationToken.None);
    }

    private static async Task<string> CartWithAsync(HttpClient store, string regionId, params (string VariantId, int Quantity)[] lines)
    {
        var id = (await store.PostJsonAsync("/store/carts", new { regionId })).Str("id");
        foreach (var (variantId, quantity) in lines)
            await store.PostJsonAsync($"/store/carts/{id}/line-items", new { variantId, quantity });
        return id;
    }

    private static int QuantityOf(JsonNode cart, string variantId) =>
        cart.Arr("items").Where(i => i.Str("variantId") == variantId).Sum(i => i.Int("quantity"));

    [Fact]
    public async Task The_guest_cart_becomes_the_customers_with_their_open_cart_merged_into_it()
    {
        var alice = await app.CustomerAsync();
        var product = await app.StockedProductAsync();
        var (shirt, socks) = (product.Arr("variants")[0].Str("id"), product.Arr("variants")[1].Str("id"));
        var old = await CartWithAsync(alice.Store, app.UsRegionId, (shirt, 3), (socks, 1));
        var guest = await CartWithAsync(app.Store, app.UsRegionId, (shirt, 2));

        var merged = await MergeAsync(alice.Id, guest);

        Assert.Equal(guest, merged);
        var cart = await alice.Store.GetJsonAsync($"/store/carts/{guest}");
        Assert.Equal(5, QuantityOf(cart, shirt));
        Assert.Equal(1, QuantityOf(cart, socks));
        Assert.Equal(cart.Arr("items").Sum(i => i.Amount("subtotal")), cart["totals"].Amount("subtotal"));
        Assert.Equal(5 * 1999 + 2099, cart["totals"].Amount("subtotal"));
        await (await app.Store.GetAsync($"/store/carts/{guest}")).ShouldBeProblemAsync(404, "not_found");
        // The merged-in cart is closed: it no longer shows as the customer's cart nor takes changes.
        await (await alice.Store.GetAsync($"/store/carts/{old}")).ShouldBeProblemAsync(410, "cart_expired");
        Assert.Equal(guest, (await alice.Store.GetJsonAsync("/store/customers/me/cart")).Str("id"));
    }

    [Fact]
    public async Task The_merged_in_carts_promotion_codes_and_gift_cards_come_along()
    {
        var alice = await app.CustomerAsync();
        var product = await app.StockedProductAsync();
        var shirt = product.Arr("variants")[0].Str("id");
        var promotion = await app.Admin.PostJsonAsync("/admin/promotions", new
        {
            name = "Merge five", requiresCode = true, action = new { type = "order_fixed", amount = 500 },
            conditions = new { productIds = new[] { product.Str("id") }, currencyCodes = new[] { "USD" } },
        });
        var code = Given.Unique("MERGE").ToUpperInvariant();
        await app.Admin.PostJsonAsync($"/admin/promotions/{promotion.Str("id")}/codes", new { code });
        var card = await app.Admin.PostJsonAsync("/admin/gift-cards", new { amount = 1000, currency = "USD" });
        var old = await CartWithAsync(alice.Store, app.UsRegionId, (shirt, 2));
        await (await alice.Store.PostAsJsonAsync($"/store/carts/{old}/promotion-codes", new { code })).ShouldSucceedAsync();
        await (await alice.Store.PostAsJsonAsync($"/store/carts/{old}/gift-cards", new { code = card.Str("code") })).ShouldSucceedAsync();
        var guest = await CartWithAsync(app.Store, app.UsRegionId, (shirt, 1));

        Assert.Equal(guest, await MergeAsync(alice.Id, guest));

        var cart = await alice.Store.GetJsonAsync("/store/customers/me/cart");
        Assert.Equal(guest, cart.Str("id"));
        Assert.Equal(500, cart["totals"].Amount("discount"));
        var applied = Assert.Single(cart.Arr("giftCards"))!;
        Assert.Equal(card.Str("id"), applied.Str("id"));
        Assert.Equal(1000, applied.Amount("applied"));
        Assert.Equal(cart["totals"].Amount("total") - 1000, cart.Amount("amountDue"));
    }

    [Fact]
    public async Task Without_a_guest_cart_the_answer_is_the_customers_latest_open_cart_or_null()
    {
        var alice = await app.CustomerAsync();

        Assert.Null(await MergeAsync(alice.Id, null));

        await CartWithAsync(alice.Store, app.UsRegionId);
        var latest = await CartWithAsync(alice.Store, app.UsRegionId);

        Assert.Equal(latest, await MergeAsync(alice.Id, null));
        Assert.Null(await MergeAsync(alice.Id, null, channelId: (await app.SecondChannelAsync()).Id));
    }

    [Fact]
    public async Task A_guest_cart_the_customer_may_not_reach_is_left_alone()
    {
        var alice = await app.CustomerAsync();
        var bob = await app.CustomerAsync();
        var (otherChannel, otherKey) = await app.SecondChannelAsync();
        var alicesCart = await CartWithAsync(alice.Store, app.UsRegionId);
        var bobsCart = await CartWithAsync(bob.Store, app.UsRegionId);
        var elsewhere = await CartWithAsync(app.StoreClient(otherKey), app.UsRegionId);

        Assert.Equal(alicesCart, await MergeAsync(alice.Id, bobsCart));
        Assert.Equal(alicesCart, await MergeAsync(alice.Id, elsewhere));
        Assert.Equal(alicesCart, await MergeAsync(alice.Id, "cart_unknown"));

        await bob.Store.GetJsonAsync($"/store/carts/{bobsCart}");
        await app.StoreClient(otherKey).GetJsonAsync($"/store/carts/{elsewhere}");
        await alice.Store.GetJsonAsync($"/store/carts/{alicesCart}");
        Assert.NotEqual(otherChannel, app.ChannelId);
    }

    [Fact]
    public async Task An_expired_guest_cart_is_not_taken_over()
    {
        var alice = await app.CustomerAsync();
        var guest = await CartWithAsync(app.Store, app.UsRegionId);
        Assert.Null(await MergeAsync(alice.Id, null));
        app.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Null(await MergeAsync(alice.Id, guest));
        await (await app.Store.GetAsync($"/store/carts/{guest}")).ShouldBeProblemAsync(410, "cart_expired");
    }

    [Fact]
    public async Task Merged_quantities_are_capped_and_lines_no_longer_sold_are_dropped()
    {
        var alice = await app.CustomerAsync();
        var product = await app.StockAsync(await app.Given.ProductAsync(), onHand: 20_000);
        var retired = await app.StockedProductAsync();
        var shirt = product.Arr("variants")[0].Str("id");
        var gone = retired.Arr("variants")[0].Str("id");
        await CartWithAsync(alice.Store, app.UsRegionId, (shirt, 6000), (gone, 1));
        var guest = await CartWithAsync(app.Store, app.UsRegionId, (shirt, 6000));
        await app.Admin.PatchJsonAsync($"/admin/products/{retired.Str("id")}", new { status = "draft" });

        await MergeAsync(alice.Id, guest);

        var cart = await alice.Store.GetJsonAsync($"/store/carts/{guest}");
        Assert.Equal(10_000, QuantityOf(cart, shirt));
        Assert.Equal(0, QuantityOf(cart, gone));
        Assert.Single(cart.Arr("items"));
    }

    [Fact]
    public async Task A_guest_cart_already_the_customers_absorbs_their_other_open_cart()
    {
        var alice = await app.CustomerAsync();
        var product = await app.StockedProductAsync();
        var shirt = product.Arr("variants")[0].Str("id");
        var first = await CartWithAsync(alice.Store, app.UsRegionId, (shirt, 1));
        var second = await CartWithAsync(alice.Store, app.UsRegionId, (shirt, 1));

        Assert.Equal(first, await MergeAsync(alice.Id, first));

        Assert.Equal(2, QuantityOf(await alice.Store.GetJsonAsync($"/store/carts/{first}"), shirt));
        await (await alice.Store.GetAsync($"/store/carts/{second}")).ShouldBeProblemAsync(410, "cart_expired");
    }
}

public sealed class SignInCartMergeOnSqlite(SqliteApp app) : SignInCartMergeTests(app), IClassFixture<SqliteApp>;

public sealed class SignInCartMergeOnPostgres(PostgresApp app) : SignInCartMergeTests(app), IClassFixture<PostgresApp>;
