using System.Reflection;
using Mercato.GiftCards.Contracts;
using Mercato.Kernel.Jobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.GiftCards;

/// <summary>
/// Front door of the GiftCards module: cards, their ledger, and the ways carts (ICartGiftCards), checkout
/// (IGiftCardRedemptions) and orders (IGiftCardRefunds; IGiftCardIssuing for cards sold as products) use them. Setting: <c>Mercato:GiftCards:ExpirySweepSeconds</c>
/// (default 3600, 0 = off), how often expired balances are written off.
/// </summary>
public static class GiftCardsModule
{
    public static Assembly Assembly => typeof(GiftCardsModule).Assembly;

    public static IServiceCollection AddGiftCards(this IServiceCollection services)
    {
        services.AddScoped<GiftCardLedger>()
            .AddScoped<ICartGiftCards>(s => s.GetRequiredService<GiftCardLedger>())
            .AddScoped<IGiftCardRedemptions>(s => s.GetRequiredService<GiftCardLedger>())
            .AddScoped<IGiftCardRefunds>(s => s.GetRequiredService<GiftCardLedger>())
            .AddScoped<IGiftCardIssuing, GiftCardIssuing>();
        services.AddRecurringJob<ExpireGiftCards>(ExpireGiftCards.JobType,
            sp => TimeSpan.FromSeconds(sp.GetRequiredService<IConfiguration>().GetValue("Mercato:GiftCards:ExpirySweepSeconds", 3600)));
        return services;
    }

    public static void MapGiftCards(RouteGroupBuilder store, RouteGroupBuilder admin) => AdminGiftCards.Map(admin);
}
