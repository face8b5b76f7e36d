using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Inventory.Levels;

internal sealed class StockLevels(MercatoDb db, LevelEvents events, TimeProvider time) : IStockLevels
{
    public async Task<IReadOnlyList<StockLocationRef>> LocationsAsync(CancellationToken ct) =>
        await db.Set<StockLocation>().AsNoTracking().OrderByDescending(l => l.IsDefault).ThenBy(l => l.Id)
            .Select(l => new StockLocationRef(l.Id, l.ExternalId, l.Name, l.IsDefault)).ToListAsync(ct);

    public async Task<IReadOnlyList<StockOnHand>> OnHandAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        if (skus.Count == 0) return [];
        var list = skus.Select(Skus.Normalize).Distinct().ToList();
        return await db.Set<InventoryLevel>().AsNoTracking().Where(l => list.Contains(l.Sku))
            .Select(l => new StockOnHand(l.Sku, l.LocationId, l.OnHand, l.Reserved)).ToListAsync(ct);
    }

    public async Task<Error?> SetOnHandAsync(string sku, string locationId, int onHand, string reason, CancellationToken ct)
    {
        var normalized = Skus.Normalize(sku);
        if (onHand is < 0 or > Adjustments.MaxOnHand) return InventoryErrors.OnHandLimit(normalized);
        if (reason.Length > Adjustments.MaxReason) reason = reason[..Adjustments.MaxReason];
        return await db.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow();
            await db.ReleaseAsync(events, db.ExpiredHolds(now).Where(r => r.Sku == normalized), now, ct);
            await db.EnsureLevelAsync(normalized, locationId, now, ct);
            var level = db.Set<InventoryLevel>().Where(l => l.Sku == normalized && l.LocationId == locationId);
            // The same optimistic write as the admin endpoint: the logged delta is exactly the change made.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var before = await level.AsNoTracking().SingleAsync(ct);
                if (before.OnHand == onHand) return (true, (Error?)null);
                if (before.Reserved > onHand) return (false, InventoryErrors.BelowReserved(normalized, before.Reserved));
                var changed = await level.Where(l => l.Version == before.Version)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, onHand)
                        .SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct);
                if (changed != 1) continue;
                await db.AddAdjustmentAsync(time, normalized, locationId, onHand - before.OnHand, reason, null, now, ct);
                await events.ChangedAsync(normalized, locationId, onHand - before.OnHand, ct);
                return (true, null);
            }
            return (false, Error.Conflict("version_conflict", "The level kept changing; try again."));
        }, ct);
    }
}
