using Mercato.Api.Tests.Admin.Events;
using Mercato.Api.Tests.Security;

namespace Mercato.Api.Tests.Admin.PriceLists;

/// <summary>Admin CRUD of price lists, their validation problems, the bulk upsert of prices and who may use them.</summary>
public abstract class PriceListAdminTests(MercatoApp app)
{
    private async Task<string> VariantAsync() => (await app.Given.ProductAsync()).Arr("variants")[0].Str("id");

    [Fact]
    public async Task A_list_is_created_read_listed_updated_under_if_match_and_deleted()
    {
        var variant = await VariantAsync();
        var created = await app.Admin.PostAsJsonAsync("/admin/price-lists", new
        {
            name = "Black Friday", type = "sale", status = "active", startsAt = app.Clock.GetUtcNow(), endsAt = app.Clock.GetUtcNow().AddDays(3),
            conditions = new { regionIds = new[] { app.UsRegionId } },
            prices = new[] { new { variantId = variant, currency = "USD", amount = 999L } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await created.ShouldSucceedAsync();
        var id = list.Str("id");
        Assert.StartsWith("plist_", id, StringComparison.Ordinal);
        Assert.Equal("\"1\"", created.Headers.ETag!.Tag);
        Assert.Equal([app.UsRegionId], list["conditions"]!.Arr("regionIds").Select(r => r!.GetValue<string>()));
        Assert.Empty(list["conditions"]!.Arr("customerGroupIds"));

        var prices = await app.Admin.GetJsonAsync($"/admin/price-lists/{id}/prices");
        var price = Assert.Single(prices.Arr("items"))!;
        Assert.Equal(variant, price.Str("variantId"));
        Assert.Equal(999, price.Long("amount"));
        Assert.Equal(1, price.Int("minQuantity"));

        var other = (await app.Admin.PostJsonAsync("/admin/price-lists", new { name = "Other" })).Str("id");
        var first = await app.Admin.GetJsonAsync("/admin/price-lists?limit=1");
        Assert.NotNull(first["nextCursor"]);
        var all = await app.Admin.GetJsonAsync("/admin/price-lists?limit=100");
        Assert.Contains(all.Arr("items"), l => l.Str("id") == id);
        Assert.Contains(all.Arr("items"), l => l.Str("id") == other);
        Assert.Equal("draft", all.Arr("items").Single(l => l.Str("id") == other)!.Str("status"));

        var stale = await app.Admin.PatchAsJsonAsync($"/admin/price-lists/{id}", new { name = "Cyber Monday" }, "\"7\"");
        await stale.ShouldBeProblemAsync(412, "version_conflict");
        var renamed = await (await app.Admin.PatchAsJsonAsync($"/admin/price-lists/{id}", new { name = "Cyber Monday", status = "draft" }, "\"1\""))
            .ShouldSucceedAsync();
        Assert.Equal("Cyber Monday", renamed.Str("name"));
        Assert.Equal("draft", renamed.Str("status"));
        Assert.Equal(2, renamed.Int("version"));

        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync($"/admin/price-lists/{id}")).StatusCode);
        await (await app.Admin.GetAsync($"/admin/price-lists/{id}")).ShouldBeProblemAsync(404, "not_found");
        await (await app.Admin.GetAsync($"/admin/price-lists/{id}/prices")).ShouldBeProblemAsync(404, "not_found");
        var events = await app.EventsOfAsync(id);
        Assert.Equal(["price_list.created", "price_list.updated", "price_list.deleted"], events.Select(e => e.Str("type")));
    }

    [Fact]
    public async Task Bad_prices_and_schedules_get_stable_codes_and_change_nothing()
    {
        var variant = await VariantAsync();
        async Task<JsonNode> Problem(object body, int status, string code) =>
            await (await app.Admin.PostAsJsonAsync("/admin/price-lists", body)).ShouldBeProblemAsync(status, code);
        object Body(string variantId = "", string currency = "USD", long amount = 500, int minQuantity = 1) => new
        {
            name = "Bad", prices = new[] { new { variantId = variantId.Length == 0 ? variant : variantId, currency, amount, minQuantity } },
        };
        var before = (await app.Admin.GetJsonAsync("/admin/price-lists?limit=100")).Arr("items").Count;

        var unknown = await Problem(Body(variantId: "var_nope"), 400, "unknown_variant");
        Assert.NotNull(unknown["errors"]!["prices[0].variantId"]);
        var notSold = await Problem(Body(currency: "JPY"), 400, "currency_not_in_region");
        Assert.NotNull(notSold["errors"]!["prices[0].currency"]);
        var euOnly = await app.Admin.PostAsJsonAsync("/admin/price-lists", new
        {
            name = "EU", conditions = new { regionIds = new[] { app.EuRegionId } },
            prices = new[] { new { variantId = variant, currency = "USD", amount = 500L } },
        });
        await euOnly.ShouldBeProblemAsync(400, "currency_not_in_region");
        var tier = await Problem(Body(minQuantity: 0), 400, "validation_failed");
        Assert.NotNull(tier["errors"]!["prices[0].minQuantity"]);
        var negative = await Problem(Body(amount: -1), 400, "validation_failed");
        Assert.NotNull(negative["errors"]!["prices[0].amount"]);
        var now = app.Clock.GetUtcNow();
        var schedule = await Problem(new { name = "Backwards", startsAt = now, endsAt = now }, 400, "validation_failed");
        Assert.NotNull(schedule["errors"]!["endsAt"]);
        await Problem(new { name = "Odd", type = "discount" }, 400, "validation_failed");
        await Problem(new { name = "Nowhere", conditions = new { regionIds = new[] { "reg_nope" } } }, 400, "unknown_region");

        Assert.Equal(before, (await app.Admin.GetJsonAsync("/admin/price-lists?limit=100")).Arr("items").Count);
    }

    [Fact]
    public async Task Prices_are_upserted_in_bulk_by_variant_currency_and_min_quantity()
    {
        var product = await app.Given.ProductAsync();
        var (small, medium) = (product.Arr("variants")[0].Str("id"), product.Arr("variants")[1].Str("id"));
        var list = (await app.Admin.PostJsonAsync("/admin/price-lists", new { name = "ERP feed", type = "override" })).Str("id");

        var first = await (await app.Admin.PutAsJsonAsync($"/admin/price-lists/{list}/prices", new
        {
            prices = new object[]
            {
                new { variantId = small, currency = "USD", amount = 1500L },
                new { variantId = small, currency = "USD", amount = 1200L, minQuantity = 10 },
                new { variantId = medium, currency = "EUR", amount = 1400L },
            },
        })).ShouldSucceedAsync();
        Assert.Equal(3, first.Int("created"));
        Assert.Equal(0, first.Int("updated"));

        var second = await (await app.Admin.PutAsJsonAsync($"/admin/price-lists/{list}/prices", new
        {
            prices = new object[]
            {
                new { variantId = small, currency = "USD", amount = 1100L, minQuantity = 10 },
                new { variantId = medium, currency = "USD", amount = 1600L },
            },
        })).ShouldSucceedAsync();
        Assert.Equal(1, second.Int("created"));
        Assert.Equal(1, second.Int("updated"));
        Assert.Equal(3, second["priceList"].Int("version"));

        var rows = (await app.Admin.GetJsonAsync($"/admin/price-lists/{list}/prices?limit=100")).Arr("items");
        Assert.Equal(4, rows.Count);
        Assert.Equal(1100, rows.Single(r => r.Str("variantId") == small && r.Int("minQuantity") == 10)!.Long("amount"));

        var duplicate = await app.Admin.PutAsJsonAsync($"/admin/price-lists/{list}/prices", new
        {
            prices = new object[] { new { variantId = small, currency = "USD", amount = 1L }, new { variantId = small, currency = "usd", amount = 2L } },
        });
        await duplicate.ShouldBeProblemAsync(400, "validation_failed");

        var removed = rows.Single(r => r.Str("variantId") == medium && r.Str("currency") == "EUR")!.Str("id");
        Assert.Equal(HttpStatusCode.NoContent, (await app.Admin.DeleteAsync($"/admin/price-lists/{list}/prices/{removed}")).StatusCode);
        Assert.Equal(3, (await app.Admin.GetJsonAsync($"/admin/price-lists/{list}/prices?limit=100")).Arr("items").Count);
    }

    [Fact]
    public async Task Catalog_managers_write_price_lists_and_read_only_keys_only_read_them()
    {
        var (manager, _) = await app.KeyAsync(role: "catalog_manager");
        var (reader, _) = await app.KeyAsync(role: "read_only");
        var (support, _) = await app.KeyAsync(role: "support");

        var list = await (await manager.PostAsJsonAsync("/admin/price-lists", new { name = "Managed" })).ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/admin/price-lists/{list.Str("id")}")).StatusCode);
        await (await reader.PostAsJsonAsync("/admin/price-lists", new { name = "Nope" })).ShouldBeProblemAsync(403, "forbidden");
        await (await support.GetAsync("/admin/price-lists")).ShouldBeProblemAsync(403, "forbidden");
    }
}

public sealed class PriceListAdminOnSqlite(SqliteApp app) : PriceListAdminTests(app), IClassFixture<SqliteApp>;

public sealed class PriceListAdminOnPostgres(PostgresApp app) : PriceListAdminTests(app), IClassFixture<PostgresApp>;
