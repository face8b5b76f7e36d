using Mercato.Api.Tests.Admin;
using Mercato.Carts.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Store.Carts;

/// <summary>The Store API's carts. Tests that need a region of their own use countries no other test of the class uses.</summary>
public abstract class CartTests(MercatoApp app)
{
    private async Task<JsonNode> NewCartAsync(string? regionId = null) =>
        await app.Store.PostJsonAsync("/store/carts", regionId is null ? new { } : new { regionId });

    private async Task<JsonNode> AddAsync(string cartId, string variantId, int quantity = 1) =>
        await app.Store.PostJsonAsync($"/store/carts/{cartId}/line-items", new { variantId, quantity });

    private static long Amount(JsonNode? node, string property) => node![property]!["amount"]!.GetValue<long>();

    private static string VariantId(JsonNode product, int index = 0) => product.Arr("variants")[index].Str("id");

    /// <summary>Asserts the identity subtotal − discount + shipping + tax = total and returns the totals.</summary>
    private static JsonNode Totals(JsonNode cart)
    {
        var t = cart["totals"]!;
        Assert.Equal(Amount(t, "total"), Amount(t, "subtotal") - Amount(t, "discount") + Amount(t, "shipping") + Amount(t, "tax"));
        return t;
    }

    private async Task<string> RegionAsync(string country, string currency, int rate, bool inclusive) =>
        (await app.Admin.PostJsonAsync("/admin/regions",
            new { name = "Region " + country, currency, countries = new[] { country }, taxRateBasisPoints = rate, pricesIncludeTax = inclusive })).Str("id");

    [Fact]
    public async Task A_new_cart_is_in_the_default_region_with_an_unguessable_id_and_zero_totals()
    {
        var response = await app.Store.PostAsJsonAsync("/store/carts", new { email = "shopper@example.com" });
        var cart = await response.ShouldSucceedAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("cart_", cart.Str("id"));
        Assert.True(cart.Str("id").Length >= "cart_".Length + 32, "At least 160 random bits.");
        Assert.Equal(app.UsRegionId, cart.Str("regionId"));
        Assert.Equal("USD", cart.Str("currency"));
        Assert.Equal("shopper@example.com", cart.Str("email"));
        Assert.Empty(cart.Arr("items"));
        Assert.Equal(0, Amount(Totals(cart), "total"));
        Assert.Equal($"\"{cart.Int("version")}\"", response.Headers.ETag?.Tag);
        Assert.True(cart["expiresAt"]!.GetValue<DateTimeOffset>() > cart["createdAt"]!.GetValue<DateTimeOffset>().AddDays(29));
        await (await app.Store.PostAsJsonAsync("/store/carts", new { regionId = "reg_nope" })).ShouldBeProblemAsync(400, "region_not_found");
    }

    [Fact]
    public async Task Adding_a_line_reads_the_new_variant_and_the_cart_s_other_lines_in_one_catalog_query()
    {
        var cart = (await NewCartAsync()).Str("id");
        for (var i = 0; i < 3; i++) await AddAsync(cart, VariantId(await app.StockedProductAsync()), 1 + i);
        var added = VariantId(await app.StockedProductAsync());

        JsonNode updated;
        IReadOnlyList<string> commands;
        using (app.Queries.Record(out commands)) updated = await AddAsync(cart, added, 2);

        // Was four: the new variant was read on its own, then again with the cart's lines to re-price, each as a split query
        // (the variants, then their options).
        Assert.Single(commands, c => c.Replace("\"", "", StringComparison.Ordinal).Contains("FROM catalog_variant AS", StringComparison.Ordinal));
        Assert.Equal([1, 2, 3, 2], updated.Arr("items").Select(l => l.Int("quantity")));
        var line = updated.Arr("items").Single(l => l.Str("variantId") == added);
        Assert.NotEmpty(line!["options"]!.AsObject());
        Assert.Equal(2 * Amount(line, "unitPrice"), Amount(line, "subtotal"));
    }

    [Fact]
    public async Task Lines_are_priced_by_the_server_and_the_same_variant_merges_into_one_line()
    {
        var product = await app.StockedProductAsync();
        var cart = await NewCartAsync();

        await AddAsync(cart.Str("id"), VariantId(product), 2);
        var updated = await AddAsync(cart.Str("id"), VariantId(product), 1);

        var line = updated.Arr("items").Single()!;
        Assert.Equal(3, line.Int("quantity"));
        Assert.Equal(1999, Amount(line, "unitPrice"));
        Assert.Equal(5997, Amount(line, "total"));
        Assert.Equal(product.Str("id"), line.Str("productId"));
        Assert.Equal(product.Arr("variants")[0].Str("sku"), line.Str("sku"));
        Assert.Equal("S", line["options"]!["Size"]!.GetValue<string>());
        Assert.Equal(5997, Amount(Totals(updated), "subtotal"));
        Assert.False(StoreTestData.HasPropertyAnywhere(updated, "salesChannelId"));
    }

    [Fact]
    public async Task A_unit_price_in_the_body_is_400_unknown_field_and_the_server_price_stands()
    {
        var product = await app.StockedProductAsync();
        var cart = await NewCartAsync();
        var url = $"/store/carts/{cart.Str("id")}/line-items";

        var tampered = await app.Store.SendRawAsync(HttpMethod.Post, url,
            "{\"variantId\":\"" + VariantId(product) + "\",\"quantity\":1,\"unitPrice\":{\"amount\":1,\"currency\":\"USD\"}}");

        await tampered.ShouldBeProblemAsync(400, "unknown_field");
        Assert.Empty((await app.Store.GetJsonAsync($"/store/carts/{cart.Str("id")}")).Arr("items"));
        Assert.Equal(1999, Amount((await AddAsync(cart.Str("id"), VariantId(product)))["items"]![0], "unitPrice"));
    }

    [Fact]
    public async Task Quantities_outside_1_to_10000_are_400()
    {
        var product = await app.StockedProductAsync(onHand: 20_000);   // more than a line may hold: the cap answers, not stock
        var cart = await NewCartAsync();
        var url = $"/store/carts/{cart.Str("id")}/line-items";

        await (await app.Store.PostAsJsonAsync(url, new { variantId = VariantId(product), quantity = 0 })).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.PostAsJsonAsync(url, new { variantId = VariantId(product), quantity = 10_001 })).ShouldBeProblemAsync(400, "validation_failed");
        var line = (await AddAsync(cart.Str("id"), VariantId(product), 10_000)).Arr("items").Single()!;
        await (await app.Store.PostAsJsonAsync(url, new { variantId = VariantId(product), quantity = 1 })).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Store.PatchAsJsonAsync($"{url}/{line.Str("id")}", new { quantity = 0 })).ShouldBeProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Variants_not_sold_in_the_channel_or_without_a_price_in_the_currency_are_rejected()
    {
        var draft = await app.Given.ProductAsync(Given.ProductBody(status: "draft"));
        var (otherChannel, _) = await app.Given.ChannelAsync();
        var elsewhere = await app.Given.ProductAsync(b => b["salesChannelIds"] = new[] { otherChannel });
        var usdOnly = await app.Given.ProductAsync(b =>
            b["variants"] = new[] { StoreTestData.Variant(Given.Unique("USD").ToUpperInvariant(), "S", ("USD", 500)) });
        var cart = await NewCartAsync(app.EuRegionId);
        var url = $"/store/carts/{cart.Str("id")}/line-items";

        await (await app.Store.PostAsJsonAsync(url, new { variantId = VariantId(draft), quantity = 1 })).ShouldBeProblemAsync(400, "variant_unavailable");
        await (await app.Store.PostAsJsonAsync(url, new { variantId = VariantId(elsewhere), quantity = 1 })).ShouldBeProblemAsync(400, "variant_unavailable");
        await (await app.Store.PostAsJsonAsync(url, new { variantId = "var_nope", quantity = 1 })).ShouldBeProblemAsync(400, "variant_unavailable");
        await (await app.Store.PostAsJsonAsync(url, new { variantId = VariantId(usdOnly), quantity = 1 })).ShouldBeProblemAsync(400, "variant_not_priced");
    }

    [Fact]
    public async Task Another_channels_key_gets_404_for_every_cart_route()
    {
        var product = await app.StockedProductAsync();
        var cart = await NewCartAsync();
        var line = (await AddAsync(cart.Str("id"), VariantId(product))).Arr("items").Single().Str("id");
        var (_, other) = await app.Given.ChannelAsync();
        var id = cart.Str("id");

        await (await other.GetAsync($"/store/carts/{id}")).ShouldBeProblemAsync(404, "not_found");
        await (await other.PatchAsJsonAsync($"/store/carts/{id}", new { email = "x@example.com" })).ShouldBeProblemAsync(404, "not_found");
        await (await other.PostAsJsonAsync($"/store/carts/{id}/line-items", new { variantId = VariantId(product), quantity = 1 })).ShouldBeProblemAsync(404, "not_found");
        await (await other.PatchAsJsonAsync($"/store/carts/{id}/line-items/{line}", new { quantity = 2 })).ShouldBeProblemAsync(404, "not_found");
        await (await other.DeleteAsync($"/store/carts/{id}/line-items/{line}")).ShouldBeProblemAsync(404, "not_found");
        await (await other.GetAsync($"/store/carts/{id}/shipping-options")).ShouldBeProblemAsync(404, "not_found");
        await (await other.PostAsJsonAsync($"/store/carts/{id}/shipping-method", new { optionId = "so_x" })).ShouldBeProblemAsync(404, "not_found");
        Assert.Equal(1, (await app.Store.GetJsonAsync($"/store/carts/{id}")).Arr("items").Single().Int("quantity"));
    }

    [Fact]
    public async Task Included_tax_is_extracted_per_line_at_the_class_rate_or_the_region_default()
    {
        var reduced = await app.Admin.PostJsonAsync("/admin/tax-classes", new
        {
            name = "Reduced", code = "r" + Guid.NewGuid().ToString("N")[..10], rates = new[] { new { regionId = app.EuRegionId, rateBasisPoints = 700 } },
        });
        var standard = await app.StockedProductAsync();
        var book = await app.StockedProductAsync(b => b["taxClassId"] = reduced.Str("id"));
        var cart = await NewCartAsync(app.EuRegionId);

        await AddAsync(cart.Str("id"), VariantId(standard));
        var updated = await AddAsync(cart.Str("id"), VariantId(book));

        Assert.True(updated["pricesIncludeTax"]!.GetValue<bool>());
        var lines = updated.Arr("items");
        Assert.Equal(317, Amount(lines[0], "tax"));   // 1899 × 2000 / 12000 = 316.5, half away from zero
        Assert.Equal(124, Amount(lines[1], "tax"));   // 1899 × 700 / 10700 = 124.2
        Assert.All(lines, l => Assert.Equal(1899, Amount(l, "total")));
        var totals = Totals(updated);
        Assert.Equal(3798 - 441, Amount(totals, "subtotal"));
        Assert.Equal(441, Amount(totals, "tax"));
        Assert.Equal(3798, Amount(totals, "total"));
    }

    [Fact]
    public async Task Excluded_tax_is_added_per_line_and_rounded_once()
    {
        var region = await RegionAsync("CA", "USD", 825, inclusive: false);
        var product = await app.StockedProductAsync();
        var cart = await NewCartAsync(region);

        var updated = await AddAsync(cart.Str("id"), VariantId(product), 2);

        var line = updated.Arr("items").Single()!;
        Assert.Equal(330, Amount(line, "tax"));        // 3998 × 825 / 10000 = 329.835
        Assert.Equal(4328, Amount(line, "total"));
        var totals = Totals(updated);
        Assert.Equal(3998, Amount(totals, "subtotal"));
        Assert.Equal(4328, Amount(totals, "total"));
    }

    [Fact]
    public async Task Shipping_options_are_quoted_cheapest_first_re_quoted_on_change_and_free_above_the_threshold()
    {
        var region = await RegionAsync("AT", "EUR", 2000, inclusive: true);
        var standard = await app.Admin.PostJsonAsync("/admin/shipping-options",
            new { regionId = region, name = "Standard", pricingType = "flat", amount = 990, freeAboveSubtotal = 5000 });
        var express = await app.Admin.PostJsonAsync("/admin/shipping-options", new
        {
            regionId = region, name = "Express", pricingType = "weight_bands", bands = new[] { new { upToGrams = 1000, amount = 490 } },
        });
        var product = await app.StockedProductAsync(b => b["variants"] = new[]
        {
            new { sku = Given.Unique("W").ToUpperInvariant(), title = "S", options = new Dictionary<string, string> { ["Size"] = "S" },
                weightGrams = 600, prices = new[] { new { amount = 1899, currency = "EUR" } } },
        });
        var cart = await NewCartAsync(region);
        var id = cart.Str("id");
        var line = (await AddAsync(id, VariantId(product))).Arr("items").Single().Str("id");

        var options = (await app.Store.GetJsonAsync($"/store/carts/{id}/shipping-options")).Arr("items");
        Assert.Equal(new[] { express.Str("id"), standard.Str("id") }, options.Select(o => o.Str("id")));
        Assert.Equal(490, Amount(options[0], "price"));

        var withExpress = await app.Store.PostJsonAsync($"/store/carts/{id}/shipping-method", new { optionId = express.Str("id") });
        Assert.Equal(490, Amount(withExpress["shippingMethod"], "price"));
        Assert.Equal(82, Amount(withExpress["shippingMethod"], "tax"));           // 490 × 2000 / 12000 = 81.67
        Assert.Equal(490 - 82, Amount(Totals(withExpress), "shipping"));
        Assert.Equal(1899 + 490, Amount(withExpress["totals"], "total"));

        var heavier = await app.Store.PatchJsonAsync($"/store/carts/{id}/line-items/{line}", new { quantity = 2 });
        Assert.Null(heavier["shippingMethod"]);                                  // 1200 g is beyond the only band
        Assert.Equal(0, Amount(Totals(heavier), "shipping"));

        await app.Store.PostJsonAsync($"/store/carts/{id}/shipping-method", new { optionId = standard.Str("id") });
        var free = await app.Store.PatchJsonAsync($"/store/carts/{id}/line-items/{line}", new { quantity = 3 });
        Assert.Equal(0, Amount(free["shippingMethod"], "price"));                 // 5697 ≥ 5000
        Assert.Equal(5697, Amount(Totals(free), "total"));

        await (await app.Store.PostAsJsonAsync($"/store/carts/{id}/shipping-method", new { optionId = express.Str("id") }))
            .ShouldBeProblemAsync(400, "shipping_option_unavailable");
        await (await app.Store.DeleteAsync($"/store/carts/{id}/line-items/{line}")).ShouldSucceedAsync();
    }

    [Fact]
    public async Task Addresses_are_validated_normalized_and_must_be_in_the_carts_region()
    {
        var cart = await NewCartAsync(app.EuRegionId);
        var url = $"/store/carts/{cart.Str("id")}";
        var address = new { firstName = "Ada", lastName = "Lovelace", line1 = "Unter den Linden 1", city = "Berlin", postalCode = "10117", countryCode = "de", phone = "+49 30 1234" };

        var missing = await app.Store.PatchAsJsonAsync(url, new { shippingAddress = new { firstName = "Ada", countryCode = "DE" } });
        var fields = (await missing.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields();
        Assert.Contains("shippingAddress.lastName", fields);
        Assert.Contains("shippingAddress.line1", fields);
        Assert.Contains("shippingAddress.postalCode", fields);
        var notInRegion = await app.Store.PatchAsJsonAsync(url, new { shippingAddress = address with { countryCode = "US" } });
        await notInRegion.ShouldBeProblemAsync(400, "country_not_in_region");
        var notACountry = await app.Store.PatchAsJsonAsync(url, new { billingAddress = address with { countryCode = "Germany" } });
        Assert.Contains("billingAddress.countryCode", (await notACountry.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields());

        var saved = await app.Store.PatchJsonAsync(url, new { email = "ada@example.com", shippingAddress = address, billingAddress = address });
        Assert.Equal("DE", saved["shippingAddress"].Str("countryCode"));
        Assert.Equal("Lovelace", saved["billingAddress"].Str("lastName"));
        Assert.Equal("ada@example.com", saved.Str("email"));
        await (await app.Store.PatchAsJsonAsync(url, new { regionId = app.UsRegionId })).ShouldBeProblemAsync(400, "country_not_in_region");
    }

    [Fact]
    public async Task Changing_the_region_re_prices_every_line_in_its_currency()
    {
        var product = await app.StockedProductAsync();
        var cart = await NewCartAsync(app.UsRegionId);
        await AddAsync(cart.Str("id"), VariantId(product));

        var moved = await app.Store.PatchJsonAsync($"/store/carts/{cart.Str("id")}", new { regionId = app.EuRegionId });

        Assert.Equal("EUR", moved.Str("currency"));
        Assert.True(moved["pricesIncludeTax"]!.GetValue<bool>());
        Assert.Equal(new MoneyShape(1899, "EUR"), MoneyShape.Of(moved.Arr("items").Single()!["unitPrice"]));
        Assert.Equal("EUR", moved["totals"]!["total"].Str("currency"));
        Assert.Equal(1899, Amount(Totals(moved), "total"));
    }

    [Fact]
    public async Task A_catalog_price_change_re_prices_the_cart_on_its_next_change()
    {
        var product = await app.StockedProductAsync();
        var cart = await NewCartAsync();
        await AddAsync(cart.Str("id"), VariantId(product), 2);

        await app.Admin.PatchJsonAsync($"/admin/products/{product.Str("id")}/variants/{VariantId(product)}",
            new { prices = new[] { new { amount = 2500, currency = "USD" } } });
        var changed = await app.Store.PatchJsonAsync($"/store/carts/{cart.Str("id")}", new { email = "later@example.com" });

        Assert.Equal(2500, Amount(changed.Arr("items").Single(), "unitPrice"));
        Assert.Equal(5000, Amount(Totals(changed), "total"));
    }

    [Fact]
    public async Task Concurrent_add_to_cart_calls_lose_no_item()
    {
        var sizes = Enumerable.Range(1, 8).Select(i => $"S{i}").ToArray();
        var product = await app.StockAsync(await app.Given.ProductAsync(Given.ProductBody(sizes: sizes)), onHand: 10);
        var cart = await NewCartAsync();
        var id = cart.Str("id");

        var adds = sizes.Select((_, i) => VariantId(product, i)).Concat(Enumerable.Repeat(VariantId(product, 0), 4))
            .Select(variant => app.Store.PostAsJsonAsync($"/store/carts/{id}/line-items", new { variantId = variant, quantity = 1 }));
        var responses = await Task.WhenAll(adds);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var final = await app.Store.GetJsonAsync($"/store/carts/{id}");
        Assert.Equal(8, final.Arr("items").Count);
        Assert.Equal(12, final.Arr("items").Sum(l => l!.Int("quantity")));
        Assert.Equal(5, final.Arr("items").Single(l => l.Str("variantId") == VariantId(product, 0)).Int("quantity"));
        Totals(final);
    }

    [Fact]
    public async Task An_idle_cart_expires_and_answers_410_cart_expired()
    {
        var product = await app.StockedProductAsync();
        var cart = await NewCartAsync();
        await AddAsync(cart.Str("id"), VariantId(product));

        app.Clock.Advance(TimeSpan.FromDays(29));
        await AddAsync(cart.Str("id"), VariantId(product));                     // a change keeps it alive
        app.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(2, (await app.Store.GetJsonAsync($"/store/carts/{cart.Str("id")}")).Arr("items").Single().Int("quantity"));
        app.Clock.Advance(TimeSpan.FromDays(2));

        await (await app.Store.GetAsync($"/store/carts/{cart.Str("id")}")).ShouldBeProblemAsync(410, "cart_expired");
        await (await app.Store.PostAsJsonAsync($"/store/carts/{cart.Str("id")}/line-items", new { variantId = VariantId(product), quantity = 1 }))
            .ShouldBeProblemAsync(410, "cart_expired");
    }

    [Fact]
    public async Task A_completed_cart_is_read_only()
    {
        var product = await app.StockedProductAsync();
        var cart = await NewCartAsync();
        var added = await AddAsync(cart.Str("id"), VariantId(product));

        await using (var scope = app.Scope())
        {
            var checkout = scope.ServiceProvider.GetRequiredService<ICartCheckout>();
            var refreshed = await checkout.RefreshAsync(cart.Str("id"), app.ChannelId, TestContext.Current.CancellationToken);
            Assert.NotNull(refreshed);
            Assert.Equal(1999, refreshed.Totals.Total);
            Assert.Null(await checkout.RefreshAsync(cart.Str("id"), "sc_other", TestContext.Current.CancellationToken));
            Assert.False(await checkout.MarkCompletedAsync(cart.Str("id"), refreshed.Version - 1, "ord_stale", TestContext.Current.CancellationToken));
            Assert.True(await checkout.MarkCompletedAsync(cart.Str("id"), refreshed.Version, "ord_test", TestContext.Current.CancellationToken));
            Assert.False(await checkout.MarkCompletedAsync(cart.Str("id"), refreshed.Version, "ord_again", TestContext.Current.CancellationToken));
        }

        var url = $"/store/carts/{cart.Str("id")}";
        await (await app.Store.PatchAsJsonAsync(url, new { email = "x@example.com" })).ShouldBeProblemAsync(409, "cart_completed");
        await (await app.Store.PostAsJsonAsync($"{url}/line-items", new { variantId = VariantId(product), quantity = 1 })).ShouldBeProblemAsync(409, "cart_completed");
        await (await app.Store.DeleteAsync($"{url}/line-items/{added.Arr("items").Single().Str("id")}")).ShouldBeProblemAsync(409, "cart_completed");
        var completed = await app.Store.GetJsonAsync(url);
        Assert.Equal("ord_test", completed.Str("orderId"));
        Assert.NotNull(completed["completedAt"]);
        Assert.Single(completed.Arr("items"));
    }

    [Fact]
    public async Task Adding_more_than_is_in_stock_is_409_insufficient_inventory_and_the_cart_keeps_what_it_had()
    {
        var product = await app.StockedProductAsync(onHand: 3);
        var cart = await NewCartAsync();
        var id = cart.Str("id");
        var url = $"/store/carts/{id}/line-items";

        var line = (await AddAsync(id, VariantId(product), 2)).Arr("items").Single().Str("id");
        var tooMany = await app.Store.PostAsJsonAsync(url, new { variantId = VariantId(product), quantity = 2 });

        await tooMany.ShouldBeProblemAsync(409, "insufficient_inventory");
        var kept = await app.Store.GetJsonAsync($"/store/carts/{id}");
        Assert.Equal(2, kept.Arr("items").Single().Int("quantity"));
        Assert.Equal(3998, Amount(Totals(kept), "total"));
        await (await app.Store.PatchAsJsonAsync($"{url}/{line}", new { quantity = 4 })).ShouldBeProblemAsync(409, "insufficient_inventory");
        Assert.Equal(3, (await AddAsync(id, VariantId(product), 1)).Arr("items").Single().Int("quantity"));   // exactly the stock
        await (await app.Store.PostAsJsonAsync(url, new { variantId = VariantId(product), quantity = 1 })).ShouldBeProblemAsync(409, "insufficient_inventory");
    }

    [Fact]
    public async Task A_variant_without_stock_is_409_and_a_backorderable_one_may_be_added_beyond_its_stock()
    {
        var unstocked = await app.Given.ProductAsync();
        var backorder = await app.StockedProductAsync(b => b["variants"] = new[]
        {
            new { sku = Given.Unique("BO").ToUpperInvariant(), title = "S", options = new Dictionary<string, string> { ["Size"] = "S" },
                manageInventory = true, allowBackorder = true, prices = new[] { new { amount = 100, currency = "USD" } } },
        }, onHand: 3);
        var cart = await NewCartAsync();
        var id = cart.Str("id");

        await (await app.Store.PostAsJsonAsync($"/store/carts/{id}/line-items", new { variantId = VariantId(unstocked), quantity = 1 }))
            .ShouldBeProblemAsync(409, "insufficient_inventory");
        var line = (await AddAsync(id, VariantId(backorder), 50)).Arr("items").Single().Str("id");
        var more = await app.Store.PatchJsonAsync($"/store/carts/{id}/line-items/{line}", new { quantity = 60 });

        Assert.Equal(60, more.Arr("items").Single().Int("quantity"));
        Assert.Equal(6000, Amount(Totals(more), "total"));
    }

    private sealed record MoneyShape(long Amount, string Currency)
    {
        public static MoneyShape Of(JsonNode? node) => new(node!["amount"]!.GetValue<long>(), node["currency"]!.GetValue<string>());
    }
}

public sealed class CartOnSqlite(SqliteApp app) : CartTests(app), IClassFixture<SqliteApp>;

public sealed class CartOnPostgres(PostgresApp app) : CartTests(app), IClassFixture<PostgresApp>;
