using Mercato.GiftCards.Contracts;
using Mercato.Inventory.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Mercato.Orders.Contracts;
using Mercato.Payments.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Orders;

/// <summary>Returns: request them for shipped items, then receive them, restocking and refunding as the merchant decides.</summary>
internal static class OrderReturns
{
    public sealed record CreateRequest(IReadOnlyList<AdminOrders.ItemRequest?>? Items, string? Reason);

    public sealed record ReceiveRequest(bool? Restock, long? RefundAmount);

    public static void Map(RouteGroupBuilder orders)
    {
        orders.MapPost("/{id}/returns", Create).WithName("RequestReturn").WithSummary("Request the return of shipped items");
        orders.MapPost("/{id}/returns/{returnId}/receive", Receive).WithName("ReceiveReturn")
            .WithSummary("Receive a return, restocking its items or not and refunding an amount")
            .RequirePermission(Permissions.OrdersRefund);
    }

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Create(string id, CreateRequest request, MercatoDb db,
        HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var v = new Validator().MaxLength("reason", request.Reason, 500);
        AdminOrders.Items(v, null, request.Items, required: true);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var loaded = await db.LoadForWriteAsync(http, id, ct);
        if (loaded.Error is { } error) return error.ToProblem();
        var order = loaded.Value!;
        v = new Validator();
        var items = AdminOrders.Items(v, order, request.Items, required: true);
        if (v.ToError() is { } unknownLine) return unknownLine.ToProblem();
        var requested = order.RequestReturn(items, OrderFulfillments.Blank(request.Reason), http.Actor(), time);
        if (requested.Error is { } refused) return refused.ToProblem();
        await db.SaveChangesAsync(ct);
        return http.Answer(order);
    }

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Receive(string id, string returnId, ReceiveRequest request,
        MercatoDb db, [FromServices] IPayments payments, [FromServices] IGiftCardRefunds giftCards, [FromServices] IStockReservations stock,
        [FromServices] IDomainEvents events, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var v = new Validator().Range("refundAmount", request.RefundAmount, 1, Money.MaxAmount);
        if (request.Restock is null) v.Add("restock", "Required: true puts the items back in stock, false does not.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var loaded = await db.LoadForWriteAsync(http, id, ct);
        if (loaded.Error is { } error) return error.ToProblem();
        var order = loaded.Value!;
        var checkedReturn = order.CheckReceive(returnId);
        if (checkedReturn.Error is { } refused) return refused.ToProblem();
        var received = checkedReturn.Value!;

        Result<long>? refunded = null;
        string? key = null;
        if (request.RefundAmount is { } amount)
        {
            if (order.PlanRefund(amount, []).Error is { } noRefund) return noRefund.ToProblem();
            key = http.PaymentKey(order, "return-refund");
            // Gift cards that paid the order get their share back first; the payment refunds the rest.
            refunded = await OrderGiftCards.RefundAsync(order, amount, "return", key, payments, giftCards, http.Actor(), ct);
            if (refunded.Value.Error is { } failed) return failed.ToProblem();
        }

        // The restock and the received return commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (request.Restock is true)
        {
            foreach (var line in received.Lines)
            {
                var ordered = order.Line(line.LineId)!;
                if (!ordered.ManageInventory) continue;
                var location = order.Fulfillments.Where(f => f.QuantityOf(line.LineId) > 0).Select(f => f.LocationId).FirstOrDefault(l => l is not null);
                if (await stock.RestockAsync(ordered.Sku, line.Quantity, location, $"return {received.Id} of order #{order.Number}", ct) is { } badRestock)
                    return badRestock.ToProblem();
            }
        }
        if (order.ReceiveReturn(received, request.Restock is true, request.RefundAmount, http.Actor(), time) is { } badStatus)
            return badStatus.ToProblem();
        if (refunded is { } total)
            order.RecordRefund(request.RefundAmount!.Value, total.Value, "return", [], received.Id, http.Actor(), key!, time);
        events.RaiseFor(order, OrderEvents.ReturnReceived);
        if (refunded is not null) events.RaiseFor(order, OrderEvents.Refunded);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return http.Answer(order);
    }
}
