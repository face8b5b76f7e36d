using System.Text.Json;
using Mercato.Kernel.Errors;

namespace Mercato.Orders;

internal static class OrderErrors
{
    public static Error NotFound(string id) => Error.NotFound("order", id);

    public static Error ExternalIdTaken(string externalId) =>
        Error.Conflict("external_id_taken", $"Another order already has the externalId '{externalId}'.");

    public static Error Transition<T>(string field, T from, T to)
        where T : struct, Enum =>
        Error.Conflict("transition_not_allowed", $"The order's {field} cannot go from {Name(from)} to {Name(to)}.");

    public static Error NotOpen(string id) =>
        Error.Conflict("order_not_open", $"The order '{id}' is canceled or archived; it cannot change any more.");

    public static Error NotCapturable(string status) =>
        Error.Conflict("payment_not_capturable", $"Only an authorized payment can be captured; this one is {status}.");

    public static Error CaptureExceedsAuthorized(long amount, long authorized) =>
        Error.Conflict("capture_exceeds_authorized", $"Cannot capture {amount}: the order's authorized total is {authorized}.");

    public static Error NothingToRefund() => Error.Conflict("nothing_to_refund", "Nothing captured is left to refund.");

    public static Error RefundExceedsCaptured(long amount, long refundable) =>
        Error.Conflict("refund_exceeds_captured", $"Cannot refund {amount}: only {refundable} was captured and not yet refunded.");

    public static Error RefundExceedsLine(string lineId, int requested, int refundable) =>
        Error.Conflict("refund_exceeds_line", $"Line '{lineId}' has {refundable} unit(s) left to refund, not {requested}.");

    public static Error AlreadyFulfilled() =>
        Error.Conflict("order_fulfilled", "The order has fulfilled items; cancel is not allowed once items are fulfilled or shipped.");

    public static Error NotCancelable(string status) => Error.Conflict("order_not_cancelable", $"A {status} order cannot be canceled.");

    public static Error FulfillmentExceedsOrdered(string lineId, int requested, int left) =>
        Error.Conflict("fulfillment_exceeds_ordered", $"Line '{lineId}' has {left} unit(s) left to fulfil, not {requested}.");

    public static Error FulfillmentNotFound(string id) => Error.NotFound("fulfillment", id);

    public static Error AlreadyShipped(string id) => Error.Conflict("fulfillment_already_shipped", $"The fulfillment '{id}' is already shipped.");

    public static Error NotShipped(string id) =>
        Error.Conflict("fulfillment_not_shipped", $"The fulfillment '{id}' must be shipped before it is delivered.");

    public static Error AlreadyDelivered(string id) =>
        Error.Conflict("fulfillment_already_delivered", $"The fulfillment '{id}' is already delivered.");

    public static Error ReturnExceedsShipped(string lineId, int requested, int returnable) =>
        Error.Conflict("return_exceeds_shipped", $"Line '{lineId}' has {returnable} shipped unit(s) that can be returned, not {requested}.");

    public static Error GiftCardNotReturnable(string lineId) => Error.Conflict("gift_card_not_returnable",
        $"Line '{lineId}' is a gift card: refund it by line instead (its unspent cards are disabled).");

    public static Error ReturnNotFound(string id) => Error.NotFound("return", id);

    public static Error ReturnAlreadyReceived(string id) => Error.Conflict("return_already_received", $"The return '{id}' was already received.");

    public static Error NotArchivable(string status) =>
        Error.Conflict("order_not_archivable", $"Only completed or canceled orders can be archived; this one is {status}.");

    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
