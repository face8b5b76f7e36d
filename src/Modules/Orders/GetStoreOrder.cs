using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Mercato.Orders.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Orders;

/// <summary>
/// The shopper reads an order with the customer's token (their own orders) or the guest's <c>X-Order-Token</c>, only through
/// the order's own sales channel. Anything else is the same 404, so nobody learns whether an order id exists.
/// </summary>
internal static class GetStoreOrder
{
    public static void Map(RouteGroupBuilder store) => store.MapGet("/orders/{id}", Handle)
        .WithName(nameof(GetStoreOrder)).WithSummary("Get an order (the customer's own, or with its guest order token)").WithTags("Orders");

    private static async Task<Results<Ok<StoreOrder>, ProblemHttpResult>> Handle(string id, HttpContext http, MercatoDb db,
        CancellationToken ct)
    {
        var channel = http.SalesChannelId();
        var order = await db.Set<Order>().AsNoTracking().Include(o => o.Lines).Include(o => o.Fulfillments).ThenInclude(f => f.Lines)
            .AsSplitQuery().SingleOrDefaultAsync(o => o.Id == id && o.SalesChannelId == channel, ct);
        http.Response.Headers.CacheControl = "private, no-store";
        if (order is null || !MayRead(http, order)) return OrderErrors.NotFound(id).ToProblem();
        return TypedResults.Ok(StoreOrders.View(order));
    }

    private static bool MayRead(HttpContext http, Order order) =>
        OrderToken.Matches(http.Request.Headers[OrderToken.Header].ToString(), order.TokenHash) || IsOwnCustomer(http, order);

    /// <summary>A signed-in customer reads the orders placed from their carts (the channel is already checked).</summary>
    private static bool IsOwnCustomer(HttpContext http, Order order) =>
        order.CustomerId is not null && http.CustomerId() is { } customerId && order.CustomerId == customerId;
}
