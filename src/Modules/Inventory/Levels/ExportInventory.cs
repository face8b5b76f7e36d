using Mercato.Kernel.Errors;
using Mercato.Kernel.Exports;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Mercato.Inventory.Levels.AdminInventoryLevels;

namespace Mercato.Inventory.Levels;

/// <summary><c>GET /admin/exports/inventory</c>: every level (SKU at a location) as CSV or NDJSON, for ERP sync.</summary>
internal static class ExportInventory
{
    public static readonly string[] Header = ["sku", "locationId", "onHand", "reserved", "available", "version", "updatedAt"];

    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/exports/inventory", Handle)
        .WithName(nameof(ExportInventory)).WithTags("Exports").RequirePermission(Permissions.InventoryRead)
        .WithSummary("Export inventory levels (format=csv|ndjson, updatedSince=ISO timestamp), streamed in SKU and location order")
        .Produces(StatusCodes.Status200OK, null, Exports.CsvContentType, Exports.NdjsonContentType);

    private static IResult Handle(MercatoDb db, string? format, DateTimeOffset? updatedSince)
    {
        if (!Exports.TryParseFormat(format, out var parsed)) return Error.Validation("format", "One of: csv, ndjson.").ToProblem();
        var levels = ExportBatches.ReadAsync<InventoryLevel>((last, ct) => NextAsync(db, updatedSince?.ToUniversalTime(), last, ct));
        return parsed == ExportFormat.Csv
            ? Exports.Csv("inventory", Header, levels.Select(Row))
            : Exports.Ndjson("inventory", levels.Select(LevelResponse.From));
    }

    private static async Task<IReadOnlyList<InventoryLevel>> NextAsync(MercatoDb db, DateTimeOffset? since, InventoryLevel? last,
        CancellationToken ct)
    {
        var query = db.Set<InventoryLevel>().AsNoTracking();
        if (since is { } s) query = query.Where(l => l.UpdatedAt >= s);
        if (last is not null)
        {
            var (sku, location) = (last.Sku, last.LocationId);
            query = query.Where(l => l.Sku.CompareTo(sku) > 0 || (l.Sku == sku && l.LocationId.CompareTo(location) > 0));
        }
        return await query.OrderBy(l => l.Sku).ThenBy(l => l.LocationId).Take(ExportBatches.Size).ToListAsync(ct);
    }

    private static IReadOnlyList<string?> Row(InventoryLevel l) =>
    [
        l.Sku, l.LocationId, ExportBatches.Number(l.OnHand), ExportBatches.Number(l.Reserved), ExportBatches.Number(l.Available),
        ExportBatches.Number(l.Version), ExportBatches.Timestamp(l.UpdatedAt),
    ];
}
