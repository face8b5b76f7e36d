using System.Reflection;
using Mercato.Catalog;
using Mercato.Channels;
using Mercato.Identity;
using Mercato.Inventory;
using Mercato.Regions;

namespace Mercato.Api.Hosting;

/// <summary>The module list: the one place that knows every module.</summary>
internal static class Modules
{
    public static readonly Assembly[] Assemblies =
    [
        typeof(Mercato.Kernel.Persistence.MercatoDb).Assembly, CatalogModule.Assembly, ChannelsModule.Assembly, IdentityModule.Assembly, InventoryModule.Assembly, RegionsModule.Assembly,
    ];

    public static IServiceCollection AddModules(this IServiceCollection services) =>
        services.AddChannels().AddRegions().AddCatalog();

    public static void MapModules(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        CatalogModule.MapCatalog(store, admin);
        ChannelsModule.MapChannels(store, admin);
        IdentityModule.MapIdentity(store, admin);
        InventoryModule.MapInventory(store, admin);
        RegionsModule.MapRegions(store, admin);
    }
}
