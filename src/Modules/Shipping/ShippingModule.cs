using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Shipping;

/// <summary>Front door of the Shipping module: shipping options per region (flat, free above a subtotal, weight bands).</summary>
public static class ShippingModule
{
    public static Assembly Assembly => typeof(ShippingModule).Assembly;

    public static IServiceCollection AddShipping(this IServiceCollection services) => services;

    public static void MapShipping(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
    }
}
