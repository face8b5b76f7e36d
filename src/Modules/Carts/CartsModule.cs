using System.Reflection;
using Mercato.Carts.Contracts;
using Mercato.Customers.Contracts;
using Mercato.Kernel.Jobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Carts;

/// <summary>Front door of the Carts module: carts, their lines, addresses, shipping method and totals.</summary>
public static class CartsModule
{
    public static Assembly Assembly => typeof(CartsModule).Assembly;

    /// <summary>
    /// Settings: <c>Mercato:Carts:IdleExpiryDays</c> (default 30), <c>MaxLines</c> (250), <c>MaxQuantityPerLine</c> (10000),
    /// <c>MaxOpenCartsPerCustomer</c> (20), <c>AbandonAfterMinutes</c> (1440), <c>AbandonSweepSeconds</c> (300, 0 = off).
    /// </summary>
    public static IServiceCollection AddCarts(this IServiceCollection services)
    {
        services.AddOptions<CartOptions>().BindConfiguration("Mercato:Carts")
            .Validate(o => o.IdleExpiryDays is >= 1 and <= 3650, "Mercato:Carts:IdleExpiryDays must be between 1 and 3650.")
            .Validate(o => o.MaxLines is >= 1 and <= 10_000, "Mercato:Carts:MaxLines must be between 1 and 10000.")
            .Validate(o => o.MaxQuantityPerLine is >= 1 and <= 1_000_000, "Mercato:Carts:MaxQuantityPerLine must be between 1 and 1000000.")
            .Validate(o => o.MaxOpenCartsPerCustomer is >= 1 and <= 10_000, "Mercato:Carts:MaxOpenCartsPerCustomer must be between 1 and 10000.")
            .Validate(o => o.AbandonAfterMinutes is >= 1 and <= 525_600, "Mercato:Carts:AbandonAfterMinutes must be between 1 and 525600.")
            .ValidateOnStart();
        services.AddRecurringJob<MarkAbandonedCarts>(MarkAbandonedCarts.JobType,
            sp => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<CartOptions>>().Value.AbandonSweepSeconds));
        return services.AddScoped<CartPricing>().AddScoped<CartSession>().AddScoped<ICartCheckout, CartCheckout>()
            .AddScoped<SignInCartMerger>().AddScoped<ISignInCartMerger>(s => s.GetRequiredService<SignInCartMerger>());
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
        TakeOverCart.Map(store);
        GetCustomerCart.Map(store);
        PromotionCodes.Map(store);
        CartGiftCards.Map(store);
    }
}
