using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Customers;

/// <summary>Front door of the Customers module: accounts, sign-in, profile, address book and customer groups.</summary>
public static class CustomersModule
{
    public static Assembly Assembly => typeof(CustomersModule).Assembly;

    public static IServiceCollection AddCustomers(this IServiceCollection services) => services;

    public static void MapCustomers(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
    }
}
