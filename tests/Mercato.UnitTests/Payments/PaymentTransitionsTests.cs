using System.Text.Json;
using Mercato.Payments;
using Mercato.Payments.Contracts;

namespace Mercato.UnitTests.Payments;

public class PaymentTransitionsTests
{
    private const PaymentStatus Pending = PaymentStatus.Pending;
    private const PaymentStatus Action = PaymentStatus.RequiresAction;
    private const PaymentStatus Authorized = PaymentStatus.Authorized;
    private const PaymentStatus Captured = PaymentStatus.Captured;
    private const PaymentStatus Partial = PaymentStatus.PartiallyRefunded;
    private const PaymentStatus Refunded = PaymentStatus.Refunded;
    private const PaymentStatus Canceled = PaymentStatus.Canceled;
    private const PaymentStatus Failed = PaymentStatus.Failed;

    /// <summary>Every allowed move; every pair not listed here must be refused.</summary>
    private static readonly HashSet<(PaymentStatus, PaymentStatus)> Allowed =
    [
        (Pending, Action), (Pending, Authorized), (Pending, Failed), (Pending, Canceled),
        (Action, Action), (Action, Authorized), (Action, Failed), (Action, Canceled),
        (Authorized, Captured), (Authorized, Canceled),
        (Captured, Partial), (Captured, Refunded),
        (Partial, Partial), (Partial, Refunded),
    ];

    public static TheoryData<PaymentStatus, PaymentStatus> AllPairs()
    {
        var data = new TheoryData<PaymentStatus, PaymentStatus>();
        foreach (var from in Enum.GetValues<PaymentStatus>())
        {
            foreach (var to in Enum.GetValues<PaymentStatus>()) data.Add(from, to);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void A_move_is_allowed_exactly_when_the_table_lists_it(PaymentStatus from, PaymentStatus to)
    {
        Assert.Equal(Allowed.Contains((from, to)), PaymentTransitions.CanMove(from, to));
    }

    [Fact]
    public void Money_can_only_be_refunded_once_captured_and_captured_once_authorized()
    {
        Assert.Equal([Captured, Partial], PaymentTransitions.From(Refunded).Order());
        Assert.Equal([Authorized], PaymentTransitions.From(Captured));
        Assert.Equal([Pending, Action, Authorized], PaymentTransitions.From(Canceled).Order());
    }

    [Theory]
    [InlineData(Refunded)]
    [InlineData(Canceled)]
    [InlineData(Failed)]
    public void Refunded_canceled_and_failed_payments_are_final(PaymentStatus status)
    {
        Assert.True(PaymentTransitions.IsTerminal(status));
        Assert.False(PaymentTransitions.IsOpen(status));
    }

    [Theory]
    [InlineData("""{ "token": "tok_success" }""", null)]
    [InlineData("""{ "number": "4242424242424242", "cvc": "123" }""", "data.number")]
    [InlineData("""{ "nested": { "CVC": "123" } }""", "data.nested.CVC")]
    [InlineData("""{ "token": "4242 4242 4242 4242" }""", "data.token")]
    [InlineData("""{ "items": [ { "card": {} } ] }""", "data.items[0].card")]
    [InlineData("""{ "reference": "1234567890123" }""", null)]
    public void Card_like_session_data_is_refused_and_the_field_named(string json, string? field)
    {
        var error = SessionData.Check(JsonDocument.Parse(json).RootElement);

        if (field is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.NotNull(error);
            Assert.Equal(400, error.Status);
            Assert.Equal([field], error.Fields!.Keys);
        }
    }
}
