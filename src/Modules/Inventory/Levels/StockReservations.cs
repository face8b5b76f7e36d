using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Inventory.Levels;

/// <summary>Holds, reservations and their consumption, with conditional updates so no level goes below zero unless backordered.</summary>
internal sealed class StockReservations(MercatoDb db, LevelEvents events, TimeProvider time) : IStockReservations
{
    private sealed record Need(string Sku, int Quantity, bool AllowBackorder);

    public Task<IReadOnlyList<StockShortage>> HoldAsync(string holderId, IReadOnlyList<StockDemand> demand, DateTimeOffset expiresAt,
        CancellationToken ct) => HoldAsync(holderId, demand, expiresAt, keepIfLiveUntil: null, ct);

    public async Task<IReadOnlyList<StockShortage>> HoldAsync(string holderId, IReadOnlyList<StockDemand> demand, DateTimeOffset expiresAt,
        DateTimeOffset? keepIfLiveUntil, CancellationToken ct)
    {
        CheckHolder(holderId);
        var needs = Sum(demand);
        // A renewal is one conditional update, atomic on its own: only the fallback needs a transaction.
        if (await ExtendAsync(holderId, needs, expiresAt, keepIfLiveUntil, time.GetUtcNow(), ct)) return [];
        return await db.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow();
            await db.ReleaseAsync(events, db.Set<Reservation>().Where(r => r.HolderId == holderId && r.ExpiresAt != null), now, ct);
            var skus = needs.Select(n => n.Sku).ToList();
            // Correctness must not wait for the sweeper: expired holds of these SKUs go first.
            await db.ReleaseAsync(events, db.ExpiredHolds(now).Where(r => skus.Contains(r.Sku)), now, ct);
            var locations = needs.Count == 0 ? [] : await db.LocationOrderAsync(ct);
            var shortages = new List<StockShortage>();
            foreach (var need in needs)
            {
                if (await TakeAsync(holderId, need, locations, expiresAt, now, ct) is { } shortage) shortages.Add(shortage);
            }
            return (shortages.Count == 0, (IReadOnlyList<StockShortage>)shortages);
        }, ct);
    }

    /// <summary>
    /// Renews the holder's hold in place when it is still live and holds exactly the demand, SKU by SKU: releasing and taking
    /// the same stock again would cost a dozen statements per SKU (and two level events that cancel out) for no change.
    /// Anything else (a changed cart, an expired hold, a race with the sweeper) falls back to release and take.
    /// </summary>
    private async Task<bool> ExtendAsync(string holderId, List<Need> needs, DateTimeOffset expiresAt, DateTimeOffset? keepIfLiveUntil,
        DateTimeOffset now, CancellationToken ct)
    {
        if (needs.Count == 0) return false;
        var held = await db.Set<Reservation>().AsNoTracking().Where(r => r.HolderId == holderId && r.ExpiresAt != null)
            .Select(r => new { r.Sku, r.Quantity, r.ExpiresAt }).ToListAsync(ct);
        if (held.Count == 0 || held.Exists(r => r.ExpiresAt <= now)) return false;
        var bySku = held.GroupBy(r => r.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity), StringComparer.Ordinal);
        if (bySku.Count != needs.Count || needs.Exists(n => bySku.GetValueOrDefault(n.Sku) != n.Quantity)) return false;
        // Long enough already: a renewal would be a commit of its own (an fsync on SQLite) for nothing.
        if (keepIfLiveUntil is { } enough && held.TrueForAll(r => r.ExpiresAt >= enough)) return true;
        // Only live rows are renewed; if one expired (or was swept) since the read, the count differs and the caller starts over.
        var renewed = await db.Set<Reservation>().Where(r => r.HolderId == holderId && r.ExpiresAt != null && r.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, expiresAt), ct);
        return renewed == held.Count;
    }

    public async Task<bool> ConvertHoldAsync(string holderId, string orderId, CancellationToken ct)
    {
        CheckHolder(holderId);
        CheckHolder(orderId);
        var now = time.GetUtcNow();
        // One statement, atomic on its own (no savepoint in the caller's transaction): the live hold becomes the order's.
        var converted = await db.Set<Reservation>().Where(r => r.HolderId == holderId && r.ExpiresAt != null && r.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HolderId, orderId).SetProperty(r => r.ExpiresAt, (DateTimeOffset?)null), ct);
        if (converted > 0) return true;
        await db.InTransactionAsync(async () =>
        {
            await db.ReleaseAsync(events, db.Set<Reservation>().Where(r => r.HolderId == holderId), now, ct);
            return (true, 0);
        }, ct);
        return false;
    }

    public Task ReleaseAsync(string holderId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        await db.ReleaseAsync(events, db.Set<Reservation>().Where(r => r.HolderId == holderId), time.GetUtcNow(), ct);
        return (true, 0);
    }, ct);

    public async Task<Result<IReadOnlyList<StockConsumption>>> ConsumeAsync(string orderId, IReadOnlyList<StockDemand> lines,
        string? locationId, CancellationToken ct)
    {
        CheckHolder(orderId);
        var needs = Sum(lines);
        if (locationId is not null && !await db.Set<StockLocation>().AnyAsync(l => l.Id == locationId, ct))
            return Error.NotFound("stock location", locationId);
        var (error, taken) = await db.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow();
            var consumed = new List<StockConsumption>();
            foreach (var need in needs)
            {
                if (await ConsumeAsync(orderId, need, locationId, now, consumed, ct) is { } refused) return (false, (refused, consumed));
            }
            return (true, ((Error?)null, consumed));
        }, ct);
        if (error is not null) return error;
        return taken.GroupBy(c => (c.Sku, c.LocationId)).Select(g => new StockConsumption(g.Key.Sku, g.Key.LocationId, g.Sum(c => c.Quantity)))
            .ToList();
    }

    public async Task<Error?> RestockAsync(string sku, int quantity, string? locationId, string reason, CancellationToken ct)
    {
        var normalized = Skus.Normalize(sku ?? "");
        var v = new Kernel.Validation.Validator().Required("sku", normalized, Skus.MaxLength).Range("quantity", quantity, 1, Adjustments.MaxOnHand)
            .Required("reason", reason, Adjustments.MaxReason);
        if (v.ToError() is { } invalid) return invalid;
        var location = locationId ?? (await db.LocationOrderAsync(ct)).FirstOrDefault();
        if (location is null) return InventoryErrors.NoStockLocation();
        if (!await db.Set<StockLocation>().AnyAsync(l => l.Id == location, ct)) return Error.NotFound("stock location", location);
        return await db.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow();
            await db.EnsureLevelAsync(normalized, location, now, ct);
            var added = await db.Set<InventoryLevel>()
                .Where(l => l.Sku == normalized && l.LocationId == location && l.OnHand <= Adjustments.MaxOnHand - quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, l => l.OnHand + quantity)
                    .SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct);
            if (added != 1) return (false, InventoryErrors.OnHandLimit(normalized));
            await events.ChangedAsync(normalized, location, quantity, ct);
            await db.AddAdjustmentAsync(time, normalized, location, quantity, reason.Trim(), null, now, ct);
            return (true, (Error?)null);
        }, ct);
    }

    public Task<int> ReleaseExpiredHoldsAsync(DateTimeOffset now, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var released = await db.ReleaseAsync(events, db.ExpiredHolds(now), time.GetUtcNow(), ct);
        return (true, released.Count);
    }, ct);

    /// <summary>Takes one SKU's demand: whole at the first location that has it, else split over locations, else backordered.</summary>
    private async Task<StockShortage?> TakeAsync(string holderId, Need need, List<string> locations, DateTimeOffset expiresAt,
        DateTimeOffset now, CancellationToken ct)
    {
        if (locations.Count == 0) return new StockShortage(need.Sku, need.Quantity, 0);
        var available = await AvailableAsync(need.Sku, ct);
        foreach (var location in locations.Where(l => available.GetValueOrDefault(l) >= need.Quantity))
        {
            if (!await db.ReserveAsync(events, need.Sku, location, need.Quantity, onlyIfAvailable: true, now, ct)) continue;
            await db.AddReservationAsync(time, holderId, need.Sku, location, need.Quantity, expiresAt, now, ct);
            return null;
        }

        var remaining = need.Quantity;
        foreach (var location in locations)
        {
            // A concurrent writer may take stock between the read and the update; read again and retry a few times.
            for (var attempt = 0; attempt < 3 && remaining > 0; attempt++)
            {
                if (attempt > 0) available = await AvailableAsync(need.Sku, ct);
                var take = Math.Min(available.GetValueOrDefault(location), remaining);
                if (take <= 0) break;
                if (!await db.ReserveAsync(events, need.Sku, location, take, onlyIfAvailable: true, now, ct)) continue;
                await db.AddReservationAsync(time, holderId, need.Sku, location, take, expiresAt, now, ct);
                remaining -= take;
                break;
            }
            if (remaining == 0) return null;
        }
        if (!need.AllowBackorder) return new StockShortage(need.Sku, need.Quantity, need.Quantity - remaining);

        var fallback = locations[0];
        await db.EnsureLevelAsync(need.Sku, fallback, now, ct);
        await db.ReserveAsync(events, need.Sku, fallback, remaining, onlyIfAvailable: false, now, ct);
        await db.AddReservationAsync(time, holderId, need.Sku, fallback, remaining, expiresAt, now, ct);
        return null;
    }

    /// <summary>
    /// Fulfils one SKU of an order: first from its reservations at the chosen location (or wherever they are), then, for the
    /// rest, from what is available at the location. Reservations elsewhere are moved to the chosen location.
    /// </summary>
    private async Task<Error?> ConsumeAsync(string orderId, Need need, string? locationId, DateTimeOffset now, List<StockConsumption> consumed,
        CancellationToken ct)
    {
        var rows = await db.Set<Reservation>().AsNoTracking().Where(r => r.HolderId == orderId && r.Sku == need.Sku && r.ExpiresAt == null)
            .OrderBy(r => r.Id).ToListAsync(ct);
        if (locationId is not null) rows = [.. rows.OrderBy(r => r.LocationId == locationId ? 0 : 1)];
        var remaining = need.Quantity;
        foreach (var row in rows)
        {
            if (remaining == 0) break;
            var take = Math.Min(row.Quantity, remaining);
            var changed = take == row.Quantity
                ? await db.Set<Reservation>().Where(r => r.Id == row.Id && r.Quantity == row.Quantity).ExecuteDeleteAsync(ct)
                : await db.Set<Reservation>().Where(r => r.Id == row.Id && r.Quantity == row.Quantity)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, r => r.Quantity - take), ct);
            if (changed != 1) return InventoryErrors.NotReserved(orderId, need.Sku);
            var target = locationId ?? row.LocationId;
            if (target == row.LocationId)
            {
                await Shelf(need.Sku, target).ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, l => l.OnHand - take)
                    .SetProperty(l => l.Reserved, l => l.Reserved - take)
                    .SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct);
                await events.ChangedAsync(need.Sku, target, 0, ct);
            }
            else
            {
                await Shelf(need.Sku, row.LocationId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Reserved, l => l.Reserved - take)
                    .SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct);
                await events.ChangedAsync(need.Sku, row.LocationId, take, ct);
                if (!await TakeFromShelfAsync(need, target, take, now, ct)) return InventoryErrors.NotReserved(orderId, need.Sku);
            }
            await db.AddAdjustmentAsync(time, need.Sku, target, -take, $"Fulfilment of order {orderId}", null, now, ct);
            consumed.Add(new StockConsumption(need.Sku, target, take));
            remaining -= take;
        }
        if (remaining == 0) return null;

        var location = locationId ?? (await db.LocationOrderAsync(ct)).FirstOrDefault();
        if (location is null || !await TakeFromShelfAsync(need, location, remaining, now, ct)) return InventoryErrors.NotReserved(orderId, need.Sku);
        await db.AddAdjustmentAsync(time, need.Sku, location, -remaining, $"Fulfilment of order {orderId}", null, now, ct);
        consumed.Add(new StockConsumption(need.Sku, location, remaining));
        return null;
    }

    /// <summary>Takes unreserved stock off a location's shelf; only what is available unless the SKU may backorder.</summary>
    private async Task<bool> TakeFromShelfAsync(Need need, string location, int quantity, DateTimeOffset now, CancellationToken ct)
    {
        if (need.AllowBackorder) await db.EnsureLevelAsync(need.Sku, location, now, ct);
        var level = Shelf(need.Sku, location);
        if (!need.AllowBackorder) level = level.Where(l => l.OnHand - l.Reserved >= quantity);
        if (await level.ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, l => l.OnHand - quantity)
            .SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct) != 1) return false;
        await events.ChangedAsync(need.Sku, location, -quantity, ct);
        return true;
    }

    private IQueryable<InventoryLevel> Shelf(string sku, string location) =>
        db.Set<InventoryLevel>().Where(l => l.Sku == sku && l.LocationId == location);

    private Task<Dictionary<string, int>> AvailableAsync(string sku, CancellationToken ct) =>
        db.Set<InventoryLevel>().AsNoTracking().Where(l => l.Sku == sku).ToDictionaryAsync(l => l.LocationId, l => l.OnHand - l.Reserved, ct);

    private static void CheckHolder(string holderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holderId.Length, Reservations.MaxHolderId, nameof(holderId));
    }

    /// <summary>One need per SKU, lines added up first, in a fixed order so concurrent holders lock levels in the same order.</summary>
    private static List<Need> Sum(IReadOnlyList<StockDemand> demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        foreach (var line in demand) ArgumentOutOfRangeException.ThrowIfNegative(line.Quantity);
        return [.. demand.Where(d => d.Quantity > 0).GroupBy(d => Skus.Normalize(d.Sku), StringComparer.Ordinal)
            .Select(g => new Need(g.Key, checked(g.Sum(d => d.Quantity)), g.All(d => d.AllowBackorder)))
            .OrderBy(n => n.Sku, StringComparer.Ordinal)];
    }
}
