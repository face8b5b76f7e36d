using CsCheck;
using Mercato.Catalog.PriceLists;

namespace Mercato.UnitTests.Catalog;

/// <summary>The best-price rule of ADR 8.</summary>
public class BestPriceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static PriceListRule List(string id, DateTimeOffset? starts = null, DateTimeOffset? ends = null, string[]? groups = null,
        string[]? regions = null, string[]? channels = null, bool active = true) =>
        new(id, active, starts, ends, groups ?? [], regions ?? [], channels ?? []);

    private static PriceQuery Query(int quantity = 1, string[]? groups = null, string region = "reg_us", string channel = "sc_web",
        DateTimeOffset? now = null, string currency = "USD") =>
        new(currency, quantity, region, channel, groups ?? [], now ?? Now);

    [Fact]
    public void Without_applicable_prices_the_base_price_wins_and_no_original_is_shown()
    {
        var choice = BestPrice.Choose(1000, [new ListPrice(List("plist_a", active: false), "USD", 500, 1)], Query());
        Assert.Equal(new PriceChoice(1000, null, null), choice);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(9, 1000)]
    [InlineData(10, 800)]
    [InlineData(49, 800)]
    [InlineData(50, 700)]
    public void Quantity_tiers_apply_from_their_minimum_quantity(int quantity, long expected)
    {
        var list = List("plist_tiers");
        var prices = new[] { new ListPrice(list, "USD", 800, 10), new ListPrice(list, "USD", 700, 50) };
        var choice = BestPrice.Choose(1000, prices, Query(quantity));
        Assert.Equal(expected, choice.Amount);
        Assert.Equal(expected < 1000 ? 1000 : null, choice.OriginalAmount);
    }

    [Fact]
    public void A_schedule_starts_inclusive_and_ends_exclusive()
    {
        var list = List("plist_sale", starts: Now, ends: Now.AddDays(1));
        ListPrice[] prices = [new(list, "USD", 600, 1)];
        Assert.Equal(1000, BestPrice.Choose(1000, prices, Query(now: Now.AddTicks(-1))).Amount);
        Assert.Equal(600, BestPrice.Choose(1000, prices, Query(now: Now)).Amount);
        Assert.Equal(600, BestPrice.Choose(1000, prices, Query(now: Now.AddDays(1).AddTicks(-1))).Amount);
        Assert.Equal(1000, BestPrice.Choose(1000, prices, Query(now: Now.AddDays(1))).Amount);
    }

    [Fact]
    public void A_group_list_applies_to_any_of_its_groups_and_never_to_a_guest()
    {
        ListPrice[] prices = [new(List("plist_vip", groups: ["cgrp_vip", "cgrp_staff"]), "USD", 700, 1)];
        Assert.Equal(1000, BestPrice.Choose(1000, prices, Query()).Amount);
        Assert.Equal(1000, BestPrice.Choose(1000, prices, Query(groups: ["cgrp_other"])).Amount);
        Assert.Equal(700, BestPrice.Choose(1000, prices, Query(groups: ["cgrp_other", "cgrp_staff"])).Amount);
    }

    [Fact]
    public void Region_channel_and_currency_conditions_must_hold()
    {
        ListPrice[] prices = [new(List("plist_eu", regions: ["reg_eu"], channels: ["sc_pos"]), "USD", 700, 1)];
        Assert.Equal(1000, BestPrice.Choose(1000, prices, Query(region: "reg_eu")).Amount);
        Assert.Equal(1000, BestPrice.Choose(1000, prices, Query(channel: "sc_pos")).Amount);
        Assert.Equal(700, BestPrice.Choose(1000, prices, Query(region: "reg_eu", channel: "sc_pos")).Amount);
        Assert.Equal(1000, BestPrice.Choose(1000, prices, Query(region: "reg_eu", channel: "sc_pos", currency: "EUR")).Amount);
    }

    [Fact]
    public void Ties_go_to_the_base_price_then_to_the_smaller_list_id()
    {
        Assert.Equal(new PriceChoice(1000, null, null), BestPrice.Choose(1000, [new ListPrice(List("plist_a"), "USD", 1000, 1)], Query()));
        ListPrice[] tied = [new(List("plist_b"), "USD", 900, 1), new(List("plist_a"), "USD", 900, 1), new(List("plist_c"), "USD", 950, 1)];
        Assert.Equal(new PriceChoice(900, 1000, "plist_a"), BestPrice.Choose(1000, tied, Query()));
        Assert.Equal(new PriceChoice(900, 1000, "plist_a"), BestPrice.Choose(1000, tied.Reverse(), Query()));
    }

    [Fact]
    public void An_override_above_the_base_price_never_raises_it() =>
        Assert.Equal(1000, BestPrice.Choose(1000, [new ListPrice(List("plist_up"), "USD", 1200, 1)], Query()).Amount);

    [Fact]
    public void The_next_boundary_is_the_nearest_future_start_or_end()
    {
        var lists = new[] { List("a", starts: Now.AddDays(-1), ends: Now.AddDays(3)), List("b", starts: Now.AddHours(5)), List("c", ends: Now) };
        Assert.Equal(Now.AddHours(5), BestPrice.NextBoundary(lists, Now));
        Assert.Null(BestPrice.NextBoundary([List("d")], Now));
    }

    private static readonly Gen<PriceListRule> GenList =
        Gen.Select(Gen.Int[0, 20], Gen.Bool, Gen.Int[-3, 3], Gen.Int[-3, 3], Gen.Int[0, 2], Gen.Int[0, 2])
            .Select((id, active, start, end, groups, regions) => new PriceListRule($"plist_{id:D2}", active,
                start == 0 ? null : Now.AddHours(start), end == 0 ? null : Now.AddHours(end),
                groups switch { 0 => [], 1 => ["cgrp_a"], _ => ["cgrp_b"] }, regions switch { 0 => [], 1 => ["reg_us"], _ => ["reg_eu"] }, []));

    private static readonly Gen<ListPrice> GenPrice =
        Gen.Select(GenList, Gen.Bool.Select(b => b ? "USD" : "EUR"), Gen.Long[0, 100_000], Gen.Int[1, 20])
            .Select((list, currency, amount, min) => new ListPrice(list, currency, amount, min));

    private static readonly Gen<PriceQuery> GenQuery =
        Gen.Select(Gen.Int[1, 30], Gen.Int[0, 2], Gen.Bool.Select(b => b ? "reg_us" : "reg_eu"), Gen.Int[-4, 4])
            .Select((quantity, groups, region, hours) => new PriceQuery("USD", quantity, region, "sc_web",
                groups switch { 0 => [], 1 => ["cgrp_a"], _ => ["cgrp_a", "cgrp_b"] }, Now.AddHours(hours)));

    [Fact]
    public void The_chosen_price_is_never_above_the_base_price_nor_any_applicable_price() =>
        Gen.Select(Gen.Long[0, 100_000], GenPrice.Array[0, 8], GenQuery).Sample((baseAmount, prices, query) =>
        {
            var choice = BestPrice.Choose(baseAmount, prices, query);
            Assert.True(choice.Amount <= baseAmount);
            foreach (var price in prices.Where(p => BestPrice.Applies(p, query))) Assert.True(choice.Amount <= price.Amount);
            Assert.Equal(choice.Amount < baseAmount ? baseAmount : null, choice.OriginalAmount);
            // The result does not depend on the order of the candidates.
            Assert.Equal(choice, BestPrice.Choose(baseAmount, prices.Reverse(), query));
        }, iter: 2000);
}
