namespace Mercato.Catalog.Contracts;

/// <summary>Who buys: price lists depend on the currency, the region, the sales channel and the customer's groups (none for a guest).</summary>
public sealed record PriceContext(string CurrencyCode, string? RegionId, string SalesChannelId, IReadOnlyCollection<string> CustomerGroupIds);

/// <summary>A line to price: <paramref name="BaseAmount"/> is the variant's base price in the context's currency (from <see cref="IVariantCatalog"/>).</summary>
public sealed record PriceLine(string VariantId, int Quantity, long BaseAmount);

/// <summary>
/// A unit price chosen by the best-price rule (ADR 8); <see cref="OriginalAmount"/> is the base price when a price list
/// beat it, else null.
/// </summary>
public sealed record UnitPriceChoice(long Amount, long? OriginalAmount, string? PriceListId);

/// <summary>Price lists applied to carts: one resolver for the store's catalog reads and carts.</summary>
public interface IVariantPrices
{
    /// <summary>The best unit price of each line's variant for its quantity, keyed by variant id (every line answers).</summary>
    Task<IReadOnlyDictionary<string, UnitPriceChoice>> BestAsync(IReadOnlyCollection<PriceLine> lines, PriceContext context,
        CancellationToken ct);
}
