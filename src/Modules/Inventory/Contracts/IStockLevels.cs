using Mercato.Kernel.Errors;

namespace Mercato.Inventory.Contracts;

/// <summary>A stock location as other modules may name it: by id, or by the merchant's external id.</summary>
public sealed record StockLocationRef(string Id, string? ExternalId, string Name, bool IsDefault);

/// <summary>The on-hand and reserved quantities of one SKU at one location.</summary>
public sealed record StockOnHand(string Sku, string LocationId, int OnHand, int Reserved);

/// <summary>On-hand stock by location, for bulk tools (product import and export) that sync stock from an ERP.</summary>
public interface IStockLevels
{
    /// <summary>Every stock location, the default one first, then by id.</summary>
    Task<IReadOnlyList<StockLocationRef>> LocationsAsync(CancellationToken ct);

    /// <summary>The levels that exist for the SKUs (normalized as Catalog stores them); a SKU without a level has none in the result.</summary>
    Task<IReadOnlyList<StockOnHand>> OnHandAsync(IReadOnlyCollection<string> skus, CancellationToken ct);

    /// <summary>
    /// Sets the on-hand quantity (creating the level when missing) and logs the change as an adjustment with
    /// <paramref name="reason"/>. Joins the transaction open on the scoped MercatoDb. Refused (409) below what is reserved.
    /// </summary>
    Task<Error?> SetOnHandAsync(string sku, string locationId, int onHand, string reason, CancellationToken ct);
}
