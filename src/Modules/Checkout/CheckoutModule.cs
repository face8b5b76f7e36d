using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Checkout;

/// <summary>Front door of the Checkout module: the one orchestrator: holds stock, authorizes payment and places the order.</summary>
public static class CheckoutModule
{
    public static Assembly Assembly => typeof(CheckoutModule).Assembly;

    public static IServiceCollection AddCheckout(this IServiceCollection services) => services;

    public static void MapCheckout(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
    }
}
