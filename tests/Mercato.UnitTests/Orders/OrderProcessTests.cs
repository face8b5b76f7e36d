using Mercato.Orders;
using Mercato.Orders.Contracts;
using static Mercato.Orders.Contracts.OrderFulfillmentStatus;
using static Mercato.Orders.Contracts.OrderPaymentStatus;
using static Mercato.Orders.Contracts.OrderStatus;

namespace Mercato.UnitTests.Orders;

/// <summary>Every pair of statuses, checked against the allowed moves written out here a second time.</summary>
public class OrderProcessTests
{
    private static readonly HashSet<(OrderStatus, OrderStatus)> StatusMoves =
    [
        (Pending, Completed), (Pending, OrderStatus.Canceled), (Completed, Archived), (OrderStatus.Canceled, Archived),
    ];

    private static readonly HashSet<(OrderPaymentStatus, OrderPaymentStatus)> PaymentMoves =
    [
        (Awaiting, Authorized), (Awaiting, Captured), (Awaiting, OrderPaymentStatus.Canceled),
        (Authorized, Captured), (Authorized, OrderPaymentStatus.Canceled),
        (Captured, PartiallyRefunded), (Captured, Refunded),
        (PartiallyRefunded, Refunded),
    ];

    private static readonly HashSet<(OrderFulfillmentStatus, OrderFulfillmentStatus)> FulfillmentMoves =
    [
        (NotFulfilled, PartiallyFulfilled), (NotFulfilled, Fulfilled), (PartiallyFulfilled, Fulfilled), (Fulfilled, Shipped),
        (Shipped, Delivered), (Shipped, Returned), (Delivered, Returned),
    ];

    public static TheoryData<OrderStatus, OrderStatus> StatusPairs => Pairs<OrderStatus>();

    public static TheoryData<OrderPaymentStatus, OrderPaymentStatus> PaymentPairs => Pairs<OrderPaymentStatus>();

    public static TheoryData<OrderFulfillmentStatus, OrderFulfillmentStatus> FulfillmentPairs => Pairs<OrderFulfillmentStatus>();

    [Theory]
    [MemberData(nameof(StatusPairs))]
    public void Order_status_moves_only_as_the_table_says(OrderStatus from, OrderStatus to)
    {
        var expected = from == to || StatusMoves.Contains((from, to));

        Assert.Equal(expected, OrderProcess.CanMove(from, to));
        Assert.Equal(expected, OrderProcess.Check(from, to) is null);
    }

    [Theory]
    [MemberData(nameof(PaymentPairs))]
    public void Payment_status_moves_only_as_the_table_says(OrderPaymentStatus from, OrderPaymentStatus to)
    {
        var expected = from == to || PaymentMoves.Contains((from, to));

        Assert.Equal(expected, OrderProcess.CanMove(from, to));
        Assert.Equal(expected, OrderProcess.Check(from, to) is null);
    }

    [Theory]
    [MemberData(nameof(FulfillmentPairs))]
    public void Fulfillment_status_moves_only_as_the_table_says(OrderFulfillmentStatus from, OrderFulfillmentStatus to)
    {
        var expected = from == to || FulfillmentMoves.Contains((from, to));

        Assert.Equal(expected, OrderProcess.CanMove(from, to));
        Assert.Equal(expected, OrderProcess.Check(from, to) is null);
    }

    [Fact]
    public void Every_status_has_a_row_in_its_table()
    {
        Assert.Equal(Enum.GetValues<OrderStatus>().Length, OrderProcess.Status.Count);
        Assert.Equal(Enum.GetValues<OrderPaymentStatus>().Length, OrderProcess.Payment.Count);
        Assert.Equal(Enum.GetValues<OrderFulfillmentStatus>().Length, OrderProcess.Fulfillment.Count);
    }

    [Fact]
    public void A_refused_move_is_a_409_transition_not_allowed_naming_both_statuses()
    {
        var error = OrderProcess.Check(Archived, Pending)!;

        Assert.Equal("transition_not_allowed", error.Code);
        Assert.Equal(409, error.Status);
        Assert.Contains("archived", error.Detail, StringComparison.Ordinal);
        Assert.Contains("pending", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_statuses_go_nowhere()
    {
        Assert.Empty(OrderProcess.Status[Archived]);
        Assert.Empty(OrderProcess.Payment[Refunded]);
        Assert.Empty(OrderProcess.Payment[OrderPaymentStatus.Canceled]);
        Assert.Empty(OrderProcess.Fulfillment[Returned]);
    }

    private static TheoryData<T, T> Pairs<T>()
        where T : struct, Enum
    {
        var data = new TheoryData<T, T>();
        foreach (var from in Enum.GetValues<T>())
        {
            foreach (var to in Enum.GetValues<T>()) data.Add(from, to);
        }
        return data;
    }
}
