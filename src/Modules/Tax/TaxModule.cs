using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Tax;

/// <summary>Front door of the Tax module: tax classes and rates per region, behind ITaxCalculator.</summary>
public static class TaxModule
{
    public static Assembly Assembly => typeof(TaxModule).Assembly;

    public static IServiceCollection AddTax(this IServiceCollection services) => services;

    public static void MapTax(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
    }
}
