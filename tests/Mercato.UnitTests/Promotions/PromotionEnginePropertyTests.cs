using CsCheck;
using Mercato.Promotions.Contracts;
using Mercato.Promotions.Engine;

namespace Mercato.UnitTests.Promotions;

/// <summary>Invariants of the engine over many generated carts and promotions.</summary>
public class PromotionEnginePropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Categories = ["pcat_a", "pcat_b", "pcat_c"];

    private static readonly Gen<PromotionLine> GenLine =
        Gen.Select(Gen.Int[0, 99_999], Gen.Long[0, 1_000_000], Gen.Int[1, 20], Gen.Int[0, 3], Gen.Int[0, 2])
            .Select((n, price, quantity, category, product) => new PromotionLine($"cali_{n:D5}", $"var_{n % 7}", $"prod_{product}",
                category == 3 ? [] : [Categories[category]], [], quantity, price));

    private static readonly Gen<PromotionLine[]> GenLines = GenLine.Array[0, 8]
        .Select(lines => lines.DistinctBy(l => l.LineId).ToArray());

    private static readonly Gen<PromotionAction> GenAction = Gen.OneOf(
        Gen.Int[0, 10_000].Select(bp => new PromotionAction(PromotionActionType.OrderPercentage, PercentBasisPoints: bp)),
        Gen.Long[0, 5_000_000].Select(a => new PromotionAction(PromotionActionType.OrderFixed, Amount: a)),
        Gen.Int[0, 10_000].Select(bp => new PromotionAction(PromotionActionType.ItemsPercentage, PercentBasisPoints: bp)),
        Gen.Long[0, 5_000_000].Select(a => new PromotionAction(PromotionActionType.ItemsFixed, Amount: a)),
        Gen.Const(new PromotionAction(PromotionActionType.FreeShipping)),
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[1, 4], Gen.Int[1, 3])
            .Select((bp, x, y) => new PromotionAction(PromotionActionType.BuyXGetY, PercentBasisPoints: bp, BuyQuantity: x, GetQuantity: y)),
        Gen.Select(Gen.Long[0, 2_000_000], Gen.Int[1, 5])
            .Select((price, n) => new PromotionAction(PromotionActionType.Bundle, Amount: price, BundleQuantity: n)));

    private static readonly Gen<PromotionRule> GenRule =
        Gen.Select(Gen.Int[0, 999], GenAction, Gen.Int[0, 3], Gen.Bool, Gen.Int[0, 3])
            .Select((id, action, priority, exclusive, category) => new PromotionRule($"promo_{id:D3}", "P", action,
                new PromotionConditions { CategoryIds = category == 3 ? [] : [Categories[category]] })
            { Priority = priority, Exclusive = exclusive });

    private static readonly Gen<(PromotionContext Cart, PromotionRule[] Rules)> GenCase =
        Gen.Select(GenLines, Gen.Long[0, 100_000], GenRule.Array[0, 5])
            .Select((lines, shipping, rules) => (new PromotionContext("USD", "reg_us", "sc_web", PromotionCustomer.Guest, lines, shipping, []),
                rules.DistinctBy(r => r.Id).ToArray()));

    [Fact]
    public void No_line_and_no_shipping_charge_goes_below_zero() => GenCase.Sample(c =>
    {
        var outcome = PromotionEngine.Evaluate(c.Cart, c.Rules, Now);
        foreach (var line in c.Cart.Lines)
        {
            var discount = outcome.DiscountOf(line.LineId);
            Assert.InRange(discount, 0, line.Subtotal);
        }
        Assert.InRange(outcome.ShippingDiscount, 0, c.Cart.ShippingAmount);
        Assert.All(outcome.LineDiscounts, d => Assert.True(d.Amount > 0));
    }, iter: 2000);

    [Fact]
    public void Allocations_add_up_to_each_promotions_discount() => GenCase.Sample(c =>
    {
        var outcome = PromotionEngine.Evaluate(c.Cart, c.Rules, Now);
        foreach (var applied in outcome.Applied)
        {
            var lines = outcome.LineDiscounts.Where(d => d.PromotionId == applied.PromotionId).Sum(d => d.Amount);
            Assert.Equal(applied.Amount, lines + applied.ShippingAmount);
        }
        Assert.Equal(outcome.ShippingDiscount, outcome.Applied.Sum(a => a.ShippingAmount));
    }, iter: 2000);

    [Fact]
    public void Item_discounts_stay_on_the_lines_they_apply_to() => GenCase.Sample(c =>
    {
        var outcome = PromotionEngine.Evaluate(c.Cart, c.Rules, Now);
        var byId = c.Cart.Lines.ToDictionary(l => l.LineId);
        foreach (var part in outcome.LineDiscounts)
        {
            var rule = c.Rules.Single(r => r.Id == part.PromotionId);
            if (rule.Action.Type is PromotionActionType.OrderPercentage or PromotionActionType.OrderFixed) continue;
            Assert.True(PromotionEngine.Qualifies(byId[part.LineId], rule.Conditions));
        }
    }, iter: 1000);

    [Fact]
    public void The_result_does_not_depend_on_the_order_of_lines_or_promotions() =>
        Gen.Select(GenCase, Gen.Int).Sample(t =>
        {
            var (c, seed) = t;
            var random = new Random(seed);
            var shuffled = c.Cart with { Lines = [.. c.Cart.Lines.OrderBy(_ => random.Next())] };
            var rules = c.Rules.OrderBy(_ => random.Next()).ToArray();
            var a = PromotionEngine.Evaluate(c.Cart, c.Rules, Now);
            var b = PromotionEngine.Evaluate(shuffled, rules, Now);
            Assert.Equal(a.LineDiscounts, b.LineDiscounts);
            Assert.Equal(a.Applied, b.Applied);
            Assert.Equal(a.ShippingDiscount, b.ShippingDiscount);
        }, iter: 1000);

    [Fact]
    public void Gift_card_lines_never_get_a_discount_and_change_nothing_for_the_other_lines() =>
        Gen.Select(GenCase, Gen.Bool.Array[8]).Sample(t =>
        {
            var (c, flags) = t;
            // Some lines become gift cards (ADR 9): they must get nothing, and the rest must be priced as if they were absent.
            var lines = c.Cart.Lines.Select((l, i) => l with { IsGiftCard = flags[i] }).ToArray();
            var outcome = PromotionEngine.Evaluate(c.Cart with { Lines = lines }, c.Rules, Now);
            var without = PromotionEngine.Evaluate(c.Cart with { Lines = [.. lines.Where(l => !l.IsGiftCard)] }, c.Rules, Now);
            Assert.All(lines.Where(l => l.IsGiftCard), l => Assert.Equal(0, outcome.DiscountOf(l.LineId)));
            Assert.Equal(without.LineDiscounts, outcome.LineDiscounts);
            Assert.Equal(without.Applied, outcome.Applied);
            Assert.Equal(without.ShippingDiscount, outcome.ShippingDiscount);
        }, iter: 1000);

    [Fact]
    public void Allocation_parts_sum_to_the_amount_and_never_exceed_their_weight() =>
        Gen.Select(Gen.Long[0, 10_000_000], Gen.Long[0, 1_000_000].Array[1, 10]).Sample(t =>
        {
            var (amount, weights) = t;
            var named = weights.Select((w, i) => ($"l{i:D2}", w)).ToList();
            var parts = PromotionEngine.Allocate(amount, named);
            Assert.Equal(Math.Min(amount, weights.Sum()), parts.Sum(p => p.Amount));
            Assert.All(parts.Zip(named), p => Assert.InRange(p.First.Amount, 0, p.Second.w));
        }, iter: 2000);
}
