using Mercato.Kernel.Http;
using Mercato.Kernel.Money;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Orders.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Orders;

/// <summary>A row of the customer's order history: no lines, no addresses (the order itself has them).</summary>
internal sealed record StoreOrderSummary(string Id, long Number, OrderStatus Status, OrderPaymentStatus PaymentStatus,
    OrderFulfillmentStatus FulfillmentStatus, string Currency, int ItemCount, StoreOrderTotals Totals, DateTimeOffset CreatedAt)
{
    public static StoreOrderSummary From(Order o, int itemCount)
    {
        MoneyDto M(long amount) => new(amount, o.Currency);
        return new StoreOrderSummary(o.Id, o.Number, o.Status, o.PaymentStatus, o.FulfillmentStatus, o.Currency, itemCount,
            new StoreOrderTotals(M(o.Subtotal), M(o.Discount), M(o.ShippingTotal), M(o.Tax), M(o.Total), M(o.Refunded), M(o.GiftCardTotal)), o.CreatedAt);
    }
}

/// <summary>The signed-in customer's orders placed through the key's sales channel, newest first.</summary>
internal static class ListCustomerOrders
{
    public static void Map(RouteGroupBuilder store) => store.MapGet("/customers/me/orders", Handle)
        .RequireAuthorization(Callers.CustomerPolicy)
        .WithName(nameof(ListCustomerOrders)).WithSummary("List the signed-in customer's orders, newest first").WithTags("Orders");

    private static async Task<Results<Ok<Page<StoreOrderSummary>>, ProblemHttpResult>> Handle(int? limit, string? cursor, HttpContext http,
        MercatoDb db, CancellationToken ct)
    {
        var size = ListQuery.Limit(limit);
        if (size.Error is { } badLimit) return badLimit.ToProblem();
        var (customerId, channelId) = (http.CustomerId()!, http.SalesChannelId());
        var query = db.Set<Order>().AsNoTracking().Where(o => o.CustomerId == customerId && o.SalesChannelId == channelId);
        if (cursor is not null)
        {
            // Order ids are time-ordered, so "before this id" is "older than this order".
            if (Cursor.Decode(cursor, 1) is not [{ } before]) return ListQuery.InvalidCursor().ToProblem();
            query = query.Where(o => o.Id.CompareTo(before) < 0);
        }
        var rows = await query.OrderByDescending(o => o.Id).Take(size.Value + 1)
            .Select(o => new { Order = o, Items = o.Lines.Sum(l => l.Quantity) }).ToListAsync(ct);
        var page = rows.Take(size.Value).ToList();
        var next = rows.Count > size.Value ? Cursor.Encode(page[^1].Order.Id) : null;
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Ok(new Page<StoreOrderSummary>([.. page.Select(r => StoreOrderSummary.From(r.Order, r.Items))], next));
    }
}
