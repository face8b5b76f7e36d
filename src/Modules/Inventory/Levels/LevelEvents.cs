using Mercato.Inventory.Contracts;
using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Inventory.Levels;

/// <summary>Low stock is a crossing, not a state: it is reported once when available stock falls to the threshold or below.</summary>
internal static class LowStock
{
    public static bool Crossed(int availableBefore, int availableAfter, int threshold) =>
        availableBefore > threshold && availableAfter <= threshold;
}

/// <summary>
/// Writes a level's events right after its set-based update, in the same transaction. The update holds the row's lock until
/// commit, so the level read here is exactly the state the change left, and the state before is that minus the change.
/// </summary>
internal sealed class LevelEvents(MercatoDb db, IDomainEvents events, IOptions<InventoryOptions> options)
{
    public async Task ChangedAsync(string sku, string locationId, int availableDelta, CancellationToken ct)
    {
        var level = await db.Set<InventoryLevel>().AsNoTracking().SingleAsync(l => l.Sku == sku && l.LocationId == locationId, ct);
        var state = AdminInventoryLevels.LevelResponse.From(level);
        var id = InventoryEvents.LevelId(sku, locationId);
        await events.WriteAsync(InventoryEvents.LevelChanged, id, state, ct);
        if (LowStock.Crossed(level.Available - availableDelta, level.Available, options.Value.LowStockThreshold))
            await events.WriteAsync(InventoryEvents.LowStock, id, state, ct);
    }
}
