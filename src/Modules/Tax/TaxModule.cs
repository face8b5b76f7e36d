using System.Reflection;
using Mercato.Tax.Classes;
using Mercato.Tax.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mercato.Tax;

/// <summary>Front door of the Tax module: tax classes and rates per region, behind ITaxCalculator.</summary>
public static class TaxModule
{
    public static Assembly Assembly => typeof(TaxModule).Assembly;

    /// <summary>Registers the built-in calculator unless the host registered another ITaxCalculator (an external tax service).</summary>
    public static IServiceCollection AddTax(this IServiceCollection services)
    {
        services.TryAddScoped<ITaxCalculator, TaxCalculator>();
        return services.AddScoped<ITaxClasses, TaxClasses>();
    }

    public static void MapTax(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminTaxClasses.Map(admin);
}
