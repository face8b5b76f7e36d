using Mercato.Kernel.Errors;
using Mercato.Payments.Contracts;
using Microsoft.AspNetCore.Http;

namespace Mercato.Payments;

internal static class PaymentErrors
{
    public static Error UnknownProvider(string provider) =>
        Error.Validation("provider", $"Unknown payment provider '{provider}'.") with { Code = "unknown_payment_provider" };

    public static Error Declined(string detail = "The payment was declined.") =>
        new("payment_declined", detail, StatusCodes.Status402PaymentRequired);

    public static Error RequiresAction() =>
        new("payment_requires_action", "The payment needs a further step by the shopper; see the session's client data.",
            StatusCodes.Status402PaymentRequired);

    public static Error ProviderFailed(string provider, string detail) =>
        new("payment_provider_error", $"The payment provider '{provider}' failed: {detail}", StatusCodes.Status502BadGateway);

    public static Error CardDataRefused(string field) =>
        Error.Validation(field, "Card data is never accepted: tokenize the card with the provider's front-end library.");

    public static Error NotCapturable(string id, PaymentStatus status) =>
        Error.Conflict("payment_not_capturable", $"Payment '{id}' is {status} and cannot be captured.");

    public static Error CaptureExceedsAuthorized(long authorized) =>
        Error.Conflict("capture_exceeds_authorized", $"At most {authorized} can be captured.");

    public static Error NotRefundable(string id, PaymentStatus status) =>
        Error.Conflict("payment_not_refundable", $"Payment '{id}' is {status}; only captured payments can be refunded.");

    public static Error RefundExceedsCaptured(long refundable) =>
        Error.Conflict("refund_exceeds_captured", $"At most {refundable} can still be refunded.");

    public static Error NotCancelable(string id, PaymentStatus status) =>
        Error.Conflict("payment_not_cancelable", $"Payment '{id}' is {status} and cannot be canceled.");

    public static Error NotAuthorizable(string id, PaymentStatus status) =>
        Error.Conflict("payment_not_authorizable", $"Payment '{id}' is {status} and cannot be authorized; start a new session.");

    public static Error NotAwaitingAction(string id, PaymentStatus status) =>
        Error.Conflict("payment_not_awaiting_action", $"Payment '{id}' is {status}; no action is pending.");

    public static Error SessionConflict(string cartId) =>
        Error.Conflict("payment_session_conflict", $"Another payment session for cart '{cartId}' was started at the same time.");

    public static Error OperationInFlight() =>
        Error.Conflict("payment_operation_in_flight", "An operation with this idempotency key is still running.");

    public static Error KeyReused() =>
        new("idempotency_key_reused", "This idempotency key was used for a different amount.", StatusCodes.Status422UnprocessableEntity);

    public static Error InvalidSignature() =>
        new("invalid_signature", "The webhook signature is missing or does not match.", StatusCodes.Status400BadRequest);
}
