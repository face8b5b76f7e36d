namespace Mercato.Shipping.Contracts;

/// <summary>A shipping option priced for one cart, in the region's currency and price basis.</summary>
public sealed record ShippingQuote(string OptionId, string Name, long Amount, string CurrencyCode, string? TaxClassId);

/// <summary>Shipping options and their prices for carts.</summary>
public interface IShippingRates
{
    /// <summary>
    /// The region's enabled options that apply to a cart with this item subtotal (after discounts) and weight, priced, cheapest first.
    /// </summary>
    Task<IReadOnlyList<ShippingQuote>> QuoteAsync(string regionId, long subtotal, int weightGrams, CancellationToken ct);
}
