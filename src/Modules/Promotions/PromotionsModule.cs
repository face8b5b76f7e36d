using System.Reflection;
using Mercato.Kernel.Events;
using Mercato.Promotions.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Promotions;

/// <summary>Front door of the Promotions module: promotions, their codes, and the evaluator carts call (IPromotionEvaluator)
/// and the usage checkout and orders count and give back (IPromotionRedemptions).</summary>
public static class PromotionsModule
{
    public static Assembly Assembly => typeof(PromotionsModule).Assembly;

    public static IServiceCollection AddPromotions(this IServiceCollection services)
    {
        services.AddOptions<PromotionOptions>().BindConfiguration("Mercato:Promotions");
        services.AddScoped<IPromotionRedemptions, PromotionRedemptions>();
        services.AddSingleton<AutomaticPromotions>();
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<AutomaticPromotions>());
        services.AddSingleton<IFollowedChangeObserver>(sp => sp.GetRequiredService<AutomaticPromotions>());
        return services.AddScoped<IPromotionEvaluator, PromotionEvaluator>();
    }

    public static void MapPromotions(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminPromotions.Map(admin);
}
