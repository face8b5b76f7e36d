using System.Reflection;
using Mercato.Promotions.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Promotions;

/// <summary>Front door of the Promotions module: promotions, their codes, and the evaluator carts call (IPromotionEvaluator).</summary>
public static class PromotionsModule
{
    public static Assembly Assembly => typeof(PromotionsModule).Assembly;

    public static IServiceCollection AddPromotions(this IServiceCollection services) =>
        services.AddScoped<IPromotionEvaluator, PromotionEvaluator>();

    public static void MapPromotions(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminPromotions.Map(admin);
}
