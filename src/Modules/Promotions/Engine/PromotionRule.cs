namespace Mercato.Promotions.Engine;

internal enum PromotionActionType
{
    OrderPercentage,
    OrderFixed,
    ItemsPercentage,
    ItemsFixed,
    FreeShipping,
    BuyXGetY,
    Bundle,
}

/// <summary>
/// What a promotion gives. <see cref="PercentBasisPoints"/> (10000 = 100%) for percentages and the "get" units of buy X get Y;
/// <see cref="Amount"/> (minor units) for fixed amounts and the bundle price; <see cref="BuyQuantity"/>/<see cref="GetQuantity"/>
/// for buy X get Y; <see cref="BundleQuantity"/> for bundles.
/// </summary>
internal sealed record PromotionAction(PromotionActionType Type, int PercentBasisPoints = 0, long Amount = 0, int BuyQuantity = 0,
    int GetQuantity = 0, int BundleQuantity = 0);

/// <summary>
/// When a promotion applies. Empty lists do not restrict. A line qualifies when it matches any listed product, variant,
/// category or collection (no such list: every line qualifies); the minimums are over qualifying lines before discounts.
/// </summary>
internal sealed record PromotionConditions
{
    public long? MinSubtotal { get; init; }
    public int? MinQuantity { get; init; }
    public IReadOnlyList<string> ProductIds { get; init; } = [];
    public IReadOnlyList<string> VariantIds { get; init; } = [];
    public IReadOnlyList<string> CategoryIds { get; init; } = [];
    public IReadOnlyList<string> CollectionIds { get; init; } = [];
    public IReadOnlyList<string> CustomerGroupIds { get; init; } = [];
    public IReadOnlyList<string> RegionIds { get; init; } = [];
    public IReadOnlyList<string> CurrencyCodes { get; init; } = [];
    public IReadOnlyList<string> SalesChannelIds { get; init; } = [];
    public bool FirstOrderOnly { get; init; }

    public bool TargetsItems => ProductIds.Count + VariantIds.Count + CategoryIds.Count + CollectionIds.Count > 0;
}

/// <summary>
/// A promotion as the engine sees it. <see cref="Code"/> is the applied code that unlocked it (null for an automatic one);
/// a promotion that requires a code is only a candidate with one.
/// </summary>
internal sealed record PromotionRule(string Id, string Name, PromotionAction Action, PromotionConditions Conditions)
{
    public int Priority { get; init; }
    public bool Exclusive { get; init; }
    public bool Enabled { get; init; } = true;
    public bool RequiresCode { get; init; }
    public string? Code { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
}
