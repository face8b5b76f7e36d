using System.Text.Json;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Money;

namespace Mercato.Payments.Contracts;

public enum PaymentStatus
{
    Pending,
    RequiresAction,
    Authorized,
    Captured,
    PartiallyRefunded,
    Refunded,
    Canceled,
    Failed,
}

/// <summary>
/// A payment of one cart (later of its order). <see cref="ClientData"/> is what a front end needs to finish the payment
/// (for example Stripe's client secret or a next action); it never holds card data.
/// </summary>
public sealed record PaymentView(string Id, string CartId, string? OrderId, string Provider, PaymentStatus Status, Money Amount,
    Money Authorized, Money Captured, Money Refunded, IReadOnlyDictionary<string, string> ClientData);

/// <summary>
/// Payments for carts and orders, behind provider plug-ins (manual, test, stripe). Errors: 402 payment_declined,
/// 402 payment_requires_action, 400 unknown_payment_provider, 409 for a state that does not allow the operation.
/// Calls to providers never run inside a database transaction.
/// </summary>
public interface IPayments
{
    /// <summary>Starts a payment session for the cart, canceling its earlier open session: one open session per cart.</summary>
    Task<Result<PaymentView>> StartSessionAsync(string cartId, string provider, JsonElement? data, Money amount, CancellationToken ct);

    /// <summary>The cart's current session or payment, if any.</summary>
    Task<PaymentView?> FindForCartAsync(string cartId, CancellationToken ct);

    Task<PaymentView?> FindAsync(string paymentId, CancellationToken ct);

    /// <summary>Authorizes the session; already authorized (or captured) payments are returned as they are.</summary>
    Task<Result<PaymentView>> AuthorizeAsync(string paymentId, CancellationToken ct);

    /// <summary>Finishes a further step the provider asked for (3-D Secure and the like) with the data the front end got back.</summary>
    Task<Result<PaymentView>> ConfirmActionAsync(string paymentId, JsonElement? data, CancellationToken ct);

    /// <summary>Links the payment to the order placed for its cart.</summary>
    Task AttachOrderAsync(string paymentId, string orderId, CancellationToken ct);

    /// <summary>Captures all (null) or part of the authorized amount. The key makes a retried capture a no-op, here and at the provider.</summary>
    Task<Result<PaymentView>> CaptureAsync(string paymentId, Money? amount, string idempotencyKey, CancellationToken ct);

    /// <summary>Refunds part or all of what was captured, never more. The key makes a retried refund a no-op.</summary>
    Task<Result<PaymentView>> RefundAsync(string paymentId, Money amount, string? reason, string idempotencyKey, CancellationToken ct);

    /// <summary>Voids an authorization that was not captured. Safe to repeat.</summary>
    Task<Result<PaymentView>> CancelAsync(string paymentId, CancellationToken ct);

    /// <summary>Authorized payments whose cart has no order, last changed before <paramref name="before"/>: left behind by a crash.</summary>
    Task<IReadOnlyList<PaymentView>> FindAuthorizedWithoutOrderAsync(DateTimeOffset before, CancellationToken ct);
}

/// <summary>
/// Called after a provider's webhook authorized a payment, so the order is placed even when the shopper's browser never came back.
/// Implemented by Checkout; both paths converge on one order per cart.
/// </summary>
public interface IPaymentAuthorizedListener
{
    Task OnAuthorizedAsync(PaymentView payment, CancellationToken ct);
}
