using Mercato.Inventory.Contracts;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Inventory.Levels;

/// <summary>Available stock of many SKUs in one query; holds that have expired count as available even before they are swept.</summary>
internal sealed class StockAvailability(MercatoDb db, TimeProvider time, IOptions<InventoryOptions> options) : IStockAvailability
{
    public async Task<IReadOnlyDictionary<string, SkuAvailability>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var normalized = skus.Select(s => Skus.Normalize(s ?? "")).Distinct(StringComparer.Ordinal).ToList();
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var changesAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (normalized.Count > 0)
        {
            var now = time.GetUtcNow();
            var levels = await db.Set<InventoryLevel>().AsNoTracking().Where(l => normalized.Contains(l.Sku))
                .Select(l => new
                {
                    l.Sku,
                    Available = l.OnHand - l.Reserved + (db.Set<Reservation>()
                        .Where(r => r.Sku == l.Sku && r.LocationId == l.LocationId && r.ExpiresAt != null && r.ExpiresAt <= now)
                        .Sum(r => (int?)r.Quantity) ?? 0),
                    NextExpiry = db.Set<Reservation>()
                        .Where(r => r.Sku == l.Sku && r.LocationId == l.LocationId && r.ExpiresAt != null && r.ExpiresAt > now)
                        .Min(r => r.ExpiresAt),
                })
                .ToListAsync(ct);
            // A backordered (negative) location does not cancel out stock that another location can still sell.
            foreach (var level in levels)
            {
                totals[level.Sku] = totals.GetValueOrDefault(level.Sku) + Math.Max(level.Available, 0);
                if (level.NextExpiry is { } at && (!changesAt.TryGetValue(level.Sku, out var earlier) || at < earlier)) changesAt[level.Sku] = at;
            }
        }
        var threshold = options.Value.LowStockThreshold;
        var result = new Dictionary<string, SkuAvailability>(StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            var key = Skus.Normalize(sku ?? "");
            var available = totals.GetValueOrDefault(key);
            result[sku ?? ""] = new SkuAvailability(key, available, StatusOf(available, threshold),
                changesAt.TryGetValue(key, out var at) ? at : null);
        }
        return result;
    }

    public static StockStatus StatusOf(int available, int lowStockThreshold) =>
        available <= 0 ? StockStatus.OutOfStock : available <= lowStockThreshold ? StockStatus.LowStock : StockStatus.InStock;
}
