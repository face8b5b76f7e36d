using System.Reflection;
using Mercato.Kernel.Jobs;
using Mercato.Payments.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Checkout;

/// <summary>Front door of the Checkout module: the one orchestrator. It holds stock, authorizes payment and places the order.</summary>
public static class CheckoutModule
{
    public static Assembly Assembly => typeof(CheckoutModule).Assembly;

    public static IServiceCollection AddCheckout(this IServiceCollection services)
    {
        services.AddOptions<CheckoutOptions>().BindConfiguration("Mercato:Checkout");
        services.AddScoped<CartCompletion>();
        services.AddScoped<CheckoutRecovery>();
        services.AddScoped<IPaymentAuthorizedListener, CompleteOnAuthorization>();
        services.AddRecurringJob<CheckoutRecoveryJob>(CheckoutRecoveryJob.JobType,
            sp => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<CheckoutOptions>>().Value.RecoverySeconds));
        return services;
    }

    public static void MapCheckout(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        StartPayment.Map(store);
        ConfirmPayment.Map(store);
        CompleteCart.Map(store);
    }
}
