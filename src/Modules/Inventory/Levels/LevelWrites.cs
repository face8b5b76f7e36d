using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Inventory.Levels;

/// <summary>
/// The set-based writes of inventory. They never use the change tracker, so a caller's pending changes on the shared
/// scoped context are neither saved nor disturbed, and every quantity check happens inside the UPDATE itself.
/// </summary>
internal static class LevelWrites
{
    /// <summary>
    /// Runs <paramref name="work"/> in the caller's open transaction (behind a savepoint, so a refusal undoes only this work)
    /// or in a transaction of its own (BEGIN IMMEDIATE on SQLite, so the single writer is taken before any read).
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this MercatoDb db, Func<Task<(bool Commit, T Result)>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } outer)
        {
            const string savepoint = "mercato_inventory";
            await outer.CreateSavepointAsync(savepoint, ct);
            try
            {
                var (commit, result) = await work();
                if (commit) await outer.ReleaseSavepointAsync(savepoint, ct);
                else await outer.RollbackToSavepointAsync(savepoint, ct);
                return result;
            }
            catch
            {
                await outer.RollbackToSavepointAsync(savepoint, CancellationToken.None);
                throw;
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (ok, value) = await work();
        if (ok) await transaction.CommitAsync(ct);
        else await transaction.RollbackAsync(ct);
        return value;
    }

    /// <summary>Creates an empty level unless one exists (safe against a concurrent creator).</summary>
    public static Task EnsureLevelAsync(this MercatoDb db, string sku, string locationId, DateTimeOffset now, CancellationToken ct)
    {
        var at = db.SqlTime(now);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO inventory_level (sku, location_id, on_hand, reserved, version, updated_at)
            VALUES ({sku}, {locationId}, 0, 0, 1, {at}) ON CONFLICT (sku, location_id) DO NOTHING
            """, ct);
    }

    /// <summary>Adds to reserved; with <paramref name="onlyIfAvailable"/> only when that much is available. False when refused.</summary>
    public static async Task<bool> ReserveAsync(this MercatoDb db, LevelEvents events, string sku, string locationId, int quantity,
        bool onlyIfAvailable, DateTimeOffset now, CancellationToken ct)
    {
        var level = db.Set<InventoryLevel>().Where(l => l.Sku == sku && l.LocationId == locationId);
        if (onlyIfAvailable) level = level.Where(l => l.OnHand - l.Reserved >= quantity);
        if (await level.ExecuteUpdateAsync(s => s.SetProperty(l => l.Reserved, l => l.Reserved + quantity)
            .SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct) != 1) return false;
        await events.ChangedAsync(sku, locationId, -quantity, ct);
        return true;
    }

    public static Task AddReservationAsync(this MercatoDb db, TimeProvider time, string holderId, string sku, string locationId,
        int quantity, DateTimeOffset? expiresAt, DateTimeOffset now, CancellationToken ct)
    {
        var id = EntityId.New("ires", time);
        var expires = expiresAt is { } e ? db.SqlTime(e) : null;
        var at = db.SqlTime(now);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO inventory_reservation (id, holder_id, sku, location_id, quantity, expires_at, created_at)
            VALUES ({id}, {holderId}, {sku}, {locationId}, {quantity}, {expires}, {at})
            """, ct);
    }

    public static Task AddAdjustmentAsync(this MercatoDb db, TimeProvider time, string sku, string locationId, int delta, string reason,
        string? callerKeyId, DateTimeOffset now, CancellationToken ct)
    {
        var id = EntityId.New("iadj", time);
        var at = db.SqlTime(now);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO inventory_adjustment (id, sku, location_id, delta, reason, caller_key_id, created_at)
            VALUES ({id}, {sku}, {locationId}, {delta}, {reason}, {callerKeyId}, {at})
            """, ct);
    }

    /// <summary>
    /// Deletes the reservation rows and gives their quantities back to their levels. Each row is given back only by the
    /// call that deleted it, so a concurrent release (the sweeper, a repeated call) never gives it back twice.
    /// Returns the holders whose rows this call released.
    /// </summary>
    public static async Task<HashSet<string>> ReleaseAsync(this MercatoDb db, LevelEvents events, IQueryable<Reservation> rows,
        DateTimeOffset now, CancellationToken ct)
    {
        var found = await rows.AsNoTracking().OrderBy(r => r.Sku).ThenBy(r => r.LocationId).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.HolderId, r.Sku, r.LocationId, r.Quantity }).ToListAsync(ct);
        var released = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in found)
        {
            // Deleted only if it still matches what selected it: a hold renewed or converted since the read stays.
            if (await rows.Where(r => r.Id == row.Id).ExecuteDeleteAsync(ct) != 1) continue;
            await db.Set<InventoryLevel>().Where(l => l.Sku == row.Sku && l.LocationId == row.LocationId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Reserved, l => l.Reserved - row.Quantity)
                    .SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct);
            await events.ChangedAsync(row.Sku, row.LocationId, row.Quantity, ct);
            released.Add(row.HolderId);
        }
        return released;
    }

    public static IQueryable<Reservation> ExpiredHolds(this MercatoDb db, DateTimeOffset now) =>
        db.Set<Reservation>().Where(r => r.ExpiresAt != null && r.ExpiresAt <= now);

    /// <summary>Stock location ids in the order stock is taken from: the default one first, then by id.</summary>
    public static Task<List<string>> LocationOrderAsync(this MercatoDb db, CancellationToken ct) =>
        db.Set<StockLocation>().AsNoTracking().OrderByDescending(l => l.IsDefault).ThenBy(l => l.Id).Select(l => l.Id).ToListAsync(ct);
}
