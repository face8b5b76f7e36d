namespace Mercato.Inventory.Contracts;

/// <summary>What a storefront may say about stock: a state, not a count.</summary>
public enum StockStatus
{
    InStock,
    LowStock,
    OutOfStock,
}

/// <summary>
/// Availability of one SKU over all locations. <see cref="Available"/> is exact and for other modules' checks only.
/// <see cref="ChangesAt"/> is when the earliest unexpired hold expires: availability changes then without any write.
/// </summary>
public sealed record SkuAvailability(string Sku, int Available, StockStatus Status, DateTimeOffset? ChangesAt = null);

/// <summary>Reads of available stock (on hand minus reserved and unexpired holds) for other modules.</summary>
public interface IStockAvailability
{
    /// <summary>Every requested SKU is in the result; a SKU without levels has nothing available.</summary>
    Task<IReadOnlyDictionary<string, SkuAvailability>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct);
}
