using System.Reflection;
using Mercato.Payments.Contracts;
using Mercato.Payments.Providers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Payments;

/// <summary>Front door of the Payments module: payment sessions, authorizations, captures and refunds through provider plug-ins.</summary>
public static class PaymentsModule
{
    public static Assembly Assembly => typeof(PaymentsModule).Assembly;

    /// <summary>
    /// Registers <see cref="IPayments"/> and the built-in providers (manual, test, and stripe when
    /// <c>Mercato:Payments:Stripe:SecretKey</c> is set). Another gateway is added by registering an <see cref="IPaymentProvider"/>.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddSingleton<IPaymentProvider, ManualPaymentProvider>();
        services.AddSingleton<IPaymentProvider, TestPaymentProvider>();
        services.AddSingleton<IPaymentProvider, StripePaymentProvider>();
        services.AddSingleton<PaymentProviders>();
        services.AddScoped<IPayments, PaymentProcessor>();
        return services;
    }

    public static void MapPayments(RouteGroupBuilder store, RouteGroupBuilder admin, IEndpointRouteBuilder root) => ReceiveWebhook.Map(root);
}
