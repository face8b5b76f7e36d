using System.Reflection;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Inventory;

/// <summary>Front door of the Inventory module: stock locations (levels and reservations come with the commerce core).</summary>
public static class InventoryModule
{
    public static Assembly Assembly => typeof(InventoryModule).Assembly;

    public static void MapInventory(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminStockLocations.Map(admin);
}
