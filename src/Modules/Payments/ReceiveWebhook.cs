using Mercato.Kernel.Errors;
using Mercato.Kernel.Persistence;
using Mercato.Payments.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments;

/// <summary>
/// <c>POST /webhooks/{provider}</c>: the gateway tells what happened to a payment (Stripe: authorized, captured, failed,
/// canceled). The signature is the authentication; each event id is applied once, so redeliveries are no-ops.
/// </summary>
internal static class ReceiveWebhook
{
    public const int MaxPayloadBytes = 256 * 1024;

    public static void Map(IEndpointRouteBuilder root) => root.MapPost("/webhooks/{provider}", Handle)
        .AllowAnonymous()
        .WithName(nameof(ReceiveWebhook)).WithSummary("Receive a payment provider's webhook").WithTags("Payments")
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok, ProblemHttpResult>> Handle(string provider, HttpRequest request, MercatoDb db,
        PaymentProviders providers, TimeProvider time, IEnumerable<IPaymentAuthorizedListener> listeners, CancellationToken ct)
    {
        if (!providers.TryGet(provider, out var gateway) || !gateway.AcceptsWebhooks) return Error.NotFound("webhook endpoint", provider).ToProblem();
        if (request.ContentLength > MaxPayloadBytes) return new Error("payload_too_large", "The webhook payload is too large.", 413).ToProblem();
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        var parsed = gateway.ParseWebhook(payload, request.Headers);
        if (parsed.Error is { } invalid) return invalid.ToProblem();
        var received = parsed.Value!;

        if (await db.Set<ProcessedWebhookEvent>().AnyAsync(e => e.Provider == gateway.Name && e.EventId == received.EventId, ct))
            return TypedResults.Ok();
        var authorized = await ApplyAsync(db, gateway.Name, received, time, ct);
        // The event counts as processed only once the listeners are done, so a failed listener gets the redelivery.
        if (authorized is not null)
        {
            foreach (var listener in listeners) await listener.OnAuthorizedAsync(authorized, ct);
        }
        db.Add(new ProcessedWebhookEvent { Provider = gateway.Name, EventId = received.EventId, ReceivedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery of the same event recorded it first.
        }
        return TypedResults.Ok();
    }

    /// <summary>Applies the event; returns the payment when it is authorized and still waits for its order.</summary>
    private static async Task<PaymentView?> ApplyAsync(MercatoDb db, string provider, ProviderWebhookEvent received, TimeProvider time,
        CancellationToken ct)
    {
        if (received.Kind == ProviderEventKind.Ignored || received.ProviderReference is null) return null;
        for (var attempt = 0; ; attempt++)
        {
            var payment = await db.Set<Payment>()
                .SingleOrDefaultAsync(p => p.Provider == provider && p.ProviderReference == received.ProviderReference, ct);
            if (payment is null) return null;
            var now = time.GetUtcNow();
            var amount = received.Amount ?? payment.Amount;
            var waiting = payment.Status is PaymentStatus.Pending or PaymentStatus.RequiresAction;
            switch (received.Kind)
            {
                case ProviderEventKind.Authorized when waiting:
                    payment.Authorize(amount, null, now);
                    break;
                case ProviderEventKind.Captured when waiting:
                    payment.Authorize(amount, null, now);
                    payment.CapturedElsewhere(amount, now);
                    break;
                case ProviderEventKind.Captured when payment.Status == PaymentStatus.Authorized && payment.CapturePending == 0:
                    payment.CapturedElsewhere(amount, now);
                    break;
                case ProviderEventKind.Failed when waiting:
                    payment.Fail(now);
                    break;
                case ProviderEventKind.Canceled when PaymentTransitions.CanMove(payment.Status, PaymentStatus.Canceled) && payment.CapturePending == 0:
                    payment.Cancel(now);
                    break;
            }
            if (db.Entry(payment).State == EntityState.Modified)
            {
                db.Add(new PaymentOperation(payment.Id, PaymentOperationKind.Webhook, amount, null, time)
                {
                    Outcome = PaymentOperationOutcome.Succeeded, ProviderReference = received.EventId,
                });
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            db.ChangeTracker.Clear();
            return received.Kind == ProviderEventKind.Authorized && payment is { Status: PaymentStatus.Authorized, OrderId: null }
                ? payment.ToView()
                : null;
        }
    }
}
