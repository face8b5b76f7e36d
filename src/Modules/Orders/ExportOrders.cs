using Mercato.Kernel.Addresses;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Exports;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Orders.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Mercato.Kernel.Exports.ExportBatches;

namespace Mercato.Orders;

/// <summary>An order in an NDJSON export: the admin shape with its lines, without the payment log and timeline.</summary>
internal sealed record OrderExport(string Id, long Number, string? ExternalId, OrderStatus Status, OrderPaymentStatus PaymentStatus,
    OrderFulfillmentStatus FulfillmentStatus, string Email, string? CustomerId, string SalesChannelId, string RegionId, string Currency,
    bool PricesIncludeTax, IReadOnlyList<AdminOrderLine> Items, AdminOrderTotals Totals, Address ShippingAddress, Address? BillingAddress,
    AdminOrderShipping? ShippingMethod, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CanceledAt)
{
    public static OrderExport From(Order order)
    {
        var o = AdminOrderResponse.From(order);
        return new OrderExport(o.Id, o.Number, o.ExternalId, o.Status, o.PaymentStatus, o.FulfillmentStatus, o.Email, o.CustomerId,
            o.SalesChannelId, o.RegionId, o.Currency, o.PricesIncludeTax, o.Items, o.Totals, o.ShippingAddress, o.BillingAddress,
            o.ShippingMethod, o.Version, o.CreatedAt, o.UpdatedAt, o.CanceledAt);
    }
}

/// <summary>
/// <c>GET /admin/exports/orders</c>: orders with their lines, for ERP and accounting. CSV has one row per line with the
/// order's fields repeated; NDJSON one order per line with its lines nested. Amounts are integer minor units of the
/// order's currency, as everywhere in the API.
/// </summary>
internal static class ExportOrders
{
    public static readonly string[] Header =
    [
        "orderId", "number", "externalId", "status", "paymentStatus", "fulfillmentStatus", "email", "customerId", "salesChannelId",
        "regionId", "currency", "subtotal", "discount", "shipping", "tax", "total", "captured", "refunded", "shippingCountryCode",
        "createdAt", "updatedAt", "canceledAt",
        "lineId", "variantId", "productId", "sku", "productTitle", "variantTitle", "quantity", "unitPrice", "lineSubtotal", "lineDiscount",
        "lineTax", "lineTotal", "fulfilledQuantity", "shippedQuantity", "returnedQuantity", "refundedQuantity",
    ];

    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/exports/orders", Handle)
        .WithName(nameof(ExportOrders)).WithTags("Exports").RequirePermission(Permissions.OrdersRead)
        .WithSummary("Export orders with their lines (format=csv|ndjson, updatedSince=ISO timestamp), streamed in id order")
        .Produces(StatusCodes.Status200OK, null, Exports.CsvContentType, Exports.NdjsonContentType);

    private static IResult Handle(MercatoDb db, string? format, DateTimeOffset? updatedSince)
    {
        if (!Exports.TryParseFormat(format, out var parsed)) return Error.Validation("format", "One of: csv, ndjson.").ToProblem();
        var orders = ReadAsync<OrderExport>((last, ct) => NextAsync(db, updatedSince?.ToUniversalTime(), last, ct));
        return parsed == ExportFormat.Csv ? Exports.Csv("orders", Header, orders.SelectMany(Rows)) : Exports.Ndjson("orders", orders);
    }

    private static async Task<IReadOnlyList<OrderExport>> NextAsync(MercatoDb db, DateTimeOffset? since, OrderExport? last, CancellationToken ct)
    {
        var query = db.Set<Order>().AsNoTracking();
        if (since is { } s) query = query.Where(o => o.UpdatedAt >= s);
        if (last is not null)
        {
            var after = last.Id;
            query = query.Where(o => o.Id.CompareTo(after) > 0);
        }
        var orders = await query.OrderBy(o => o.Id).Take(Size)
            .Include(o => o.Lines).Include(o => o.Fulfillments).ThenInclude(f => f.Lines).Include(o => o.Returns).ThenInclude(r => r.Lines)
            .AsSplitQuery().ToListAsync(ct);
        return [.. orders.Select(OrderExport.From)];
    }

    private static IAsyncEnumerable<IReadOnlyList<string?>> Rows(OrderExport o)
    {
        string?[] order =
        [
            o.Id, Number(o.Number), o.ExternalId, OrderErrors.Name(o.Status), OrderErrors.Name(o.PaymentStatus), OrderErrors.Name(o.FulfillmentStatus),
            o.Email, o.CustomerId, o.SalesChannelId, o.RegionId, o.Currency, Number(o.Totals.Subtotal.Amount), Number(o.Totals.Discount.Amount),
            Number(o.Totals.Shipping.Amount), Number(o.Totals.Tax.Amount), Number(o.Totals.Total.Amount), Number(o.Totals.Captured.Amount),
            Number(o.Totals.Refunded.Amount), o.ShippingAddress.CountryCode, Timestamp(o.CreatedAt), Timestamp(o.UpdatedAt), Timestamp(o.CanceledAt),
        ];
        if (o.Items.Count == 0) return new[] { (IReadOnlyList<string?>)[.. order, .. new string?[16]] }.ToAsyncEnumerable();
        return o.Items.Select(l => (IReadOnlyList<string?>)
        [
            .. order, l.Id, l.VariantId, l.ProductId, l.Sku, l.ProductTitle, l.VariantTitle, Number(l.Quantity), Number(l.UnitPrice.Amount),
            Number(l.Subtotal.Amount), Number(l.Discount.Amount), Number(l.Tax.Amount), Number(l.Total.Amount), Number(l.FulfilledQuantity),
            Number(l.ShippedQuantity), Number(l.ReturnedQuantity), Number(l.RefundedQuantity),
        ]).ToAsyncEnumerable();
    }
}
