using Mercato.Kernel.Errors;

namespace Mercato.Inventory.Contracts;

/// <summary>What a cart or an order needs of one SKU. Callers may repeat a SKU: lines are added up per SKU before any check.</summary>
public sealed record StockDemand(string Sku, int Quantity, bool AllowBackorder);

/// <summary>A SKU that could not be held: how many were asked for and how many were available.</summary>
public sealed record StockShortage(string Sku, int Requested, int Available);

/// <summary>Stock taken out of a location by a fulfilment.</summary>
public sealed record StockConsumption(string Sku, string LocationId, int Quantity);

/// <summary>
/// Holds (a cart paying), reservations (an order placed) and their consumption (fulfilment).
/// Every call joins the transaction open on the scoped MercatoDb, or runs in its own when none is open,
/// and changes levels with conditional updates so stock never goes below zero for a SKU that may not backorder.
/// </summary>
public interface IStockReservations
{
    /// <summary>
    /// Holds stock for <paramref name="holderId"/> (a cart) until <paramref name="expiresAt"/>, replacing any earlier hold of the same holder.
    /// All or nothing: when any SKU lacks stock, nothing is held and the shortages are returned. Empty list = held.
    /// </summary>
    Task<IReadOnlyList<StockShortage>> HoldAsync(string holderId, IReadOnlyList<StockDemand> demand, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>
    /// <see cref="HoldAsync(string, IReadOnlyList{StockDemand}, DateTimeOffset, CancellationToken)"/>, except that a hold of
    /// exactly this demand that lasts until <paramref name="keepIfLiveUntil"/> or later is kept as it is (no write at all).
    /// </summary>
    Task<IReadOnlyList<StockShortage>> HoldAsync(string holderId, IReadOnlyList<StockDemand> demand, DateTimeOffset expiresAt,
        DateTimeOffset? keepIfLiveUntil, CancellationToken ct);

    /// <summary>Turns the holder's unexpired hold into the order's reservation, without expiry. False when there is no unexpired hold.</summary>
    Task<bool> ConvertHoldAsync(string holderId, string orderId, CancellationToken ct);

    /// <summary>Releases whatever is held or reserved for a cart or an order. Safe to repeat.</summary>
    Task ReleaseAsync(string holderId, CancellationToken ct);

    /// <summary>
    /// Fulfilment: takes the quantities out of the order's reservation and out of on-hand stock, at <paramref name="locationId"/>
    /// when given, else where they were reserved.
    /// </summary>
    Task<Result<IReadOnlyList<StockConsumption>>> ConsumeAsync(string orderId, IReadOnlyList<StockDemand> lines, string? locationId, CancellationToken ct);

    /// <summary>A return put back on the shelf: adds to on-hand stock at the location (the default one when null), recorded with the reason.</summary>
    Task<Error?> RestockAsync(string sku, int quantity, string? locationId, string reason, CancellationToken ct);

    /// <summary>Releases holds that expired at or before <paramref name="now"/>; returns how many holds were released.</summary>
    Task<int> ReleaseExpiredHoldsAsync(DateTimeOffset now, CancellationToken ct);
}
