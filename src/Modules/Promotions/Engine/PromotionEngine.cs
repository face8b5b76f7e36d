using Mercato.Promotions.Contracts;

namespace Mercato.Promotions.Engine;

/// <summary>
/// The promotion rules of docs/decisions/0007, without a database: which promotions apply, in which order, and how each
/// discount is split over lines. Every part is exact integer arithmetic; no line and no shipping charge goes below zero.
/// </summary>
internal static class PromotionEngine
{
    public static PromotionOutcome Evaluate(PromotionContext context, IReadOnlyList<PromotionRule> candidates, DateTimeOffset now,
        IReadOnlyList<RejectedCode>? alreadyRejected = null)
    {
        // Lines in id order: the outcome never depends on the order lines were added. Gift-card lines take no part (ADR 9):
        // a card must never be worth more than was paid for it.
        var lines = context.Lines.Where(l => !l.IsGiftCard).OrderBy(l => l.LineId, StringComparer.Ordinal).ToList();
        var remaining = lines.ToDictionary(l => l.LineId, l => l.Subtotal, StringComparer.Ordinal);
        var shippingLeft = Math.Max(context.ShippingAmount, 0);
        var discounts = new List<LineDiscount>();
        var applied = new List<AppliedPromotion>();
        var rejected = new List<RejectedCode>(alreadyRejected ?? []);
        var exclusiveApplied = false;

        foreach (var rule in Ordered(candidates))
        {
            if (Ineligible(rule, context, lines, now) is { } reason)
            {
                Reject(rule, reason);
                continue;
            }
            if (exclusiveApplied || (rule.Exclusive && applied.Count > 0))
            {
                Reject(rule, "not_combinable");
                continue;
            }
            var qualifying = lines.Where(l => Qualifies(l, rule.Conditions)).ToList();
            var (parts, shipping) = Compute(rule.Action, lines, qualifying, remaining, shippingLeft);
            var total = parts.Sum(p => p.Amount);
            if (total == 0 && shipping == 0)
            {
                Reject(rule, "no_discount");
                continue;
            }
            foreach (var (lineId, amount) in parts.Where(p => p.Amount > 0))
            {
                remaining[lineId] -= amount;
                discounts.Add(new LineDiscount(lineId, rule.Id, rule.Code, amount));
            }
            shippingLeft -= shipping;
            applied.Add(new AppliedPromotion(rule.Id, rule.Name, rule.Code, checked(total + shipping), shipping));
            exclusiveApplied = rule.Exclusive;
        }
        return new PromotionOutcome(discounts, Math.Max(context.ShippingAmount, 0) - shippingLeft, applied, rejected);

        void Reject(PromotionRule rule, string reason)
        {
            if (rule.Code is { } code) rejected.Add(new RejectedCode(code, reason));
        }
    }

    /// <summary>Priority descending, then exclusive before combinable, then id.</summary>
    public static IEnumerable<PromotionRule> Ordered(IEnumerable<PromotionRule> rules) => rules
        .OrderByDescending(r => r.Priority).ThenByDescending(r => r.Exclusive).ThenBy(r => r.Id, StringComparer.Ordinal)
        .ThenBy(r => r.Code, StringComparer.Ordinal);

    private static string? Ineligible(PromotionRule rule, PromotionContext context, IReadOnlyList<PromotionLine> lines, DateTimeOffset now)
    {
        var c = rule.Conditions;
        if (!rule.Enabled) return "disabled";
        if (rule.RequiresCode && rule.Code is null) return "code_required";
        if (rule.StartsAt is { } starts && now < starts) return "not_started";
        if (rule.EndsAt is { } ends && now >= ends) return "expired";
        if (!Allows(c.CurrencyCodes, context.CurrencyCode) || !Allows(c.RegionIds, context.RegionId)
            || !Allows(c.SalesChannelIds, context.SalesChannelId)) return "conditions_not_met";
        if (c.CustomerGroupIds.Count > 0 && !context.Customer.GroupIds.Any(g => c.CustomerGroupIds.Contains(g))) return "conditions_not_met";
        if (c.FirstOrderOnly && !context.Customer.FirstOrder) return "conditions_not_met";
        var qualifying = lines.Where(l => Qualifies(l, c)).ToList();
        if (qualifying.Count == 0) return "conditions_not_met";
        if (c.MinQuantity is { } minQuantity && qualifying.Sum(l => (long)l.Quantity) < minQuantity) return "conditions_not_met";
        if (c.MinSubtotal is { } minSubtotal && qualifying.Sum(l => l.Subtotal) < minSubtotal) return "conditions_not_met";
        return null;
    }

    private static bool Allows(IReadOnlyList<string> allowed, string value) => allowed.Count == 0 || allowed.Contains(value, StringComparer.Ordinal);

    public static bool Qualifies(PromotionLine line, PromotionConditions c) => !c.TargetsItems
        || c.ProductIds.Contains(line.ProductId, StringComparer.Ordinal) || c.VariantIds.Contains(line.VariantId, StringComparer.Ordinal)
        || line.CategoryIds.Any(id => c.CategoryIds.Contains(id, StringComparer.Ordinal))
        || line.CollectionIds.Any(id => c.CollectionIds.Contains(id, StringComparer.Ordinal));

    private static (List<(string LineId, long Amount)> Parts, long Shipping) Compute(PromotionAction action, IReadOnlyList<PromotionLine> all,
        IReadOnlyList<PromotionLine> qualifying, IReadOnlyDictionary<string, long> remaining, long shippingLeft)
    {
        switch (action.Type)
        {
            case PromotionActionType.OrderPercentage:
                return (Percentage(all, remaining, action.PercentBasisPoints), 0);
            case PromotionActionType.OrderFixed:
                return (Fixed(all, remaining, action.Amount), 0);
            case PromotionActionType.ItemsPercentage:
                return (Percentage(qualifying, remaining, action.PercentBasisPoints), 0);
            case PromotionActionType.ItemsFixed:
                return (Fixed(qualifying, remaining, action.Amount), 0);
            case PromotionActionType.FreeShipping:
                return ([], shippingLeft);
            case PromotionActionType.BuyXGetY:
                return (BuyXGetY(qualifying, remaining, action), 0);
            case PromotionActionType.Bundle:
                return (Bundle(qualifying, remaining, action), 0);
            default:
                return ([], 0);
        }
    }

    private static List<(string, long)> Percentage(IReadOnlyList<PromotionLine> lines, IReadOnlyDictionary<string, long> remaining, int basisPoints)
    {
        var weights = lines.Select(l => (l.LineId, remaining[l.LineId])).ToList();
        var basis = weights.Sum(w => w.Item2);
        return Allocate(RoundHalfAwayFromZero((Int128)basis * Math.Clamp(basisPoints, 0, 10_000), 10_000), weights);
    }

    private static List<(string, long)> Fixed(IReadOnlyList<PromotionLine> lines, IReadOnlyDictionary<string, long> remaining, long amount)
    {
        var weights = lines.Select(l => (l.LineId, remaining[l.LineId])).ToList();
        return Allocate(Math.Clamp(amount, 0, weights.Sum(w => w.Item2)), weights);
    }

    /// <summary>A line's units each carry an equal share of its remaining amount: k units are worth remaining × k / quantity.</summary>
    private static long ValueOf(PromotionLine line, IReadOnlyDictionary<string, long> remaining, int units) =>
        (long)((Int128)remaining[line.LineId] * units / line.Quantity);

    /// <summary>Qualifying units, most expensive first (ties by line id), as (line, units) runs.</summary>
    private static List<PromotionLine> ByUnitPriceDescending(IReadOnlyList<PromotionLine> lines) =>
        [.. lines.Where(l => l.Quantity > 0).OrderByDescending(l => l.UnitPrice).ThenBy(l => l.LineId, StringComparer.Ordinal)];

    private static List<(string, long)> BuyXGetY(IReadOnlyList<PromotionLine> qualifying, IReadOnlyDictionary<string, long> remaining,
        PromotionAction action)
    {
        if (action.BuyQuantity < 1 || action.GetQuantity < 1) return [];
        var sorted = ByUnitPriceDescending(qualifying);
        var units = sorted.Sum(l => (long)l.Quantity);
        var free = units / (action.BuyQuantity + action.GetQuantity) * action.GetQuantity;
        // The cheapest units are the discounted ones: walk from the cheapest end.
        var parts = new List<(string, long)>();
        for (var i = sorted.Count - 1; i >= 0 && free > 0; i--)
        {
            var line = sorted[i];
            var take = (int)Math.Min(line.Quantity, free);
            free -= take;
            var value = ValueOf(line, remaining, take);
            parts.Add((line.LineId, (long)((Int128)value * Math.Clamp(action.PercentBasisPoints, 0, 10_000) / 10_000)));
        }
        return parts;
    }

    private static List<(string, long)> Bundle(IReadOnlyList<PromotionLine> qualifying, IReadOnlyDictionary<string, long> remaining,
        PromotionAction action)
    {
        if (action.BundleQuantity < 1) return [];
        var sorted = ByUnitPriceDescending(qualifying);
        var bundles = sorted.Sum(l => (long)l.Quantity) / action.BundleQuantity;
        var inBundles = bundles * action.BundleQuantity;
        var weights = new List<(string, long)>();
        foreach (var line in sorted)
        {
            if (inBundles == 0) break;
            var take = (int)Math.Min(line.Quantity, inBundles);
            inBundles -= take;
            weights.Add((line.LineId, ValueOf(line, remaining, take)));
        }
        var value = weights.Sum(w => w.Item2);
        var price = (Int128)bundles * Math.Max(action.Amount, 0);
        var discount = price >= value ? 0 : (long)(value - price);
        return Allocate(discount, weights);
    }

    /// <summary>
    /// Splits <paramref name="amount"/> (at most the weights' sum) proportionally to the weights by largest remainder; ties go to
    /// the smaller line id. Parts sum to the amount and none exceeds its weight.
    /// </summary>
    public static List<(string LineId, long Amount)> Allocate(long amount, IReadOnlyList<(string LineId, long Weight)> weights)
    {
        var total = weights.Sum(w => Math.Max(w.Weight, 0));
        if (amount <= 0 || total <= 0) return [];
        amount = Math.Min(amount, total);
        var parts = weights.Select(w =>
        {
            var exact = (Int128)amount * Math.Max(w.Weight, 0);
            return (w.LineId, Amount: (long)(exact / total), Remainder: (long)(exact % total));
        }).ToList();
        var left = amount - parts.Sum(p => p.Amount);
        var order = parts.Select((p, i) => (p, i)).OrderByDescending(x => x.p.Remainder)
            .ThenBy(x => x.p.LineId, StringComparer.Ordinal).Select(x => x.i).ToList();
        foreach (var i in order.Take((int)left)) parts[i] = parts[i] with { Amount = parts[i].Amount + 1 };
        return [.. parts.Select(p => (p.LineId, p.Amount))];
    }

    private static long RoundHalfAwayFromZero(Int128 numerator, long denominator)
    {
        var quotient = numerator / denominator;
        var remainder = numerator % denominator;
        return (long)(remainder * 2 >= denominator ? quotient + 1 : quotient);
    }
}
