using System.Reflection;
using Mercato.Kernel.Events;
using Mercato.Regions.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Regions;

/// <summary>Front door of the Regions module: markets with a currency, countries and tax settings.</summary>
public static class RegionsModule
{
    public static Assembly Assembly => typeof(RegionsModule).Assembly;

    public static IServiceCollection AddRegions(this IServiceCollection services)
    {
        services.AddSingleton<KnownRegions>();
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<KnownRegions>());
        services.AddSingleton<IFollowedChangeObserver>(sp => sp.GetRequiredService<KnownRegions>());
        return services.AddScoped<IRegionDirectory, RegionDirectory>();
    }

    public static void MapRegions(RouteGroupBuilder store, RouteGroupBuilder admin) => RegionEndpoints.Map(store, admin);
}
