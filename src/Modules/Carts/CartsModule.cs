using System.Reflection;
using Mercato.Carts.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Carts;

/// <summary>Front door of the Carts module: carts, their lines, addresses, shipping method and totals.</summary>
public static class CartsModule
{
    public static Assembly Assembly => typeof(CartsModule).Assembly;

    /// <summary>Settings: <c>Mercato:Carts:IdleExpiryDays</c> (default 30).</summary>
    public static IServiceCollection AddCarts(this IServiceCollection services)
    {
        services.AddOptions<CartOptions>().BindConfiguration("Mercato:Carts").Validate(o => o.IdleExpiryDays is >= 1 and <= 3650,
            "Mercato:Carts:IdleExpiryDays must be between 1 and 3650.");
        return services.AddScoped<CartPricing>().AddScoped<CartSession>().AddScoped<ICartCheckout, CartCheckout>();
    }

    public static void MapCarts(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        CreateCart.Map(store);
        GetCart.Map(store);
        UpdateCart.Map(store);
        AddLineItem.Map(store);
        ChangeLineItemQuantity.Map(store);
        RemoveLineItem.Map(store);
        ListShippingOptions.Map(store);
        SelectShippingMethod.Map(store);
    }
}
