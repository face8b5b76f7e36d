using Mercato.Inventory.Contracts;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Inventory.Levels;

/// <summary>Available stock of many SKUs in one query; holds that have expired count as available even before they are swept.</summary>
internal sealed class StockAvailability(MercatoDb db, TimeProvider time, IOptions<InventoryOptions> options) : IStockAvailability
{
    private sealed class LevelRow
    {
        public string Sku { get; init; } = "";
        public int Available { get; init; }
        public DateTimeOffset? NextExpiry { get; init; }
    }

    /// <summary>
    /// One parameter per SKU rather than one array: PostgreSQL estimates an array of unknown length as ten elements, so its
    /// shared plan never looked cheaper than a plan made for the actual SKUs, and every product page and cart planned this query
    /// anew (which cost more than running it). With parameters it keeps one plan per count of SKUs.
    /// </summary>
    private IAsyncEnumerable<LevelRow> Levels(List<string> skus, DateTimeOffset now) =>
        db.Set<InventoryLevel>().AsNoTracking().Where(l => EF.MultipleParameters(skus).Contains(l.Sku))
            .Select(l => new LevelRow
            {
                Sku = l.Sku,
                Available = l.OnHand - l.Reserved + (db.Set<Reservation>()
                    .Where(r => r.Sku == l.Sku && r.LocationId == l.LocationId && r.ExpiresAt != null && r.ExpiresAt <= now)
                    .Sum(r => (int?)r.Quantity) ?? 0),
                NextExpiry = db.Set<Reservation>()
                    .Where(r => r.Sku == l.Sku && r.LocationId == l.LocationId && r.ExpiresAt != null && r.ExpiresAt > now)
                    .Min(r => r.ExpiresAt),
            }).AsAsyncEnumerable();

    public async Task<IReadOnlyDictionary<string, SkuAvailability>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var normalized = skus.Select(s => Skus.Normalize(s ?? "")).Distinct(StringComparer.Ordinal).ToList();
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var changesAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (normalized.Count > 0)
        {
            var now = time.GetUtcNow();
            var levels = Levels(normalized, now);
            // A backordered (negative) location does not cancel out stock that another location can still sell.
            await foreach (var level in levels.WithCancellation(ct))
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
