using System.Reflection;
using Mercato.Inventory.Contracts;
using Mercato.Inventory.Levels;
using Mercato.Kernel.Jobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Inventory;

/// <summary>Front door of the Inventory module: stock locations, levels per SKU, holds and reservations.</summary>
public static class InventoryModule
{
    public static Assembly Assembly => typeof(InventoryModule).Assembly;

    public static IServiceCollection AddInventory(this IServiceCollection services)
    {
        services.AddOptions<InventoryOptions>().BindConfiguration("Mercato:Inventory");
        services.AddScoped<LevelEvents>();
        services.AddScoped<IStockReservations, StockReservations>();
        services.AddScoped<IStockAvailability, StockAvailability>();
        services.AddScoped<IStockLevels, StockLevels>();
        services.AddRecurringJob<HoldSweeper>(HoldSweeper.JobType,
            sp => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<InventoryOptions>>().Value.HoldSweepSeconds));
        return services;
    }

    public static void MapInventory(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        AdminStockLocations.Map(admin);
        AdminInventoryLevels.Map(admin);
        ExportInventory.Map(admin);
    }
}
