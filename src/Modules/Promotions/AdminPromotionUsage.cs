using Mercato.Kernel.Http;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Promotions;

/// <summary>Usage in one currency: orders that used the promotion, the discount it gave them and their totals (revenue).</summary>
internal sealed record PromotionUsageByCurrency(string Currency, int Orders, MoneyDto Discount, MoneyDto Revenue);

internal sealed record PromotionUsageResponse(string PromotionId, int UsedCount, int? UsageLimit, int? PerCustomerLimit,
    IReadOnlyList<PromotionUsageByCurrency> Currencies);

/// <summary>The usage report of a promotion, from its redemptions; usage given back by a cancel is not counted.</summary>
internal static class AdminPromotionUsage
{
    public static void Map(RouteGroupBuilder promotions) => promotions.MapGet("/{id}/usage", Handle).WithName("GetPromotionUsage")
        .WithSummary("Orders, discount given and revenue of a promotion, per currency");

    private static async Task<Results<Ok<PromotionUsageResponse>, ProblemHttpResult>> Handle(string id, MercatoDb db, CancellationToken ct)
    {
        var promotion = await db.Set<Promotion>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.UsedCount, p.UsageLimit, p.PerCustomerLimit }).SingleOrDefaultAsync(ct);
        if (promotion is null) return PromotionErrors.NotFound(id).ToProblem();
        var rows = await db.Set<PromotionRedemption>().AsNoTracking().Where(r => r.PromotionId == id && r.ReleasedAt == null)
            .GroupBy(r => r.Currency)
            .Select(g => new { Currency = g.Key, Orders = g.Count(), Discount = g.Sum(r => r.Discount), Revenue = g.Sum(r => r.OrderTotal) })
            .ToListAsync(ct);
        return TypedResults.Ok(new PromotionUsageResponse(id, promotion.UsedCount, promotion.UsageLimit, promotion.PerCustomerLimit,
            [.. rows.OrderBy(r => r.Currency, StringComparer.Ordinal)
                .Select(r => new PromotionUsageByCurrency(r.Currency, r.Orders, new MoneyDto(r.Discount, r.Currency), new MoneyDto(r.Revenue, r.Currency)))]));
    }
}
