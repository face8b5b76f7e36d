using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Inventory;

/// <summary>Front door of the Inventory module: stock locations, levels per SKU, holds and reservations.</summary>
public static class InventoryModule
{
    public static Assembly Assembly => typeof(InventoryModule).Assembly;

    public static IServiceCollection AddInventory(this IServiceCollection services) => services;

    public static void MapInventory(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminStockLocations.Map(admin);
}
