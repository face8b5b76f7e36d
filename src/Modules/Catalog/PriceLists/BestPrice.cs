namespace Mercato.Catalog.PriceLists;

/// <summary>A price list's rules as <see cref="BestPrice"/> needs them (status, schedule and conditions).</summary>
internal sealed record PriceListRule(string Id, bool Active, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    IReadOnlyCollection<string> CustomerGroupIds, IReadOnlyCollection<string> RegionIds, IReadOnlyCollection<string> SalesChannelIds);

/// <summary>One price of a list: for <see cref="MinQuantity"/> units or more of the variant, in the currency.</summary>
internal sealed record ListPrice(PriceListRule List, string CurrencyCode, long Amount, int MinQuantity);

/// <summary>Who buys how many, where and when.</summary>
internal sealed record PriceQuery(string CurrencyCode, int Quantity, string? RegionId, string SalesChannelId,
    IReadOnlyCollection<string> CustomerGroupIds, DateTimeOffset Now);

/// <summary>The unit price chosen; <see cref="OriginalAmount"/> is the base price when the winner is below it.</summary>
internal sealed record PriceChoice(long Amount, long? OriginalAmount, string? PriceListId);

/// <summary>The best-price rule of ADR 8, pure.</summary>
internal static class BestPrice
{
    /// <summary>
    /// Whether the list is active at <c>now</c> (<c>startsAt</c> inclusive, <c>endsAt</c> exclusive) and its conditions hold: the
    /// customer is in one of its groups (a guest in none), the region and the channel are among its own (empty = every one).
    /// </summary>
    public static bool ListApplies(PriceListRule list, PriceQuery query) =>
        list.Active
        && (list.StartsAt is not { } starts || query.Now >= starts)
        && (list.EndsAt is not { } ends || query.Now < ends)
        && (list.CustomerGroupIds.Count == 0 || list.CustomerGroupIds.Any(query.CustomerGroupIds.Contains))
        && (list.RegionIds.Count == 0 || (query.RegionId is { } region && list.RegionIds.Contains(region)))
        && (list.SalesChannelIds.Count == 0 || list.SalesChannelIds.Contains(query.SalesChannelId));

    public static bool Applies(ListPrice price, PriceQuery query) =>
        string.Equals(price.CurrencyCode, query.CurrencyCode, StringComparison.Ordinal) && price.MinQuantity <= query.Quantity
        && ListApplies(price.List, query);

    /// <summary>
    /// The lowest of the base price and every applicable list price; ties go to the base price, then to the smaller list id
    /// (ordinal), then to the larger minimum quantity. A list never raises a price above the base price.
    /// </summary>
    public static PriceChoice Choose(long baseAmount, IEnumerable<ListPrice> prices, PriceQuery query)
    {
        ListPrice? best = null;
        foreach (var price in prices)
        {
            if (!Applies(price, query) || price.Amount >= baseAmount) continue;
            if (best is null || price.Amount < best.Amount
                || (price.Amount == best.Amount && (string.CompareOrdinal(price.List.Id, best.List.Id) < 0
                    || (price.List.Id == best.List.Id && price.MinQuantity > best.MinQuantity))))
                best = price;
        }
        return best is null ? new PriceChoice(baseAmount, null, null) : new PriceChoice(best.Amount, baseAmount, best.List.Id);
    }

    /// <summary>The next moment after <paramref name="now"/> when one of the lists starts or ends, or null.</summary>
    public static DateTimeOffset? NextBoundary(IEnumerable<PriceListRule> lists, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var list in lists)
        {
            foreach (var at in new[] { list.StartsAt, list.EndsAt })
                if (at is { } t && t > now && (next is null || t < next)) next = t;
        }
        return next;
    }
}
