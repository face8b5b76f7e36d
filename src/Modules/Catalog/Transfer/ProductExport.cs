using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Exports;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Transfer;

/// <summary>
/// <c>GET /admin/exports/products</c>: the catalog in the import format (CSV or NDJSON), streamed in keyset-ordered batches,
/// so that an export imported again changes nothing. <c>updatedSince</c> gives incremental syncs.
/// </summary>
internal static class ProductExport
{
    private const int BatchSize = 200;

    public static void Map(RouteGroupBuilder admin) =>
        admin.MapGet("/exports/products", Handle).WithTags("Exports").WithName("ExportProducts")
            .WithSummary("Export products with variants, prices and stock as CSV or NDJSON (format=csv|ndjson, updatedSince)")
            .RequirePermission(Permissions.CatalogRead)
            .Produces(StatusCodes.Status200OK, null, Exports.CsvContentType, Exports.NdjsonContentType);

    private static async Task<IResult> Handle(string? format, DateTimeOffset? updatedSince, MercatoDb db, IStockLevels stock, CancellationToken ct)
    {
        if (!Exports.TryParseFormat(format, out var kind)) return Error.Validation("format", "One of: csv, ndjson.").ToProblem();
        var categories = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Handle, StringComparer.Ordinal, ct);
        var locations = (await stock.LocationsAsync(ct)).ToDictionary(l => l.Id, l => l.ExternalId ?? l.Id, StringComparer.Ordinal);
        var records = RecordsAsync(db, stock, categories, locations, updatedSince, ct);
        if (kind == ExportFormat.Ndjson) return Exports.Ndjson("products", records);

        var options = await db.Set<ProductOption>().GroupBy(o => o.ProductId).Select(g => g.Count()).MaxAsync(c => (int?)c, ct) ?? 0;
        var currencies = await db.Set<VariantPrice>().Select(p => p.CurrencyCode).Distinct().OrderBy(c => c).ToListAsync(ct);
        var header = CsvProducts.Header(options, currencies, locations.Values);
        return Exports.Csv("products", header, CsvRows(records, options, currencies, [.. locations.Values], ct));
    }

    private static async IAsyncEnumerable<ProductRecord> RecordsAsync(MercatoDb db, IStockLevels stock, Dictionary<string, string> categories,
        Dictionary<string, string> locations, DateTimeOffset? updatedSince, [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? after = null;
        while (true)
        {
            var query = db.Set<Product>().AsNoTracking();
            if (updatedSince is { } since) query = query.Where(p => p.UpdatedAt >= since);
            if (after is not null) query = query.Where(p => p.Id.CompareTo(after) > 0);
            var batch = await query.OrderBy(p => p.Id).Take(BatchSize).WithGraph().ToListAsync(ct);
            if (batch.Count == 0) yield break;
            var levels = (await stock.OnHandAsync([.. batch.SelectMany(p => p.Variants).Select(v => v.Sku)], ct)).ToLookup(l => l.Sku);
            foreach (var product in batch) yield return ToRecord(product, categories, locations, levels);
            if (batch.Count < BatchSize) yield break;
            after = batch[^1].Id;
        }
    }

    private static ProductRecord ToRecord(Product p, Dictionary<string, string> categories, Dictionary<string, string> locations,
        ILookup<string, StockOnHand> levels) => new(
        p.Handle, p.ExternalId, p.Title, p.Subtitle, p.Description, JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Status.ToString()), p.ProductType,
        [.. p.Tags.Select(t => t.Value).Order(StringComparer.Ordinal)],
        [.. p.Categories.Select(c => categories.GetValueOrDefault(c.CategoryId, c.CategoryId)).Order(StringComparer.Ordinal)],
        [.. p.Options.OrderBy(o => o.Position).Select(o => new OptionRecord(o.Name, o.Values))],
        [.. p.Variants.OrderBy(v => v.Position).ThenBy(v => v.Id, StringComparer.Ordinal).Select(v => new VariantRecord(
            v.Sku, v.ExternalId, v.Title, v.Barcode, v.WeightGrams, v.ManageInventory, v.AllowBackorder,
            v.OptionValues.ToDictionary(o => o.OptionName, o => o.Value),
            [.. v.Prices.OrderBy(x => x.CurrencyCode, StringComparer.Ordinal).Select(x => new MoneyDto(x.Amount, x.CurrencyCode))],
            levels[v.Sku].Where(l => locations.ContainsKey(l.LocationId)).ToDictionary(l => locations[l.LocationId], l => l.OnHand)))],
        p.GiftCard);

    private static async IAsyncEnumerable<IReadOnlyList<string?>> CsvRows(IAsyncEnumerable<ProductRecord> records, int options,
        List<string> currencies, List<string> locationKeys, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var p in records.WithCancellation(ct))
        {
            foreach (var v in p.Variants!)
            {
                var row = new List<string?>
                {
                    p.Handle, p.ExternalId, p.Title, p.Subtitle, p.Description, p.Status, p.ProductType, string.Join('|', p.Tags!),
                    string.Join('|', p.Categories!), p.GiftCard is true ? "true" : "false",
                };
                for (var i = 0; i < options; i++)
                {
                    var name = i < p.Options!.Count ? p.Options[i].Name : null;
                    row.Add(name);
                    row.Add(name is null ? null : v.Options!.GetValueOrDefault(name));
                }
                row.AddRange([v.Sku, v.ExternalId, v.Title, v.Barcode, v.WeightGrams?.ToString(CultureInfo.InvariantCulture),
                    v.ManageInventory is true ? "true" : "false", v.AllowBackorder is true ? "true" : "false"]);
                row.AddRange(currencies.Select(c => v.Prices!.FirstOrDefault(x => x.Currency == c)?.Amount.ToString(CultureInfo.InvariantCulture)));
                row.AddRange(locationKeys.Select(k => v.Stock!.TryGetValue(k, out var n) ? n.ToString(CultureInfo.InvariantCulture) : null));
                yield return row;
            }
        }
    }
}
