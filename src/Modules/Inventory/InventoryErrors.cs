using Mercato.Kernel.Errors;

namespace Mercato.Inventory;

internal static class InventoryErrors
{
    public static Error InsufficientInventory(string sku, int requested, int available) => Error.Conflict("insufficient_inventory",
        $"Only {Math.Max(available, 0)} of SKU '{sku}' available; {requested} requested.");

    public static Error BelowReserved(string sku, int reserved) => Error.Conflict("on_hand_below_reserved",
        $"SKU '{sku}' has {reserved} reserved at this location; on hand may not be set below that.");

    public static Error OnHandLimit(string sku) => Error.Conflict("on_hand_limit",
        $"On-hand stock of SKU '{sku}' may not exceed {Levels.Adjustments.MaxOnHand}.");

    public static Error ExternalIdTaken(string externalId) => Error.Conflict("external_id_taken",
        $"Another stock location already has the external id '{externalId}'.");

    public static Error NoStockLocation() => Error.Conflict("no_stock_location", "No stock location exists; create one first.");

    public static Error LocationInUse(string id) => Error.Conflict("stock_location_in_use",
        $"Stock location '{id}' still has stock or reservations; move or zero them first.");

    public static Error NotReserved(string orderId, string sku) => Error.Conflict("insufficient_inventory",
        $"Order '{orderId}' has not enough of SKU '{sku}' reserved or available to fulfil.");
}
