using Mercato.Kernel.Errors;
using Mercato.Orders.Contracts;

namespace Mercato.Orders;

/// <summary>
/// The order's lifecycles as transition tables (Vendure's default-order-process style): a status may only move to the
/// statuses listed for it. Staying in the same status is not a transition and is always allowed.
/// </summary>
internal static class OrderProcess
{
    public static readonly IReadOnlyDictionary<OrderStatus, OrderStatus[]> Status = new Dictionary<OrderStatus, OrderStatus[]>
    {
        [OrderStatus.Pending] = [OrderStatus.Completed, OrderStatus.Canceled],
        [OrderStatus.Completed] = [OrderStatus.Archived],
        [OrderStatus.Canceled] = [OrderStatus.Archived],
        [OrderStatus.Archived] = [],
    };

    public static readonly IReadOnlyDictionary<OrderPaymentStatus, OrderPaymentStatus[]> Payment = new Dictionary<OrderPaymentStatus, OrderPaymentStatus[]>
    {
        [OrderPaymentStatus.Awaiting] = [OrderPaymentStatus.Authorized, OrderPaymentStatus.Captured, OrderPaymentStatus.Canceled],
        [OrderPaymentStatus.Authorized] = [OrderPaymentStatus.Captured, OrderPaymentStatus.Canceled],
        [OrderPaymentStatus.Captured] = [OrderPaymentStatus.PartiallyRefunded, OrderPaymentStatus.Refunded],
        [OrderPaymentStatus.PartiallyRefunded] = [OrderPaymentStatus.Refunded],
        [OrderPaymentStatus.Refunded] = [],
        [OrderPaymentStatus.Canceled] = [],
    };

    public static readonly IReadOnlyDictionary<OrderFulfillmentStatus, OrderFulfillmentStatus[]> Fulfillment =
        new Dictionary<OrderFulfillmentStatus, OrderFulfillmentStatus[]>
        {
            [OrderFulfillmentStatus.NotFulfilled] = [OrderFulfillmentStatus.PartiallyFulfilled, OrderFulfillmentStatus.Fulfilled],
            [OrderFulfillmentStatus.PartiallyFulfilled] = [OrderFulfillmentStatus.Fulfilled],
            [OrderFulfillmentStatus.Fulfilled] = [OrderFulfillmentStatus.Shipped],
            [OrderFulfillmentStatus.Shipped] = [OrderFulfillmentStatus.Delivered, OrderFulfillmentStatus.Returned],
            [OrderFulfillmentStatus.Delivered] = [OrderFulfillmentStatus.Returned],
            [OrderFulfillmentStatus.Returned] = [],
        };

    public static bool CanMove(OrderStatus from, OrderStatus to) => from == to || Status[from].Contains(to);

    public static bool CanMove(OrderPaymentStatus from, OrderPaymentStatus to) => from == to || Payment[from].Contains(to);

    public static bool CanMove(OrderFulfillmentStatus from, OrderFulfillmentStatus to) => from == to || Fulfillment[from].Contains(to);

    public static Error? Check(OrderStatus from, OrderStatus to) => CanMove(from, to) ? null : OrderErrors.Transition("status", from, to);

    public static Error? Check(OrderPaymentStatus from, OrderPaymentStatus to) =>
        CanMove(from, to) ? null : OrderErrors.Transition("paymentStatus", from, to);

    public static Error? Check(OrderFulfillmentStatus from, OrderFulfillmentStatus to) =>
        CanMove(from, to) ? null : OrderErrors.Transition("fulfillmentStatus", from, to);
}
