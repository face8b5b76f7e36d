namespace Mercato.Inventory;

/// <summary>Settings under <c>Mercato:Inventory</c>.</summary>
internal sealed class InventoryOptions
{
    /// <summary>How often expired cart holds are swept; 0 turns the sweeper off (holds are still released lazily).</summary>
    public int HoldSweepSeconds { get; set; } = 30;

    /// <summary>At or below this many available units a SKU reads as low stock.</summary>
    public int LowStockThreshold { get; set; } = 5;
}
