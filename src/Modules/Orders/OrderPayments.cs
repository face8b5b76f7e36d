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
using Mercato.Promotions.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Orders;

/// <summary>
/// Capture, refund and cancel. No database transaction is held across a provider call: the provider is called first
/// (with an idempotency key) and its result recorded after, guarded by the order's version.
/// </summary>
internal static class OrderPayments
{
    public sealed record CaptureRequest(long? Amount);

    public sealed record RefundRequest(long? Amount, IReadOnlyList<AdminOrders.ItemRequest?>? Items, string? Reason);

    public static void Map(RouteGroupBuilder orders)
    {
        orders.MapPost("/{id}/capture", Capture).WithName("CaptureOrderPayment").WithSummary("Capture all or part of the authorized payment");
        orders.MapPost("/{id}/refunds", Refund).WithName("RefundOrder")
            .WithSummary("Refund an amount or the share of some lines, never more than was captured")
            .RequirePermission(Permissions.OrdersRefund);
        orders.MapPost("/{id}/cancel", Cancel).WithName("CancelOrder")
            .WithSummary("Cancel an unfulfilled order: void or refund its payment and release its stock")
            .RequirePermission(Permissions.OrdersRefund);
    }

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Capture(string id, CaptureRequest request,
        MercatoDb db, [FromServices] IPayments payments, [FromServices] IDomainEvents events, HttpContext http, TimeProvider time,
        CancellationToken ct)
    {
        var v = new Validator().Range("amount", request.Amount, 1, Money.MaxAmount);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var loaded = await db.LoadForWriteAsync(http, id, ct);
        if (loaded.Error is { } error) return error.ToProblem();
        var order = loaded.Value!;
        var plan = order.PlanCapture(request.Amount);
        if (plan.Error is { } refused) return refused.ToProblem();

        var key = http.PaymentKey(order, "capture");
        var amount = request.Amount is null ? (Money?)null : new Money(plan.Value, Currency.Of(order.Currency));
        var captured = await payments.CaptureAsync(order.PaymentId, amount, key, ct);
        if (captured.Error is { } failed) return failed.ToProblem();

        order.RecordCapture(captured.Value!.Captured.Amount, http.Actor(), key, time);
        events.RaiseFor(order, OrderEvents.Captured);
        await db.SaveChangesAsync(ct);
        return http.Answer(order);
    }

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Refund(string id, RefundRequest request,
        MercatoDb db, [FromServices] IPayments payments, [FromServices] IGiftCardRefunds giftCards, [FromServices] IGiftCardIssuing issuing,
        [FromServices] IDomainEvents events, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var v = new Validator().Range("amount", request.Amount, 1, Money.MaxAmount).MaxLength("reason", request.Reason, 500);
        AdminOrders.Items(v, null, request.Items, required: false);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var loaded = await db.LoadForWriteAsync(http, id, ct);
        if (loaded.Error is { } error) return error.ToProblem();
        var order = loaded.Value!;
        v = new Validator();
        var items = AdminOrders.Items(v, order, request.Items, required: false);
        if (v.ToError() is { } unknownLine) return unknownLine.ToProblem();
        var plan = order.PlanRefund(request.Amount, items);
        if (plan.Error is { } refused) return refused.ToProblem();
        var revocations = await OrderGiftCards.PlanRevocationsAsync(order, items, issuing, ct);
        if (revocations.Error is { } spent) return spent.ToProblem();

        var key = http.PaymentKey(order, "refund");
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        // Gift cards that paid the order get their share back first; the payment refunds the rest.
        var refunded = await OrderGiftCards.RefundAsync(order, plan.Value, reason, key, payments, giftCards, http.Actor(), ct);
        if (refunded.Error is { } failed) return failed.ToProblem();

        await OrderGiftCards.RevokeAsync(order, revocations.Value!, reason, issuing, http.Actor(), time, ct);
        order.RecordRefund(plan.Value, refunded.Value, reason, items, null, http.Actor(), key, time);
        events.RaiseFor(order, OrderEvents.Refunded);
        await db.SaveChangesAsync(ct);
        return http.Answer(order);
    }

    private static async Task<Results<Ok<AdminOrderResponse>, ProblemHttpResult>> Cancel(string id, MercatoDb db,
        [FromServices] IPayments payments, [FromServices] IGiftCardRefunds giftCards, [FromServices] IStockReservations stock, [FromServices] IDomainEvents events, HttpContext http,
        TimeProvider time, CancellationToken ct)
    {
        var loaded = await db.LoadForWriteAsync(http, id, ct);
        if (loaded.Error is { } error) return error.ToProblem();
        var order = loaded.Value!;
        if (order.CheckCancel() is { } refused) return refused.ToProblem();

        var paymentStatus = order.PaymentStatus;
        var refundedTotal = order.Refunded;
        if (order.PaymentStatus is OrderPaymentStatus.Captured or OrderPaymentStatus.PartiallyRefunded)
        {
            if (order.Refundable > 0)
            {
                var key = http.PaymentKey(order, "cancel-refund");
                var refunded = await OrderGiftCards.RefundAsync(order, order.Refundable, "order canceled", key, payments, giftCards,
                    http.Actor(), ct);
                if (refunded.Error is { } failed) return failed.ToProblem();
                refundedTotal = refunded.Value;
            }
            paymentStatus = OrderPaymentStatus.Refunded;
        }
        else if (order.PaymentStatus is OrderPaymentStatus.Authorized or OrderPaymentStatus.Awaiting)
        {
            var voided = await payments.CancelAsync(order.PaymentId, ct);
            if (voided.Error is { } failed) return failed.ToProblem();
            paymentStatus = OrderPaymentStatus.Canceled;
            // The gift cards were debited at placement: they get all of it back.
            var paymentRefunded = order.PaymentRefunded;
            await OrderGiftCards.CreditAllAsync(order, "order canceled", http.Actor(), giftCards, ct);
            refundedTotal = paymentRefunded + order.GiftCardRefunded;
        }
        await stock.ReleaseAsync(order.Id, ct);

        // The cancel and the usage it gives back commit together (a cancel lost to a concurrent change gives nothing back).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        order.RecordCancel(paymentStatus, refundedTotal, null, http.Actor(), time);
        events.RaiseFor(order, OrderEvents.Canceled);
        await db.SaveChangesAsync(ct);
        if (http.RequestServices.GetService<IPromotionRedemptions>() is { } promotions) await promotions.ReleaseAsync(order.Id, ct);
        await tx.CommitAsync(ct);
        return http.Answer(order);
    }
}
