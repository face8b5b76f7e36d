using Mercato.Promotions.Contracts;
using Mercato.Promotions.Engine;

namespace Mercato.UnitTests.Promotions;

public class PromotionEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    internal static PromotionLine Line(string id, long unitPrice, int quantity = 1, string? product = null, string[]? categories = null,
        string[]? collections = null) =>
        new(id, "var_" + id, product ?? "prod_" + id, categories ?? [], collections ?? [], quantity, unitPrice);

    private static PromotionContext Cart(params PromotionLine[] lines) =>
        new("USD", "reg_us", "sc_web", PromotionCustomer.Guest, lines, 0, []);

    private static PromotionRule Rule(string id, PromotionAction action, PromotionConditions? conditions = null) =>
        new(id, id, action, conditions ?? new PromotionConditions());

    private static readonly PromotionAction TenPercent = new(PromotionActionType.OrderPercentage, PercentBasisPoints: 1000);

    private static PromotionOutcome Run(PromotionContext cart, params PromotionRule[] rules) => PromotionEngine.Evaluate(cart, rules, Now);

    [Fact]
    public void Percentage_off_the_order_is_rounded_once_and_allocated_by_largest_remainder()
    {
        // 10% of 1001 = 100.1 → 100; split 3:1 by line amount: 75.07 / 25.03 → 75 + 25 = 100.
        var outcome = Run(Cart(Line("a", 751), Line("b", 250)), Rule("p1", TenPercent));
        Assert.Equal(75, outcome.DiscountOf("a"));
        Assert.Equal(25, outcome.DiscountOf("b"));
        Assert.Equal(100, outcome.Applied.Single().Amount);
    }

    [Fact]
    public void Remainders_go_to_the_largest_fraction_then_to_the_smaller_line_id()
    {
        var parts = PromotionEngine.Allocate(100, [("c", 500), ("a", 500), ("b", 500)]);
        Assert.Equal([("c", 33L), ("a", 34L), ("b", 33L)], parts);
    }

    [Fact]
    public void Fixed_off_the_order_is_capped_at_the_order_amount()
    {
        var outcome = Run(Cart(Line("a", 300), Line("b", 200)), Rule("p1", new PromotionAction(PromotionActionType.OrderFixed, Amount: 10_000)));
        Assert.Equal(300, outcome.DiscountOf("a"));
        Assert.Equal(200, outcome.DiscountOf("b"));
    }

    [Fact]
    public void Fixed_off_the_order_is_split_proportionally()
    {
        var outcome = Run(Cart(Line("a", 300), Line("b", 100)), Rule("p1", new PromotionAction(PromotionActionType.OrderFixed, Amount: 100)));
        Assert.Equal(75, outcome.DiscountOf("a"));
        Assert.Equal(25, outcome.DiscountOf("b"));
    }

    [Fact]
    public void Percentage_off_qualifying_items_leaves_other_lines_alone()
    {
        var outcome = Run(Cart(Line("a", 1000, categories: ["pcat_shoes"]), Line("b", 1000)),
            Rule("p1", new PromotionAction(PromotionActionType.ItemsPercentage, PercentBasisPoints: 2500),
                new PromotionConditions { CategoryIds = ["pcat_shoes"] }));
        Assert.Equal(250, outcome.DiscountOf("a"));
        Assert.Equal(0, outcome.DiscountOf("b"));
    }

    [Fact]
    public void Fixed_off_qualifying_items_targets_listed_products_only()
    {
        var outcome = Run(Cart(Line("a", 1000, product: "prod_x"), Line("b", 1000)),
            Rule("p1", new PromotionAction(PromotionActionType.ItemsFixed, Amount: 300), new PromotionConditions { ProductIds = ["prod_x"] }));
        Assert.Equal(300, outcome.DiscountOf("a"));
        Assert.Equal(0, outcome.DiscountOf("b"));
    }

    [Fact]
    public void Free_shipping_discounts_the_shipping_charge_and_never_more()
    {
        var cart = Cart(Line("a", 1000)) with { ShippingAmount = 599 };
        var outcome = Run(cart, Rule("p1", new PromotionAction(PromotionActionType.FreeShipping)),
            Rule("p2", new PromotionAction(PromotionActionType.FreeShipping)));
        Assert.Equal(599, outcome.ShippingDiscount);
        Assert.Equal(0, outcome.DiscountOf("a"));
        Assert.Contains(outcome.Applied, a => a.PromotionId == "p1" && a.ShippingAmount == 599);
        Assert.DoesNotContain(outcome.Applied, a => a.PromotionId == "p2");
    }

    [Fact]
    public void Buy_two_get_one_free_makes_the_cheapest_unit_free()
    {
        var outcome = Run(Cart(Line("a", 1000, 2), Line("b", 400)),
            Rule("p1", new PromotionAction(PromotionActionType.BuyXGetY, PercentBasisPoints: 10_000, BuyQuantity: 2, GetQuantity: 1)));
        Assert.Equal(400, outcome.DiscountOf("b"));
        Assert.Equal(0, outcome.DiscountOf("a"));
    }

    [Fact]
    public void Buy_one_get_one_half_off_counts_complete_groups_only()
    {
        // 5 units of 1000: two groups of (1+1), so two units at 50% off.
        var outcome = Run(Cart(Line("a", 1000, 5)),
            Rule("p1", new PromotionAction(PromotionActionType.BuyXGetY, PercentBasisPoints: 5000, BuyQuantity: 1, GetQuantity: 1)));
        Assert.Equal(1000, outcome.DiscountOf("a"));
    }

    [Fact]
    public void A_bundle_sells_groups_of_units_at_a_fixed_price()
    {
        // Any 3 for 2000: units 1200, 900, 900 → one bundle worth 3000 → 1000 off, split 1200:1800.
        var outcome = Run(Cart(Line("a", 1200), Line("b", 900, 2), Line("c", 100)),
            Rule("p1", new PromotionAction(PromotionActionType.Bundle, Amount: 2000, BundleQuantity: 3)));
        Assert.Equal(400, outcome.DiscountOf("a"));
        Assert.Equal(600, outcome.DiscountOf("b"));
        Assert.Equal(0, outcome.DiscountOf("c"));
    }

    [Fact]
    public void A_bundle_priced_above_its_units_gives_nothing()
    {
        var outcome = Run(Cart(Line("a", 100, 3)), Rule("p1", new PromotionAction(PromotionActionType.Bundle, Amount: 2000, BundleQuantity: 3)));
        Assert.Empty(outcome.Applied);
    }

    [Theory]
    [InlineData(999, false)]
    [InlineData(1000, true)]
    public void Minimum_subtotal_is_over_qualifying_lines(long price, bool applies)
    {
        var outcome = Run(Cart(Line("a", price)), Rule("p1", TenPercent, new PromotionConditions { MinSubtotal = 1000 }));
        Assert.Equal(applies, outcome.Applied.Count == 1);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Minimum_quantity_is_over_qualifying_lines(int quantity, bool applies)
    {
        var outcome = Run(Cart(Line("a", 100, quantity), Line("b", 100, 5)),
            Rule("p1", TenPercent, new PromotionConditions { MinQuantity = 3, VariantIds = ["var_a"] }));
        Assert.Equal(applies, outcome.Applied.Count == 1);
    }

    [Fact]
    public void Collections_qualify_lines()
    {
        var rule = Rule("p1", new PromotionAction(PromotionActionType.ItemsPercentage, PercentBasisPoints: 1000),
            new PromotionConditions { CollectionIds = ["pcol_summer"] });
        Assert.Empty(Run(Cart(Line("a", 1000)), rule).Applied);
        Assert.Equal(100, Run(Cart(Line("a", 1000, collections: ["pcol_summer"])), rule).DiscountOf("a"));
    }

    [Fact]
    public void Customer_groups_must_include_one_of_the_customers_groups()
    {
        var rule = Rule("p1", TenPercent, new PromotionConditions { CustomerGroupIds = ["cgrp_vip"] });
        var cart = Cart(Line("a", 1000));
        Assert.Empty(Run(cart, rule).Applied);
        Assert.Single(Run(cart with { Customer = new PromotionCustomer("cus_1", ["cgrp_x", "cgrp_vip"], false) }, rule).Applied);
    }

    [Fact]
    public void Region_currency_and_channel_conditions_restrict_the_market()
    {
        var cart = Cart(Line("a", 1000));
        Assert.Empty(Run(cart, Rule("p1", TenPercent, new PromotionConditions { RegionIds = ["reg_eu"] })).Applied);
        Assert.Empty(Run(cart, Rule("p1", TenPercent, new PromotionConditions { CurrencyCodes = ["EUR"] })).Applied);
        Assert.Empty(Run(cart, Rule("p1", TenPercent, new PromotionConditions { SalesChannelIds = ["sc_pos"] })).Applied);
        Assert.Single(Run(cart, Rule("p1", TenPercent, new PromotionConditions
        {
            RegionIds = ["reg_us"], CurrencyCodes = ["USD"], SalesChannelIds = ["sc_web"],
        })).Applied);
    }

    [Fact]
    public void First_order_only_excludes_returning_customers()
    {
        var rule = Rule("p1", TenPercent, new PromotionConditions { FirstOrderOnly = true });
        var cart = Cart(Line("a", 1000));
        Assert.Single(Run(cart with { Customer = new PromotionCustomer("cus_1", [], true) }, rule).Applied);
        Assert.Empty(Run(cart with { Customer = new PromotionCustomer("cus_1", [], false) }, rule).Applied);
    }

    [Fact]
    public void A_disabled_promotion_does_not_apply_and_rejects_its_code()
    {
        var outcome = Run(Cart(Line("a", 1000)), Rule("p1", TenPercent) with { Enabled = false, Code = "SAVE" });
        Assert.Empty(outcome.Applied);
        Assert.Equal([new RejectedCode("SAVE", "disabled")], outcome.RejectedCodes);
    }

    [Fact]
    public void A_promotion_that_requires_a_code_needs_one()
    {
        var rule = Rule("p1", TenPercent) with { RequiresCode = true };
        Assert.Empty(Run(Cart(Line("a", 1000)), rule).Applied);
        Assert.Equal("SAVE", Run(Cart(Line("a", 1000)), rule with { Code = "SAVE" }).Applied.Single().Code);
    }

    [Theory]
    [InlineData(-1, false)]   // a tick before the start
    [InlineData(0, true)]     // the start is inclusive
    [InlineData(3599, true)]
    [InlineData(3600, false)] // the end is exclusive
    public void Schedule_starts_inclusive_and_ends_exclusive(int secondsAfterStart, bool applies)
    {
        var rule = Rule("p1", TenPercent) with { StartsAt = Now, EndsAt = Now.AddHours(1) };
        var outcome = PromotionEngine.Evaluate(Cart(Line("a", 1000)), [rule], Now.AddSeconds(secondsAfterStart));
        Assert.Equal(applies, outcome.Applied.Count == 1);
    }

    [Fact]
    public void Promotions_stack_in_priority_order_each_on_what_earlier_ones_left()
    {
        // 20% first (priority 10): 1000 → 800; then 10% of 800 = 80.
        var outcome = Run(Cart(Line("a", 1000)),
            Rule("p_low", TenPercent),
            Rule("p_high", new PromotionAction(PromotionActionType.OrderPercentage, PercentBasisPoints: 2000)) with { Priority = 10 });
        Assert.Equal(["p_high", "p_low"], outcome.Applied.Select(a => a.PromotionId));
        Assert.Equal(280, outcome.DiscountOf("a"));
    }

    [Fact]
    public void An_exclusive_promotion_first_in_order_stops_the_others()
    {
        var outcome = Run(Cart(Line("a", 1000)),
            Rule("p1", TenPercent) with { Code = "TEN" },
            Rule("p2", new PromotionAction(PromotionActionType.OrderFixed, Amount: 300)) with { Exclusive = true });
        Assert.Equal("p2", outcome.Applied.Single().PromotionId);
        Assert.Equal([new RejectedCode("TEN", "not_combinable")], outcome.RejectedCodes);
    }

    [Fact]
    public void An_exclusive_promotion_after_others_applied_is_skipped()
    {
        var outcome = Run(Cart(Line("a", 1000)),
            Rule("p1", TenPercent) with { Priority = 5 },
            Rule("p2", new PromotionAction(PromotionActionType.OrderFixed, Amount: 300)) with { Exclusive = true });
        Assert.Equal("p1", outcome.Applied.Single().PromotionId);
    }

    [Fact]
    public void Same_priority_orders_exclusive_first_then_by_id()
    {
        var ordered = PromotionEngine.Ordered([Rule("b", TenPercent), Rule("c", TenPercent) with { Exclusive = true }, Rule("a", TenPercent)]);
        Assert.Equal(["c", "a", "b"], ordered.Select(r => r.Id));
    }

    [Fact]
    public void A_promotion_that_gives_nothing_is_not_applied_and_does_not_block_an_exclusive_one()
    {
        var outcome = Run(Cart(Line("a", 1000)) with { ShippingAmount = 0 },
            Rule("p1", new PromotionAction(PromotionActionType.FreeShipping)) with { Priority = 5 },
            Rule("p2", TenPercent) with { Exclusive = true });
        Assert.Equal("p2", outcome.Applied.Single().PromotionId);
    }

    [Fact]
    public void Gift_card_lines_are_never_discounted_nor_counted_towards_conditions()
    {
        var giftCard = Line("g", 5000, 2) with { IsGiftCard = true };
        // 10% off the order: only the normal line; 50.00 of gift cards do not lift a 20.00 cart over a 30.00 minimum.
        var outcome = Run(Cart(Line("a", 2000), giftCard), Rule("p1", TenPercent));
        Assert.Equal(200, outcome.DiscountOf("a"));
        Assert.Equal(0, outcome.DiscountOf("g"));
        Assert.Empty(Run(Cart(Line("a", 2000), giftCard), Rule("p1", TenPercent, new PromotionConditions { MinSubtotal = 3000 })).Applied);
        Assert.Empty(Run(Cart(giftCard), Rule("p2", new PromotionAction(PromotionActionType.ItemsFixed, Amount: 500),
            new PromotionConditions { ProductIds = ["prod_g"] })).Applied);
    }
}
