using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Inventory.Levels;

/// <summary>
/// Admin reads and writes of inventory levels. Writes are single conditional UPDATEs (never read-then-write), so they
/// compose safely with concurrent holds; every on-hand change is logged as an adjustment with the caller's key.
/// </summary>
internal static class AdminInventoryLevels
{
    public sealed record SetLevelRequest(int? OnHand, string? Reason);

    public sealed record AdjustRequest(int? Delta, string? Reason);

    public sealed record LevelResponse(string Sku, string LocationId, int OnHand, int Reserved, int Available, int Version,
        DateTimeOffset UpdatedAt)
    {
        public static LevelResponse From(InventoryLevel l) => new(l.Sku, l.LocationId, l.OnHand, l.Reserved, l.Available, l.Version, l.UpdatedAt);
    }

    public sealed record SkuLevelsResponse(string Sku, int OnHand, int Reserved, int Available, IReadOnlyList<LevelResponse> Levels);

    public sealed record AdjustmentResponse(string Id, string Sku, string LocationId, int Delta, string Reason, string? CallerKeyId,
        DateTimeOffset CreatedAt)
    {
        public static AdjustmentResponse From(Adjustment a) => new(a.Id, a.Sku, a.LocationId, a.Delta, a.Reason, a.CallerKeyId, a.CreatedAt);
    }

    public static void Map(RouteGroupBuilder admin)
    {
        var inventory = admin.MapGroup("/inventory").WithTags("Inventory")
            .RequirePermissions(Permissions.InventoryRead, Permissions.InventoryWrite);
        inventory.MapPut("/{sku}/levels/{locationId}", Set).WithName("SetInventoryLevel")
            .WithSummary("Set the on-hand stock of a SKU at a location (creates the level when missing)");
        inventory.MapPost("/{sku}/levels/{locationId}/adjustments", Adjust).WithName("AdjustInventoryLevel")
            .WithSummary("Add to or take from the on-hand stock of a SKU at a location, with a reason");
        inventory.MapGet("/{sku}/levels", ListForSku).WithName("ListInventoryLevelsOfSku")
            .WithSummary("Levels of a SKU at every location, with totals");
        inventory.MapGet("/{sku}/adjustments", ListAdjustments).WithName("ListInventoryAdjustments")
            .WithSummary("History of on-hand changes of a SKU, oldest first");
        admin.MapGet("/stock-locations/{id}/levels", ListForLocation).WithTags("Stock locations").WithName("ListStockLocationLevels")
            .WithSummary("Inventory levels at a stock location, by SKU")
            .RequirePermission(Permissions.InventoryRead);
    }

    private static async Task<Results<Ok<LevelResponse>, ProblemHttpResult>> Set(string sku, string locationId, SetLevelRequest request,
        MercatoDb db, LevelEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var normalized = Skus.Normalize(sku);
        var v = CheckSku(normalized);
        if (request.OnHand is null) v.Add("onHand", "Required.");
        v.Range("onHand", request.OnHand, 0, Adjustments.MaxOnHand).MaxLength("reason", request.Reason, Adjustments.MaxReason);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (!await db.Set<StockLocation>().AnyAsync(l => l.Id == locationId, ct)) return Error.NotFound("stock location", locationId).ToProblem();
        var onHand = request.OnHand!.Value;
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "Set on hand" : request.Reason.Trim();

        var result = await db.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow();
            await db.ReleaseAsync(events, db.ExpiredHolds(now).Where(r => r.Sku == normalized), now, ct);
            await db.EnsureLevelAsync(normalized, locationId, now, ct);
            // Optimistic on the level's version, so the logged delta is exactly the change made.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var level = await Level(db, normalized, locationId).AsNoTracking().SingleAsync(ct);
                if (http.CheckIfMatch(level.Version) is { } stale) return (false, (Result<InventoryLevel>)stale);
                if (level.Reserved > onHand) return (false, InventoryErrors.BelowReserved(normalized, level.Reserved));
                var version = level.Version;
                var changed = await Level(db, normalized, locationId).Where(l => l.Version == version)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, onHand)
                        .SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct);
                if (changed != 1) continue;
                await db.AddAdjustmentAsync(time, normalized, locationId, onHand - level.OnHand, reason, http.User.CallerKeyId(), now, ct);
                await events.ChangedAsync(normalized, locationId, onHand - level.OnHand, ct);
                return (true, await Level(db, normalized, locationId).AsNoTracking().SingleAsync(ct));
            }
            return (false, Error.Conflict("version_conflict", "The level kept changing; try again."));
        }, ct);
        return Answer(result, http);
    }

    private static async Task<Results<Ok<LevelResponse>, ProblemHttpResult>> Adjust(string sku, string locationId, AdjustRequest request,
        MercatoDb db, LevelEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var normalized = Skus.Normalize(sku);
        var v = CheckSku(normalized).Required("reason", request.Reason, Adjustments.MaxReason);
        if (request.Delta is null or 0) v.Add("delta", "Required, and not 0.");
        v.Range("delta", request.Delta, -Adjustments.MaxOnHand, Adjustments.MaxOnHand);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (!await db.Set<StockLocation>().AnyAsync(l => l.Id == locationId, ct)) return Error.NotFound("stock location", locationId).ToProblem();
        var delta = request.Delta!.Value;
        var checkVersion = http.Request.Headers.IfMatch.Count > 0;

        var result = await db.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow();
            await db.ReleaseAsync(events, db.ExpiredHolds(now).Where(r => r.Sku == normalized), now, ct);
            await db.EnsureLevelAsync(normalized, locationId, now, ct);
            var before = await Level(db, normalized, locationId).AsNoTracking().SingleAsync(ct);
            if (http.CheckIfMatch(before.Version) is { } stale) return (false, (Result<InventoryLevel>)stale);
            var level = Level(db, normalized, locationId);
            if (checkVersion) level = level.Where(l => l.Version == before.Version);
            // The check is part of the UPDATE: a concurrent hold cannot slip between a read and this write.
            level = delta < 0 ? level.Where(l => l.OnHand - l.Reserved >= -delta) : level.Where(l => l.OnHand <= Adjustments.MaxOnHand - delta);
            var changed = await level.ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, l => l.OnHand + delta)
                .SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct);
            if (changed != 1)
            {
                var current = await Level(db, normalized, locationId).AsNoTracking().SingleAsync(ct);
                if (http.CheckIfMatch(current.Version) is { } changedMeanwhile) return (false, changedMeanwhile);
                return (false, delta < 0 ? InventoryErrors.InsufficientInventory(normalized, -delta, current.Available)
                    : InventoryErrors.OnHandLimit(normalized));
            }
            await db.AddAdjustmentAsync(time, normalized, locationId, delta, request.Reason!.Trim(), http.User.CallerKeyId(), now, ct);
            await events.ChangedAsync(normalized, locationId, delta, ct);
            return (true, await Level(db, normalized, locationId).AsNoTracking().SingleAsync(ct));
        }, ct);
        return Answer(result, http);
    }

    private static async Task<Results<Ok<SkuLevelsResponse>, ProblemHttpResult>> ListForSku(string sku, MercatoDb db, CancellationToken ct)
    {
        var normalized = Skus.Normalize(sku);
        if (CheckSku(normalized).ToError() is { } invalid) return invalid.ToProblem();
        var levels = await db.Set<InventoryLevel>().AsNoTracking().Where(l => l.Sku == normalized).OrderBy(l => l.LocationId).ToListAsync(ct);
        return TypedResults.Ok(new SkuLevelsResponse(normalized, levels.Sum(l => l.OnHand), levels.Sum(l => l.Reserved),
            levels.Sum(l => l.Available), [.. levels.Select(LevelResponse.From)]));
    }

    private static async Task<Results<Ok<Page<LevelResponse>>, ProblemHttpResult>> ListForLocation(string id, MercatoDb db, int? limit,
        string? cursor, CancellationToken ct)
    {
        if (!await db.Set<StockLocation>().AnyAsync(l => l.Id == id, ct)) return Error.NotFound("stock location", id).ToProblem();
        var page = await db.Set<InventoryLevel>().AsNoTracking().Where(l => l.LocationId == id)
            .PageByAsync(l => l.Sku, limit, cursor, LevelResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<Page<AdjustmentResponse>>, ProblemHttpResult>> ListAdjustments(string sku, MercatoDb db, int? limit,
        string? cursor, CancellationToken ct)
    {
        var normalized = Skus.Normalize(sku);
        if (CheckSku(normalized).ToError() is { } invalid) return invalid.ToProblem();
        var page = await db.Set<Adjustment>().AsNoTracking().Where(a => a.Sku == normalized)
            .PageByAsync(a => a.Id, limit, cursor, AdjustmentResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static Results<Ok<LevelResponse>, ProblemHttpResult> Answer(Result<InventoryLevel> result, HttpContext http)
    {
        if (result.Error is { } error) return error.ToProblem();
        http.SetETag(result.Value!.Version);
        return TypedResults.Ok(LevelResponse.From(result.Value));
    }

    private static Validator CheckSku(string normalized) => new Validator().Required("sku", normalized, Skus.MaxLength);

    private static IQueryable<InventoryLevel> Level(MercatoDb db, string sku, string locationId) =>
        db.Set<InventoryLevel>().Where(l => l.Sku == sku && l.LocationId == locationId);
}
