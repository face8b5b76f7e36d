using System.Reflection;
using Mercato.Kernel.Events;
using Mercato.Shipping.Contracts;
using Mercato.Shipping.Options;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Shipping;

/// <summary>Front door of the Shipping module: shipping options per region (flat, free above a subtotal, weight bands).</summary>
public static class ShippingModule
{
    public static Assembly Assembly => typeof(ShippingModule).Assembly;

    public static IServiceCollection AddShipping(this IServiceCollection services)
    {
        services.AddSingleton<EnabledShippingOptions>();
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<EnabledShippingOptions>());
        services.AddSingleton<IFollowedChangeObserver>(sp => sp.GetRequiredService<EnabledShippingOptions>());
        return services.AddScoped<IShippingRates, ShippingRates>();
    }

    public static void MapShipping(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminShippingOptions.Map(admin);
}
