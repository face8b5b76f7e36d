using System.Runtime.CompilerServices;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace Mercato.Inventory.Levels;

/// <summary>Available stock of many SKUs in one query; holds that have expired count as available even before they are swept.</summary>
internal sealed class StockAvailability(MercatoDb db, TimeProvider time, IOptions<InventoryOptions> options) : IStockAvailability
{
    /// <summary>
    /// The levels query, compiled once per model (a compiled query keeps the model it first ran with, and tests run hosts on
    /// SQLite and PostgreSQL side by side): every product page and cart asks, and building its expression tree each time
    /// was most of what a product page allocated in EF.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<MercatoDb, List<string>, DateTimeOffset, IAsyncEnumerable<LevelRow>>> Queries = [];

    private sealed class LevelRow
    {
        public string Sku { get; init; } = "";
        public int Available { get; init; }
        public DateTimeOffset? NextExpiry { get; init; }
    }

    private static Func<MercatoDb, List<string>, DateTimeOffset, IAsyncEnumerable<LevelRow>> CompileLevels() => EF.CompileAsyncQuery(
        (MercatoDb db, List<string> skus, DateTimeOffset now) => db.Set<InventoryLevel>().AsNoTracking().Where(l => skus.Contains(l.Sku))
            .Select(l => new LevelRow
            {
                Sku = l.Sku,
                Available = l.OnHand - l.Reserved + (db.Set<Reservation>()
                    .Where(r => r.Sku == l.Sku && r.LocationId == l.LocationId && r.ExpiresAt != null && r.ExpiresAt <= now)
                    .Sum(r => (int?)r.Quantity) ?? 0),
                NextExpiry = db.Set<Reservation>()
                    .Where(r => r.Sku == l.Sku && r.LocationId == l.LocationId && r.ExpiresAt != null && r.ExpiresAt > now)
                    .Min(r => r.ExpiresAt),
            }));

    public async Task<IReadOnlyDictionary<string, SkuAvailability>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var normalized = skus.Select(s => Skus.Normalize(s ?? "")).Distinct(StringComparer.Ordinal).ToList();
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var changesAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (normalized.Count > 0)
        {
            var now = time.GetUtcNow();
            // Padded, so that PostgreSQL keeps one plan: every product page and cart asks.
            var levels = Queries.GetValue(db.Model, _ => CompileLevels())(db, SharedPlans.PaddedForSharedPlan(normalized), now);
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
