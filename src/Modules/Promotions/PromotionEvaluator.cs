using Mercato.Kernel.Persistence;
using Mercato.Promotions.Contracts;
using Mercato.Promotions.Engine;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Promotions;

/// <summary>
/// Loads the candidates of a cart (enabled automatic promotions, and the promotions of the applied codes) and runs the engine.
/// A known code and an unknown one cost the same indexed lookup and the same evaluation. Without codes, the automatic
/// promotions come from memory (<see cref="AutomaticPromotions"/>) unless one has a usage limit, whose count must be read now.
/// </summary>
internal sealed class PromotionEvaluator(MercatoDb db, AutomaticPromotions automatic, TimeProvider time) : IPromotionEvaluator
{
    public const int MaxCodesPerCart = 10;

    public async Task<PromotionOutcome> EvaluateAsync(PromotionContext context,
        Func<PromotionNeeds, CancellationToken, Task<PromotionContext>>? complete, CancellationToken ct)
    {
        var codes = context.Codes.Select(PromotionCode.Normalize).Distinct(StringComparer.Ordinal).Take(MaxCodesPerCart).ToList();
        var remembered = codes.Count == 0 ? await automatic.GetAsync(db, ct) : null;
        List<PromotionRule> candidates;
        IReadOnlyDictionary<string, Promotion> byId;
        var rejected = new List<RejectedCode>();
        if (remembered is { AnyUsageLimit: false })
        {
            candidates = [.. remembered.Rules];
            byId = remembered.ById;
        }
        else (candidates, byId) = await ReadCandidatesAsync(codes, rejected, ct);
        await DropUsedUpByCustomerAsync(candidates, byId, context.Customer, rejected, ct);
        var needs = new PromotionNeeds(candidates.Exists(r => r.Conditions.CategoryIds.Count + r.Conditions.CollectionIds.Count > 0),
            candidates.Exists(r => r.Conditions.FirstOrderOnly));
        if (complete is not null && (needs.Taxonomy || needs.FirstOrder)) context = await complete(needs, ct);
        return PromotionEngine.Evaluate(context, candidates, time.GetUtcNow(), rejected);
    }

    /// <summary>The automatic promotions and those of the codes, with their use counts as of now.</summary>
    private async Task<(List<PromotionRule> Candidates, Dictionary<string, Promotion> ById)> ReadCandidatesAsync(List<string> codes,
        List<RejectedCode> rejected, CancellationToken ct)
    {
        var found = codes.Count == 0 ? [] : await db.Set<PromotionCode>().AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync(ct);
        var promotionIds = found.Select(c => c.PromotionId).Distinct().ToList();
        var promotions = await db.Set<Promotion>().AsNoTracking()
            .Where(p => (p.Enabled && !p.RequiresCode) || promotionIds.Contains(p.Id)).ToListAsync(ct);
        var byId = promotions.ToDictionary(p => p.Id, StringComparer.Ordinal);

        var candidates = promotions.Where(p => p.Enabled && !p.RequiresCode && !p.Exhausted).Select(p => p.ToRule(null)).ToList();
        foreach (var code in codes)
        {
            var row = found.Find(c => c.Code == code);
            if (row is null || !byId.TryGetValue(row.PromotionId, out var promotion)) rejected.Add(new RejectedCode(code, "unknown"));
            else if (row.Exhausted || promotion.Exhausted) rejected.Add(new RejectedCode(code, "exhausted"));
            else if (candidates.FindIndex(r => r.Id == promotion.Id) is var at and >= 0)
            {
                // An automatic promotion's code takes its place (so the code shows as used); a second code of one promotion adds nothing.
                if (candidates[at].Code is null) candidates[at] = promotion.ToRule(code);
                else rejected.Add(new RejectedCode(code, "not_combinable"));
            }
            else candidates.Add(promotion.ToRule(code));
        }
        return (candidates, byId);
    }

    /// <summary>
    /// Takes out the candidates whose per-customer limit this shopper (by account, or by the cart's email) has used up, so a
    /// code fails when it is applied rather than at checkout; placement counts again under its lock (decision 0007).
    /// One query, and only when a candidate has such a limit and the shopper is known.
    /// </summary>
    private async Task DropUsedUpByCustomerAsync(List<PromotionRule> candidates, IReadOnlyDictionary<string, Promotion> byId,
        PromotionCustomer customer, List<RejectedCode> rejected, CancellationToken ct)
    {
        var limited = candidates.Where(r => byId[r.Id].PerCustomerLimit is not null).Select(r => r.Id).ToList();
        var customerId = customer.CustomerId;
        var email = string.IsNullOrWhiteSpace(customer.Email) ? null : PromotionRedemption.NormalizeEmail(customer.Email);
        if (limited.Count == 0 || (customerId is null && email is null)) return;
        var used = await db.Set<PromotionRedemption>().AsNoTracking()
            .Where(r => limited.Contains(r.PromotionId) && r.ReleasedAt == null
                && ((email != null && r.Email == email) || (customerId != null && r.CustomerId == customerId)))
            .GroupBy(r => r.PromotionId).Select(g => new { PromotionId = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var row in used)
        {
            if (row.Count < byId[row.PromotionId].PerCustomerLimit) continue;
            var at = candidates.FindIndex(r => r.Id == row.PromotionId);
            if (candidates[at].Code is { } code) rejected.Add(new RejectedCode(code, "exhausted"));
            candidates.RemoveAt(at);
        }
    }
}
