using Mercato.Kernel.Persistence;
using Mercato.Promotions.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Promotions;

/// <summary>
/// Counts usage when an order is placed and gives it back when the order is canceled (docs/decisions/0007). Limits hold under
/// races because every count is a guarded update checked by its rows affected, inside the order's transaction.
/// </summary>
internal sealed class PromotionRedemptions(MercatoDb db, TimeProvider time, IOptions<PromotionOptions> options) : IPromotionRedemptions
{
    public async Task<bool> RedeemAsync(PromotionRedemptionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Promotions.Count == 0) return true;
        if (await db.Set<PromotionRedemption>().AnyAsync(r => r.OrderId == request.OrderId, ct)) return true;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            var added = new List<PromotionRedemption>();
            if (!await CountAsync(request, added, ct))
            {
                foreach (var redemption in added) db.Entry(redemption).State = EntityState.Detached;
                return false;
            }
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return true;
        }
    }

    private async Task<bool> CountAsync(PromotionRedemptionRequest request, List<PromotionRedemption> added, CancellationToken ct)
    {
        var email = PromotionRedemption.NormalizeEmail(request.Email);
        var customerId = request.CustomerId;
        var codes = request.Promotions.Where(p => p.Code is not null).Select(p => PromotionCode.Normalize(p.Code!)).Distinct().ToList();
        var codeRows = codes.Count == 0 ? []
            : await db.Set<PromotionCode>().AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync(ct);
        // Always in id order, so two placements sharing promotions take their row locks in the same order (no deadlock).
        foreach (var applied in request.Promotions.OrderBy(p => p.PromotionId, StringComparer.Ordinal))
        {
            var id = applied.PromotionId;
            var counted = await db.Set<Promotion>().Where(p => p.Id == id && (p.UsageLimit == null || p.UsedCount < p.UsageLimit))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.UsedCount, p => p.UsedCount + 1), ct);
            if (counted == 0) return false;

            string? codeId = null;
            if (applied.Code is { } code)
            {
                var row = codeRows.Find(c => c.Code == PromotionCode.Normalize(code) && c.PromotionId == id);
                if (row is null) return false;
                codeId = row.Id;
                var codeCounted = await db.Set<PromotionCode>().Where(c => c.Id == row.Id && (c.UsageLimit == null || c.UsedCount < c.UsageLimit))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedCount, c => c.UsedCount + 1), ct);
                if (codeCounted == 0) return false;
            }

            // Counted after the update above, which holds the promotion's row until commit (SQLite: the database's one writer),
            // so a concurrent placement of the same promotion waits, then sees this order's redemption once it is committed.
            var perCustomer = await db.Set<Promotion>().Where(p => p.Id == id).Select(p => p.PerCustomerLimit).SingleAsync(ct);
            if (perCustomer is { } limit)
            {
                var used = await db.Set<PromotionRedemption>().CountAsync(r => r.PromotionId == id && r.ReleasedAt == null
                    && (r.Email == email || (customerId != null && r.CustomerId == customerId)), ct);
                if (used >= limit) return false;
            }

            var redemption = new PromotionRedemption(id, codeId, request.OrderId, customerId, email, request.CurrencyCode.ToUpperInvariant(),
                applied.Amount, request.OrderTotal, time);
            db.Add(redemption);
            added.Add(redemption);
        }
        return true;
    }

    public async Task<int> ReleaseAsync(string orderId, CancellationToken ct)
    {
        if (options.Value.KeepUsageOnCancel) return 0;
        var rows = await db.Set<PromotionRedemption>().AsNoTracking().Where(r => r.OrderId == orderId && r.ReleasedAt == null).ToListAsync(ct);
        if (rows.Count == 0) return 0;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            var now = time.GetUtcNow();
            var released = 0;
            foreach (var row in rows.OrderBy(r => r.PromotionId, StringComparer.Ordinal))
            {
                // Guarded, so two cancels racing give the usage back once.
                if (await db.Set<PromotionRedemption>().Where(r => r.Id == row.Id && r.ReleasedAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReleasedAt, now), ct) == 0) continue;
                await db.Set<Promotion>().Where(p => p.Id == row.PromotionId && p.UsedCount > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.UsedCount, p => p.UsedCount - 1), ct);
                if (row.CodeId is { } codeId)
                {
                    await db.Set<PromotionCode>().Where(c => c.Id == codeId && c.UsedCount > 0)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedCount, c => c.UsedCount - 1), ct);
                }
                released++;
            }
            if (own is not null) await own.CommitAsync(ct);
            return released;
        }
    }
}
