namespace Mercato.Inventory.Contracts;

/// <summary>
/// Event types the Inventory module raises (see <c>GET /admin/events</c>). The resource is a level, named
/// <c>{sku}@{locationId}</c>; the state is the Admin API's level (onHand, reserved, available, version) after the change.
/// </summary>
public static class InventoryEvents
{
    /// <summary>On-hand or reserved stock of a level changed (admin writes, holds, reservations, releases, fulfilment, restock).</summary>
    public const string LevelChanged = "inventory_level.changed";

    /// <summary>A level's available stock fell from above <c>Mercato:Inventory:LowStockThreshold</c> to at or below it.</summary>
    public const string LowStock = "inventory_level.low_stock";

    /// <summary>The resource id of a level's events.</summary>
    public static string LevelId(string sku, string locationId) => $"{sku}@{locationId}";
}
