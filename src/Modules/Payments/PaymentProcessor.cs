using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Mercato.Payments.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments;

/// <summary>
/// <see cref="IPayments"/>: keeps each payment's state and amounts, and calls the provider outside any transaction.
/// Captures and refunds first write their operation row (the idempotency lock), then reserve the amount with a conditional
/// update, call the provider, and settle or release the reservation.
/// </summary>
internal sealed class PaymentProcessor(MercatoDb db, PaymentProviders providers, TimeProvider time) : IPayments
{
    public const int MaxIdempotencyKeyLength = 255;
    public const int MaxReasonLength = 500;

    public async Task<Result<PaymentView>> StartSessionAsync(string cartId, string provider, JsonElement? data, Money amount, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(cartId) || cartId.Length > 40) return Error.Validation("cartId", "Required, at most 40 characters.");
        if (!providers.TryGet(provider, out var gateway)) return PaymentErrors.UnknownProvider(provider);
        if (amount.Amount is <= 0 or > Money.MaxAmount) return Error.Validation("amount", $"Must be between 1 and {Money.MaxAmount}.");
        if ((SessionData.Check(data) ?? gateway.ValidateSessionData(data)) is { } invalid) return invalid;

        var open = await db.Set<Payment>().AsNoTracking().SingleOrDefaultAsync(p => p.OpenCartId == cartId, ct);
        if (open is not null && await CancelAsync(open.Id, ct) is { Error: { } cannotCancel }) return cannotCancel;

        var payment = new Payment(cartId, gateway.Name, amount, data, time);
        db.Add(payment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return PaymentErrors.SessionConflict(cartId);
        }

        var session = await gateway.StartSessionAsync(payment.ToProvider(), ct);
        if (session.Error is { } failed)
        {
            payment.Fail(time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return failed;
        }
        payment.Started(session.Value!, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return payment.ToView();
    }

    public async Task<PaymentView?> FindForCartAsync(string cartId, CancellationToken ct) =>
        (await db.Set<Payment>().AsNoTracking().Where(p => p.CartId == cartId)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).FirstOrDefaultAsync(ct))?.ToView();

    public async Task<PaymentView?> FindAsync(string paymentId, CancellationToken ct) => (await Load(paymentId, ct))?.ToView();

    public async Task<Result<PaymentView>> AuthorizeAsync(string paymentId, CancellationToken ct)
    {
        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null) return Error.NotFound("payment", paymentId);
        switch (payment.Status)
        {
            case PaymentStatus.Authorized or PaymentStatus.Captured or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded:
                return payment.ToView();
            case PaymentStatus.Failed:
                return PaymentErrors.Declined();
            case PaymentStatus.Canceled:
                return PaymentErrors.NotAuthorizable(payment.Id, payment.Status);
        }
        var gateway = Provider(payment);
        var outcome = await gateway.AuthorizeAsync(payment.ToProvider(), ct);
        return await ApplyAuthorizationAsync(payment, outcome, ct);
    }

    public async Task<Result<PaymentView>> ConfirmActionAsync(string paymentId, JsonElement? data, CancellationToken ct)
    {
        if (SessionData.Check(data) is { } invalid) return invalid;
        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null) return Error.NotFound("payment", paymentId);
        if (payment.Status is PaymentStatus.Authorized) return payment.ToView();
        if (payment.Status is not PaymentStatus.RequiresAction) return PaymentErrors.NotAwaitingAction(payment.Id, payment.Status);
        var outcome = await Provider(payment).ConfirmActionAsync(payment.ToProvider(), data, ct);
        return await ApplyAuthorizationAsync(payment, outcome, ct);
    }

    public async Task AttachOrderAsync(string paymentId, string orderId, CancellationToken ct) =>
        await db.Set<Payment>().Where(p => p.Id == paymentId && (p.OrderId == null || p.OrderId == orderId)).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.OrderId, orderId).SetProperty(p => p.OpenCartId, (string?)null)
            .SetProperty(p => p.UpdatedAt, time.GetUtcNow()).SetProperty(p => p.Version, p => p.Version + 1), ct);

    public async Task<Result<PaymentView>> CaptureAsync(string paymentId, Money? amount, string idempotencyKey, CancellationToken ct)
    {
        var payment = await Load(paymentId, ct);
        if (payment is null) return Error.NotFound("payment", paymentId);
        var n = amount?.Amount ?? payment.AuthorizedAmount;
        if (CheckOperation(payment, amount, idempotencyKey) is { } invalid) return invalid;

        var (operation, answer) = await LockAsync(payment, PaymentOperationKind.Capture, n, idempotencyKey, ct);
        if (operation is null) return answer;

        var from = PaymentTransitions.From(PaymentStatus.Captured);
        var reserved = await db.Set<Payment>()
            .Where(p => p.Id == payment.Id && from.Contains(p.Status) && p.CapturePending == 0 && p.CapturedAmount == 0 && p.AuthorizedAmount >= n)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CapturePending, n).SetProperty(p => p.Version, p => p.Version + 1), ct);
        if (reserved == 0)
        {
            var current = (await Load(payment.Id, ct))!;
            var refused = from.Contains(current.Status) && current.CapturePending == 0 && n > current.AuthorizedAmount
                ? PaymentErrors.CaptureExceedsAuthorized(current.AuthorizedAmount)
                : PaymentErrors.NotCapturable(current.Id, current.Status);
            return await FinishAsync(operation, refused, null, ct);
        }

        var captured = await Provider(payment).CaptureAsync(payment.ToProvider(), new Money(n, payment.Currency),
            ProviderKey("capture", payment.Id, idempotencyKey), ct);
        var now = time.GetUtcNow();
        if (captured.Error is { } failed)
        {
            await db.Set<Payment>().Where(p => p.Id == payment.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.CapturePending, 0L).SetProperty(p => p.Version, p => p.Version + 1), ct);
            return await FinishAsync(operation, failed, null, ct);
        }
        await db.Set<Payment>().Where(p => p.Id == payment.Id && from.Contains(p.Status)).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.CapturedAmount, n).SetProperty(p => p.CapturePending, 0L)
            .SetProperty(p => p.Status, PaymentStatus.Captured).SetProperty(p => p.OpenCartId, (string?)null)
            .SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.Version, p => p.Version + 1), ct);
        return await FinishAsync(operation, null, captured.Value, ct);
    }

    public async Task<Result<PaymentView>> RefundAsync(string paymentId, Money amount, string? reason, string idempotencyKey, CancellationToken ct)
    {
        var payment = await Load(paymentId, ct);
        if (payment is null) return Error.NotFound("payment", paymentId);
        if (CheckOperation(payment, amount, idempotencyKey) is { } invalid) return invalid;
        if (reason is { Length: > MaxReasonLength }) return Error.Validation("reason", $"At most {MaxReasonLength} characters.");
        var n = amount.Amount;

        var (operation, answer) = await LockAsync(payment, PaymentOperationKind.Refund, n, idempotencyKey, ct);
        if (operation is null) return answer;

        // Refunded and PartiallyRefunded are reached from the same statuses: those where money has been captured.
        var from = PaymentTransitions.From(PaymentStatus.Refunded);
        var reserved = await db.Set<Payment>()
            .Where(p => p.Id == payment.Id && from.Contains(p.Status) && p.CapturedAmount - p.RefundedAmount - p.RefundPending >= n)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RefundPending, p => p.RefundPending + n).SetProperty(p => p.Version, p => p.Version + 1), ct);
        if (reserved == 0)
        {
            var current = (await Load(payment.Id, ct))!;
            var refused = from.Contains(current.Status) || current.Status == PaymentStatus.Refunded
                ? PaymentErrors.RefundExceedsCaptured(current.CapturedAmount - current.RefundedAmount - current.RefundPending)
                : PaymentErrors.NotRefundable(current.Id, current.Status);
            return await FinishAsync(operation, refused, null, ct);
        }

        var refunded = await Provider(payment).RefundAsync(payment.ToProvider(), amount, reason,
            ProviderKey("refund", payment.Id, idempotencyKey), ct);
        var now = time.GetUtcNow();
        if (refunded.Error is { } failed)
        {
            await db.Set<Payment>().Where(p => p.Id == payment.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.RefundPending, p => p.RefundPending - n).SetProperty(p => p.Version, p => p.Version + 1), ct);
            return await FinishAsync(operation, failed, null, ct);
        }
        await db.Set<Payment>().Where(p => p.Id == payment.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.RefundedAmount, p => p.RefundedAmount + n).SetProperty(p => p.RefundPending, p => p.RefundPending - n)
            .SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.Version, p => p.Version + 1), ct);
        // The status follows the settled amounts; each settle re-derives it, so concurrent refunds end in the right one.
        await db.Set<Payment>().Where(p => p.Id == payment.Id && from.Contains(p.Status) && p.RefundedAmount >= p.CapturedAmount)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Refunded), ct);
        await db.Set<Payment>().Where(p => p.Id == payment.Id && p.Status == PaymentStatus.Captured && p.RefundedAmount < p.CapturedAmount)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.PartiallyRefunded), ct);
        return await FinishAsync(operation, null, refunded.Value, ct);
    }

    public async Task<Result<PaymentView>> CancelAsync(string paymentId, CancellationToken ct)
    {
        var payment = await Load(paymentId, ct);
        if (payment is null) return Error.NotFound("payment", paymentId);
        if (payment.Status == PaymentStatus.Canceled) return payment.ToView();
        var from = PaymentTransitions.From(PaymentStatus.Canceled);
        if (!from.Contains(payment.Status) || payment.CapturePending > 0) return PaymentErrors.NotCancelable(payment.Id, payment.Status);

        var operation = new PaymentOperation(payment.Id, PaymentOperationKind.Cancel, null, null, time);
        db.Add(operation);
        var canceled = await Provider(payment).CancelAsync(payment.ToProvider(), ProviderKey("cancel", payment.Id, "void"), ct);
        if (canceled is not null) return await FinishAsync(operation, canceled, null, ct);
        var rows = await db.Set<Payment>().Where(p => p.Id == payment.Id && from.Contains(p.Status) && p.CapturePending == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Canceled).SetProperty(p => p.OpenCartId, (string?)null)
                .SetProperty(p => p.UpdatedAt, time.GetUtcNow()).SetProperty(p => p.Version, p => p.Version + 1), ct);
        if (rows == 0)
        {
            var current = (await Load(payment.Id, ct))!;
            if (current.Status != PaymentStatus.Canceled)
                return await FinishAsync(operation, PaymentErrors.NotCancelable(current.Id, current.Status), null, ct);
        }
        return await FinishAsync(operation, null, null, ct);
    }

    /// <summary>The oldest 500 at most: a recovery pass that settles them finds the rest on its next run.</summary>
    public async Task<IReadOnlyList<PaymentView>> FindAuthorizedWithoutOrderAsync(DateTimeOffset before, CancellationToken ct) =>
        [.. (await db.Set<Payment>().AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Authorized && p.OrderId == null && p.UpdatedAt < before)
            .OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id).Take(500).ToListAsync(ct)).Select(p => p.ToView())];

    /// <summary>A key that identifies one operation of one payment at the provider, short enough for any gateway.</summary>
    internal static string ProviderKey(string operation, string paymentId, string idempotencyKey)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];
        return $"mercato:{operation}:{paymentId}:{hash}";
    }

    private Task<Payment?> Load(string paymentId, CancellationToken ct) =>
        db.Set<Payment>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId, ct);

    private IPaymentProvider Provider(Payment payment) =>
        providers.TryGet(payment.Provider, out var provider)
            ? provider
            : throw new InvalidOperationException($"Payment {payment.Id} uses provider '{payment.Provider}', which is not registered.");

    private static Error? CheckOperation(Payment payment, Money? amount, string idempotencyKey)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxIdempotencyKeyLength)
            return Error.Validation("idempotencyKey", $"Required, at most {MaxIdempotencyKeyLength} characters.");
        if (amount is { } a && a.Currency != payment.Currency)
            return Error.Validation("amount.currency", $"The payment is in {payment.CurrencyCode}.");
        if (amount is { Amount: <= 0 or > Money.MaxAmount })
            return Error.Validation("amount.amount", $"Must be between 1 and {Money.MaxAmount}.");
        return null;
    }

    /// <summary>
    /// Writes the operation's row; its unique key is the lock. A retry of a finished operation gets the payment as it is
    /// now (the same outcome), one still running a 409, and a reuse of the key for another amount a 422.
    /// </summary>
    private async Task<(PaymentOperation? Operation, Result<PaymentView> Answer)> LockAsync(Payment payment, PaymentOperationKind kind,
        long amount, string key, CancellationToken ct)
    {
        var existing = await db.Set<PaymentOperation>().AsNoTracking()
            .Where(o => o.PaymentId == payment.Id && o.Kind == kind && o.IdempotencyKey == key && o.Outcome != PaymentOperationOutcome.Failed)
            .FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            var operation = new PaymentOperation(payment.Id, kind, amount, key, time);
            db.Add(operation);
            try
            {
                await db.SaveChangesAsync(ct);
                return (operation, default);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                existing = await db.Set<PaymentOperation>().AsNoTracking()
                    .Where(o => o.PaymentId == payment.Id && o.Kind == kind && o.IdempotencyKey == key && o.Outcome != PaymentOperationOutcome.Failed)
                    .FirstOrDefaultAsync(ct);
                if (existing is null) throw;
            }
        }
        if (existing.Amount != amount) return (null, PaymentErrors.KeyReused());
        if (existing.Outcome == PaymentOperationOutcome.Pending) return (null, PaymentErrors.OperationInFlight());
        return (null, (await Load(payment.Id, ct))!.ToView());
    }

    /// <param name="saved">The payment when this save wrote it (tracked): it is then answered as saved, without reading it again.</param>
    private async Task<Result<PaymentView>> FinishAsync(PaymentOperation operation, Error? error, string? providerReference, CancellationToken ct,
        Payment? saved = null)
    {
        operation.Outcome = error is null ? PaymentOperationOutcome.Succeeded : PaymentOperationOutcome.Failed;
        operation.ErrorCode = error?.Code;
        operation.ProviderReference = providerReference;
        await db.SaveChangesAsync(ct);
        if (error is not null) return error;
        return (saved ?? await Load(operation.PaymentId, ct))!.ToView();
    }

    private async Task<Result<PaymentView>> ApplyAuthorizationAsync(Payment payment, Result<ProviderAuthorization> outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var operation = new PaymentOperation(payment.Id, PaymentOperationKind.Authorize, payment.Amount, null, time);
        db.Add(operation);
        Error? error = null;
        if (outcome.Error is { } failed)
        {
            if (failed.Code == "payment_declined") payment.Fail(now);
            error = failed;
        }
        else if (outcome.Value!.RequiresAction)
        {
            payment.RequireAction(outcome.Value.ClientData ?? new Dictionary<string, string>(), now);
            error = PaymentErrors.RequiresAction();
        }
        else
        {
            payment.Authorize(outcome.Value.AuthorizedAmount, outcome.Value.ProviderReference, now);
        }
        try
        {
            return await FinishAsync(operation, error, null, ct, saved: payment);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent call (or a webhook) moved the payment first: answer with where it is now.
            db.ChangeTracker.Clear();
            var current = (await Load(payment.Id, ct))!;
            return current.Status switch
            {
                PaymentStatus.Authorized or PaymentStatus.Captured or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded => current.ToView(),
                PaymentStatus.Failed => PaymentErrors.Declined(),
                PaymentStatus.RequiresAction => PaymentErrors.RequiresAction(),
                _ => PaymentErrors.NotAuthorizable(current.Id, current.Status),
            };
        }
    }
}
