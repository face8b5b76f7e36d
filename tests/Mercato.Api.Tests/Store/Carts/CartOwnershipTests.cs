using Mercato.Api.Tests.Security;
using Microsoft.AspNetCore.Hosting;

namespace Mercato.Api.Tests.Store.Carts;

/// <summary>Carts of signed-in customers: whose they are, who reaches them, and the caps against hoarding.</summary>
public abstract class CartOwnershipTests(MercatoApp app)
{
    [Fact]
    public async Task A_cart_created_with_a_customer_token_is_reachable_only_by_that_customer_in_its_channel()
    {
        var alice = await app.CustomerAsync();
        var bob = await app.CustomerAsync();
        var (_, otherKey) = await app.SecondChannelAsync();
        var cart = await alice.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });

        Assert.Null(cart["email"]);
        Assert.Equal(cart.Str("id"), (await alice.Store.GetJsonAsync($"/store/carts/{cart.Str("id")}")).Str("id"));
        await (await bob.Store.GetAsync($"/store/carts/{cart.Str("id")}")).ShouldBeProblemAsync(404, "not_found");
        await (await app.Store.GetAsync($"/store/carts/{cart.Str("id")}")).ShouldBeProblemAsync(404, "not_found");
        await (await app.StoreClientFor(otherKey, alice.AccessToken).GetAsync($"/store/carts/{cart.Str("id")}"))
            .ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Another_customer_cannot_change_a_customers_cart()
    {
        var alice = await app.CustomerAsync();
        var bob = await app.CustomerAsync();
        var product = await app.StockedProductAsync();
        var variantId = product.Arr("variants")[0].Str("id");
        var cart = await alice.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
        var id = cart.Str("id");

        await (await bob.Store.PostAsJsonAsync($"/store/carts/{id}/line-items", new { variantId, quantity = 1 })).ShouldBeProblemAsync(404, "not_found");
        await (await app.Store.PatchAsJsonAsync($"/store/carts/{id}", new { email = "thief@example.com" })).ShouldBeProblemAsync(404, "not_found");

        var unchanged = await alice.Store.GetJsonAsync($"/store/carts/{id}");
        Assert.Empty(unchanged.Arr("items"));
        Assert.Null(unchanged["email"]);
        Assert.Equal(cart.Int("version"), unchanged.Int("version"));
    }

    [Fact]
    public async Task A_guest_cart_stays_reachable_by_its_id_with_or_without_a_token_but_only_in_its_channel()
    {
        var alice = await app.CustomerAsync();
        var (_, otherKey) = await app.SecondChannelAsync();
        var cart = await app.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
        var url = $"/store/carts/{cart.Str("id")}";

        await app.Store.GetJsonAsync(url);
        await alice.Store.GetJsonAsync(url);
        await (await app.StoreClient(otherKey).GetAsync(url)).ShouldBeProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task A_signed_in_customer_takes_over_a_guest_cart_and_guests_lose_it()
    {
        var alice = await app.CustomerAsync();
        var product = await app.StockedProductAsync();
        var guestCart = await app.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
        var id = guestCart.Str("id");
        await app.Store.PostJsonAsync($"/store/carts/{id}/line-items", new { variantId = product.Arr("variants")[0].Str("id"), quantity = 2 });

        var taken = await alice.Store.PostJsonAsync($"/store/carts/{id}/customer", new { });

        Assert.Equal(id, taken.Str("id"));
        Assert.Equal(2, taken.Arr("items")[0].Int("quantity"));
        await (await app.Store.GetAsync($"/store/carts/{id}")).ShouldBeProblemAsync(404, "not_found");
        Assert.Equal(id, (await alice.Store.GetJsonAsync("/store/customers/me/cart")).Str("id"));
    }

    [Fact]
    public async Task Taking_over_needs_a_customer_and_a_cart_the_customer_may_reach()
    {
        var alice = await app.CustomerAsync();
        var bob = await app.CustomerAsync();
        var alicesCart = await alice.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
        var guestCart = await app.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });

        await (await app.Store.PostAsJsonAsync($"/store/carts/{guestCart.Str("id")}/customer", new { })).ShouldBeProblemAsync(401, "unauthorized");
        await (await bob.Store.PostAsJsonAsync($"/store/carts/{alicesCart.Str("id")}/customer", new { })).ShouldBeProblemAsync(404, "not_found");
        await (await bob.Store.PostAsJsonAsync("/store/carts/cart_missing/customer", new { })).ShouldBeProblemAsync(404, "not_found");
        Assert.Equal(alicesCart.Str("id"), (await alice.Store.GetJsonAsync($"/store/carts/{alicesCart.Str("id")}")).Str("id"));
    }

    [Fact]
    public async Task The_customers_current_cart_is_their_latest_open_cart_in_the_channel()
    {
        var alice = await app.CustomerAsync();
        var (_, otherKey) = await app.SecondChannelAsync();
        await (await alice.Store.GetAsync("/store/customers/me/cart")).ShouldBeProblemAsync(404, "not_found");
        await (await app.Store.GetAsync("/store/customers/me/cart")).ShouldBeProblemAsync(401, "unauthorized");

        await alice.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
        var latest = await alice.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
        await app.StoreClientFor(otherKey, alice.AccessToken).PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });

        Assert.Equal(latest.Str("id"), (await alice.Store.GetJsonAsync("/store/customers/me/cart")).Str("id"));
    }

    [Fact]
    public async Task Caps_on_open_carts_lines_and_quantity_are_configurable()
    {
        await using var capped = app.WithWebHostBuilder(b => b
            .UseSetting("Mercato:Carts:MaxOpenCartsPerCustomer", "2")
            .UseSetting("Mercato:Carts:MaxLines", "2")
            .UseSetting("Mercato:Carts:MaxQuantityPerLine", "5"));
        var alice = await capped.CustomerOnAsync(app.PublishableKey);
        var guest = capped.StoreClientFor(app.PublishableKey, null);
        var product = await app.StockAsync(await app.Given.ProductAsync(Given.ProductBody(sizes: ["S", "M", "L"])), onHand: 100);
        var variants = product.Arr("variants").Select(v => v.Str("id")).ToList();

        var cart = (await alice.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId })).Str("id");
        await alice.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
        await (await alice.Store.PostAsJsonAsync("/store/carts", new { regionId = app.UsRegionId })).ShouldBeProblemAsync(409, "too_many_open_carts");
        await guest.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });

        await (await alice.Store.PostAsJsonAsync($"/store/carts/{cart}/line-items", new { variantId = variants[0], quantity = 6 }))
            .ShouldBeProblemAsync(400, "validation_failed");
        await alice.Store.PostJsonAsync($"/store/carts/{cart}/line-items", new { variantId = variants[0], quantity = 5 });
        await (await alice.Store.PostAsJsonAsync($"/store/carts/{cart}/line-items", new { variantId = variants[0], quantity = 1 }))
            .ShouldBeProblemAsync(400, "validation_failed");
        await alice.Store.PostJsonAsync($"/store/carts/{cart}/line-items", new { variantId = variants[1], quantity = 1 });
        await (await alice.Store.PostAsJsonAsync($"/store/carts/{cart}/line-items", new { variantId = variants[2], quantity = 1 }))
            .ShouldBeProblemAsync(409, "cart_line_limit");

        // Expired carts no longer count.
        app.Clock.Advance(TimeSpan.FromDays(31));
        var later = await capped.CustomerOnAsync(app.PublishableKey, alice.Id);
        await later.Store.PostJsonAsync("/store/carts", new { regionId = app.UsRegionId });
    }
}

public sealed class CartOwnershipOnSqlite(SqliteApp app) : CartOwnershipTests(app), IClassFixture<SqliteApp>;

public sealed class CartOwnershipOnPostgres(PostgresApp app) : CartOwnershipTests(app), IClassFixture<PostgresApp>;
