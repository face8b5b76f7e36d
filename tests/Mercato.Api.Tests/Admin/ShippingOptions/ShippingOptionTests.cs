using Mercato.Api.Tests.Admin;
using Mercato.Api.Tests.Admin.Events;

namespace Mercato.Api.Tests.Admin.ShippingOptions;

public abstract class ShippingOptionTests(MercatoApp app)
{
    [Fact]
    public async Task Flat_and_weight_band_options_are_kept_and_listed_per_region()
    {
        var region = (await app.Admin.PostJsonAsync("/admin/regions", new { name = "Shipping test", currency = "USD" })).Str("id");
        var flat = await app.Admin.PostJsonAsync("/admin/shipping-options",
            new { regionId = region, name = "Standard", pricingType = "flat", amount = 490, freeAboveSubtotal = 5000 });
        var banded = await app.Admin.PostJsonAsync("/admin/shipping-options", new
        {
            regionId = region, name = "Express", pricingType = "weight_bands",
            bands = new object[] { new { upToGrams = 1000, amount = 900 }, new { upToGrams = (int?)null, amount = 1900 } },
        });

        Assert.StartsWith("so_", flat.Str("id"));
        Assert.Equal("flat", flat.Str("pricingType"));
        Assert.Equal(5000, flat.Long("freeAboveSubtotal"));
        Assert.Equal("weight_bands", banded.Str("pricingType"));
        Assert.Null(banded.Arr("bands")[1]!["upToGrams"]);
        var listed = await app.Admin.ListAllAsync($"/admin/shipping-options?regionId={region}");
        Assert.Equal(new[] { flat.Str("id"), banded.Str("id") }.Order(), listed.Select(o => o.Str("id")).Order());

        var updated = await app.Admin.PatchJsonAsync($"/admin/shipping-options/{flat.Str("id")}", new { amount = 590, freeAboveSubtotal = 0, enabled = false });
        Assert.Equal(590, updated.Long("amount"));
        Assert.Null(updated["freeAboveSubtotal"]);
        Assert.False(updated["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Creating_changing_and_deleting_an_option_each_record_an_event_with_its_state()
    {
        var region = (await app.Admin.PostJsonAsync("/admin/regions", new { name = "Shipping events", currency = "USD" })).Str("id");
        var id = (await app.Admin.PostJsonAsync("/admin/shipping-options",
            new { regionId = region, name = "Courier", pricingType = "flat", amount = 700 })).Str("id");
        await app.Admin.PatchJsonAsync($"/admin/shipping-options/{id}", new { amount = 800 });
        (await app.Admin.DeleteAsync($"/admin/shipping-options/{id}")).EnsureSuccessStatusCode();

        var events = await app.EventsOfAsync(id);

        Assert.Equal(["shipping_option.created", "shipping_option.updated", "shipping_option.deleted"], EventsTestData.TypesInSequence(events));
        Assert.Equal(700, events[0]["data"].Long("amount"));
        Assert.Equal(region, events[0]["data"].Str("regionId"));
        Assert.Equal(800, events[1]["data"].Long("amount"));
        Assert.Equal(id, events[2]["data"].Str("id"));
    }

    [Fact]
    public async Task Inconsistent_pricing_and_unknown_references_are_400()
    {
        var noAmount = await app.Admin.PostAsJsonAsync("/admin/shipping-options", new { regionId = app.UsRegionId, name = "X", pricingType = "flat" });
        Assert.Contains("amount", (await noAmount.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields());

        var openInTheMiddle = await app.Admin.PostAsJsonAsync("/admin/shipping-options", new
        {
            regionId = app.UsRegionId, name = "X", pricingType = "weight_bands",
            bands = new object[] { new { amount = 100 }, new { upToGrams = 500, amount = 200 } },
        });
        Assert.Contains("bands[0].upToGrams", (await openInTheMiddle.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields());

        var unknown = await app.Admin.PostAsJsonAsync("/admin/shipping-options",
            new { regionId = "reg_nope", name = "X", pricingType = "flat", amount = 1, taxClassId = "txc_nope" });
        var fields = (await unknown.ShouldBeProblemAsync(400, "validation_failed")).ErrorFields();
        Assert.Contains("regionId", fields);
        Assert.Contains("taxClassId", fields);
    }
}

public sealed class ShippingOptionOnSqlite(SqliteApp app) : ShippingOptionTests(app), IClassFixture<SqliteApp>;

public sealed class ShippingOptionOnPostgres(PostgresApp app) : ShippingOptionTests(app), IClassFixture<PostgresApp>;
