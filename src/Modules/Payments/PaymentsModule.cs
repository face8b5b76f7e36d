using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Payments;

/// <summary>Front door of the Payments module: payment sessions, authorizations, captures and refunds through provider plug-ins.</summary>
public static class PaymentsModule
{
    public static Assembly Assembly => typeof(PaymentsModule).Assembly;

    public static IServiceCollection AddPayments(this IServiceCollection services) => services;

    public static void MapPayments(RouteGroupBuilder store, RouteGroupBuilder admin, IEndpointRouteBuilder root)
    {
    }
}
