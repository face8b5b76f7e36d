using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Carts;

/// <summary>Front door of the Carts module: carts, their lines, addresses, shipping method and totals.</summary>
public static class CartsModule
{
    public static Assembly Assembly => typeof(CartsModule).Assembly;

    public static IServiceCollection AddCarts(this IServiceCollection services) => services;

    public static void MapCarts(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
    }
}
