using Mercato.Kernel.Errors;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Mercato.Payments;
using Mercato.Payments.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Mercato.Api.Tests.Payments.PaymentTestData;

namespace Mercato.Api.Tests.Payments;

/// <summary>IPayments through its contract, with the test and manual providers (checkout's HTTP flow is tested in Store/Checkout).</summary>
public abstract class PaymentsTests(MercatoApp app)
{
    private Task<T> WithPayments<T>(Func<IPayments, Task<T>> action) => app.WithPaymentsAsync(action);

    private static readonly Currency Usd = Currency.Of("USD");

    private static Money Dollars(long amount) => new(amount, Usd);

    private static JsonElement Token(string token) => Data($$"""{ "token": "{{token}}" }""");

    private Task<Result<PaymentView>> Start(string cart, string provider, JsonElement? data, long amount = 1000) =>
        WithPayments(p => p.StartSessionAsync(cart, provider, data, Dollars(amount), CancellationToken.None));

    /// <summary>An authorized test payment of <paramref name="amount"/>, captured in full when <paramref name="capture"/>.</summary>
    private async Task<PaymentView> Paid(long amount = 1000, bool capture = true)
    {
        var payment = Ok(await Start(NewCart(), "test", Token("tok_success"), amount));
        payment = Ok(await WithPayments(p => p.AuthorizeAsync(payment.Id, CancellationToken.None)));
        if (capture) payment = Ok(await WithPayments(p => p.CaptureAsync(payment.Id, null, "cap-" + payment.Id, CancellationToken.None)));
        return payment;
    }

    [Fact]
    public async Task Token_success_authorizes_the_whole_amount()
    {
        var cart = NewCart();
        var started = Ok(await Start(cart, "test", Token("tok_success"), 2599));

        var authorized = Ok(await WithPayments(p => p.AuthorizeAsync(started.Id, CancellationToken.None)));

        Assert.StartsWith("pay_", started.Id, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Pending, started.Status);
        Assert.Equal(PaymentStatus.Authorized, authorized.Status);
        Assert.Equal(Dollars(2599), authorized.Authorized);
        Assert.Equal(Dollars(0), authorized.Captured);
        AssertSame(authorized, (await WithPayments(p => p.FindForCartAsync(cart, CancellationToken.None)))!);
        // Authorizing again returns the payment as it is.
        AssertSame(authorized, Ok(await WithPayments(p => p.AuthorizeAsync(started.Id, CancellationToken.None))));
    }

    [Fact]
    public async Task Token_decline_is_402_payment_declined_and_the_payment_fails()
    {
        var started = Ok(await Start(NewCart(), "test", Token("tok_decline")));

        Fails(await WithPayments(p => p.AuthorizeAsync(started.Id, CancellationToken.None)), 402, "payment_declined");

        var payment = await WithPayments(p => p.FindAsync(started.Id, CancellationToken.None));
        Assert.Equal(PaymentStatus.Failed, payment!.Status);
        Assert.Equal(Dollars(0), payment.Authorized);
        Fails(await WithPayments(p => p.CaptureAsync(started.Id, null, "k", CancellationToken.None)), 409, "payment_not_capturable");
    }

    [Fact]
    public async Task Token_requires_action_waits_for_a_confirmation_that_then_authorizes()
    {
        var started = Ok(await Start(NewCart(), "test", Token("tok_requires_action")));

        Fails(await WithPayments(p => p.AuthorizeAsync(started.Id, CancellationToken.None)), 402, "payment_requires_action");
        var waiting = await WithPayments(p => p.FindAsync(started.Id, CancellationToken.None));
        var confirmed = Ok(await WithPayments(p => p.ConfirmActionAsync(started.Id, Data("""{ "result": "success" }"""), CancellationToken.None)));

        Assert.Equal(PaymentStatus.RequiresAction, waiting!.Status);
        Assert.Equal("confirm", waiting.ClientData["nextAction"]);
        Assert.Equal(PaymentStatus.Authorized, confirmed.Status);
        Assert.Equal(Dollars(1000), confirmed.Authorized);
    }

    [Fact]
    public async Task A_failed_confirmation_declines_the_payment()
    {
        var started = Ok(await Start(NewCart(), "test", Token("tok_requires_action")));
        await WithPayments(p => p.AuthorizeAsync(started.Id, CancellationToken.None));

        Fails(await WithPayments(p => p.ConfirmActionAsync(started.Id, Data("""{ "result": "failure" }"""), CancellationToken.None)),
            402, "payment_declined");

        Assert.Equal(PaymentStatus.Failed, (await WithPayments(p => p.FindAsync(started.Id, CancellationToken.None)))!.Status);
        Fails(await WithPayments(p => p.ConfirmActionAsync(started.Id, null, CancellationToken.None)), 409, "payment_not_awaiting_action");
    }

    [Fact]
    public async Task Unknown_tokens_providers_and_an_unconfigured_stripe_are_400()
    {
        Fails(await Start(NewCart(), "test", Token("tok_whatever")), 400, "validation_failed");
        Fails(await Start(NewCart(), "test", null), 400, "validation_failed");
        Fails(await Start(NewCart(), "paypal", null), 400, "unknown_payment_provider");
        Fails(await Start(NewCart(), "stripe", null), 400, "unknown_payment_provider");
        Fails(await Start(NewCart(), "manual", null, amount: 0), 400, "validation_failed");
    }

    [Fact]
    public async Task Card_data_in_the_session_is_refused_and_nothing_is_stored()
    {
        var cart = NewCart();

        var result = await Start(cart, "test", Data("""{ "token": "tok_success", "card": { "number": "4242424242424242", "cvc": "123" } }"""));

        Fails(result, 400, "validation_failed");
        Assert.Contains("data.card", result.Error!.Fields!.Keys);
        Assert.Null(await WithPayments(p => p.FindForCartAsync(cart, CancellationToken.None)));
    }

    [Fact]
    public async Task A_new_session_cancels_the_carts_earlier_open_one()
    {
        var cart = NewCart();
        var first = Ok(await Start(cart, "test", Token("tok_success")));
        Ok(await WithPayments(p => p.AuthorizeAsync(first.Id, CancellationToken.None)));

        var second = Ok(await Start(cart, "manual", null, amount: 1200));

        Assert.Equal(PaymentStatus.Canceled, (await WithPayments(p => p.FindAsync(first.Id, CancellationToken.None)))!.Status);
        Assert.Equal(second.Id, (await WithPayments(p => p.FindForCartAsync(cart, CancellationToken.None)))!.Id);
        Assert.Equal(Dollars(1200), second.Amount);
    }

    [Fact]
    public async Task Manual_payments_authorize_at_once_and_the_merchant_captures_later()
    {
        var started = Ok(await Start(NewCart(), "manual", null, amount: 5000));
        var authorized = Ok(await WithPayments(p => p.AuthorizeAsync(started.Id, CancellationToken.None)));

        var captured = Ok(await WithPayments(p => p.CaptureAsync(started.Id, null, "capture-1", CancellationToken.None)));

        Assert.Contains("instructions", started.ClientData.Keys);
        Assert.Equal(PaymentStatus.Authorized, authorized.Status);
        Assert.Equal(PaymentStatus.Captured, captured.Status);
        Assert.Equal(Dollars(5000), captured.Captured);
    }

    [Fact]
    public async Task A_partial_capture_captures_only_that_amount_and_never_more_than_authorized()
    {
        var payment = await Paid(1000, capture: false);

        Fails(await WithPayments(p => p.CaptureAsync(payment.Id, Dollars(1001), "too-much", CancellationToken.None)), 409, "capture_exceeds_authorized");
        Fails(await WithPayments(p => p.CaptureAsync(payment.Id, new Money(500, Currency.Of("EUR")), "eur", CancellationToken.None)), 400, "validation_failed");
        var captured = Ok(await WithPayments(p => p.CaptureAsync(payment.Id, Dollars(600), "part", CancellationToken.None)));
        Fails(await WithPayments(p => p.CaptureAsync(payment.Id, Dollars(400), "rest", CancellationToken.None)), 409, "payment_not_capturable");

        Assert.Equal(PaymentStatus.Captured, captured.Status);
        Assert.Equal(Dollars(600), captured.Captured);
        Assert.Equal(Dollars(1000), captured.Authorized);
    }

    [Fact]
    public async Task A_retried_capture_with_the_same_key_is_a_no_op_with_the_same_result()
    {
        var payment = await Paid(1000, capture: false);

        var first = Ok(await WithPayments(p => p.CaptureAsync(payment.Id, Dollars(700), "same-key", CancellationToken.None)));
        var retry = Ok(await WithPayments(p => p.CaptureAsync(payment.Id, Dollars(700), "same-key", CancellationToken.None)));

        AssertSame(first, retry);
        Assert.Equal(1, await CountOperationsAsync(payment.Id, PaymentOperationKind.Capture));
        Fails(await WithPayments(p => p.CaptureAsync(payment.Id, Dollars(800), "same-key", CancellationToken.None)), 422, "idempotency_key_reused");
    }

    [Fact]
    public async Task Partial_refunds_add_up_to_the_captured_amount_and_never_beyond()
    {
        var payment = await Paid(1000);

        Fails(await WithPayments(p => p.RefundAsync(payment.Id, Dollars(1001), null, "r0", CancellationToken.None)), 409, "refund_exceeds_captured");
        var partial = Ok(await WithPayments(p => p.RefundAsync(payment.Id, Dollars(300), "damaged", "r1", CancellationToken.None)));
        Fails(await WithPayments(p => p.RefundAsync(payment.Id, Dollars(701), null, "r2", CancellationToken.None)), 409, "refund_exceeds_captured");
        var full = Ok(await WithPayments(p => p.RefundAsync(payment.Id, Dollars(700), null, "r3", CancellationToken.None)));
        Fails(await WithPayments(p => p.RefundAsync(payment.Id, Dollars(1), null, "r4", CancellationToken.None)), 409, "refund_exceeds_captured");

        Assert.Equal((PaymentStatus.PartiallyRefunded, 300L), (partial.Status, partial.Refunded.Amount));
        Assert.Equal((PaymentStatus.Refunded, 1000L), (full.Status, full.Refunded.Amount));
    }

    [Fact]
    public async Task Refunds_up_to_a_partial_capture_only()
    {
        var payment = await Paid(1000, capture: false);
        Ok(await WithPayments(p => p.CaptureAsync(payment.Id, Dollars(400), "cap", CancellationToken.None)));

        Fails(await WithPayments(p => p.RefundAsync(payment.Id, Dollars(401), null, "r1", CancellationToken.None)), 409, "refund_exceeds_captured");
        var refunded = Ok(await WithPayments(p => p.RefundAsync(payment.Id, Dollars(400), null, "r2", CancellationToken.None)));

        Assert.Equal(PaymentStatus.Refunded, refunded.Status);
    }

    [Fact]
    public async Task A_retried_refund_with_the_same_key_refunds_once()
    {
        var payment = await Paid(1000);

        var first = Ok(await WithPayments(p => p.RefundAsync(payment.Id, Dollars(250), null, "refund-key", CancellationToken.None)));
        var retry = Ok(await WithPayments(p => p.RefundAsync(payment.Id, Dollars(250), null, "refund-key", CancellationToken.None)));

        Assert.Equal(Dollars(250), first.Refunded);
        AssertSame(first, retry);
        Assert.Equal(1, await CountOperationsAsync(payment.Id, PaymentOperationKind.Refund));
    }

    [Fact]
    public async Task Concurrent_refunds_never_exceed_the_captured_amount()
    {
        var payment = await Paid(1000);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            WithPayments(p => p.RefundAsync(payment.Id, Dollars(300), null, $"race-{i}", CancellationToken.None)))));

        Assert.Equal(3, results.Count(r => r.Error is null));
        Assert.All(results.Where(r => r.Error is not null), r => Assert.Equal("refund_exceeds_captured", r.Error!.Code));
        var final = await WithPayments(p => p.FindAsync(payment.Id, CancellationToken.None));
        Assert.Equal(Dollars(900), final!.Refunded);
        Assert.Equal(PaymentStatus.PartiallyRefunded, final.Status);
        await using var scope = app.Scope();
        var row = await scope.ServiceProvider.GetRequiredService<MercatoDb>().Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == payment.Id);
        Assert.Equal(0, row.RefundPending);
    }

    [Fact]
    public async Task Refunding_before_capture_is_409_payment_not_refundable()
    {
        var payment = await Paid(1000, capture: false);

        Fails(await WithPayments(p => p.RefundAsync(payment.Id, Dollars(100), null, "early", CancellationToken.None)), 409, "payment_not_refundable");
    }

    [Fact]
    public async Task Cancel_voids_an_authorization_is_safe_to_repeat_and_a_captured_payment_cannot_be_canceled()
    {
        var authorized = await Paid(1000, capture: false);
        var captured = await Paid(1000);

        var canceled = Ok(await WithPayments(p => p.CancelAsync(authorized.Id, CancellationToken.None)));
        var again = Ok(await WithPayments(p => p.CancelAsync(authorized.Id, CancellationToken.None)));

        Assert.Equal(PaymentStatus.Canceled, canceled.Status);
        AssertSame(canceled, again);
        Fails(await WithPayments(p => p.CaptureAsync(authorized.Id, null, "late", CancellationToken.None)), 409, "payment_not_capturable");
        Fails(await WithPayments(p => p.CancelAsync(captured.Id, CancellationToken.None)), 409, "payment_not_cancelable");
        Fails(await WithPayments(p => p.AuthorizeAsync(authorized.Id, CancellationToken.None)), 409, "payment_not_authorizable");
    }

    [Fact]
    public async Task Authorized_payments_without_an_order_are_found_for_crash_recovery()
    {
        var orphan = await Paid(1000, capture: false);
        var ordered = await Paid(1000, capture: false);
        await WithPayments(async p =>
        {
            await p.AttachOrderAsync(ordered.Id, "order_1", CancellationToken.None);
            return 0;
        });
        var cutoff = app.Clock.GetUtcNow();
        var recent = await Paid(1000, capture: false);

        var found = await WithPayments(p => p.FindAuthorizedWithoutOrderAsync(cutoff, CancellationToken.None));

        Assert.Contains(found, p => p.Id == orphan.Id);
        Assert.DoesNotContain(found, p => p.Id == ordered.Id || p.Id == recent.Id);
        Assert.Equal("order_1", (await WithPayments(p => p.FindAsync(ordered.Id, CancellationToken.None)))!.OrderId);
    }

    [Fact]
    public async Task Webhooks_of_a_provider_that_takes_none_or_is_not_configured_are_404()
    {
        var response = await app.Anonymous.PostAsync("/webhooks/stripe", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var manual = await app.Anonymous.PostAsync("/webhooks/manual", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(404, "not_found");
        await manual.ShouldBeProblemAsync(404, "not_found");
    }

    private async Task<int> CountOperationsAsync(string paymentId, PaymentOperationKind kind)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<MercatoDb>().Set<PaymentOperation>()
            .CountAsync(o => o.PaymentId == paymentId && o.Kind == kind);
    }
}

public sealed class PaymentsOnSqlite(SqliteApp app) : PaymentsTests(app), IClassFixture<SqliteApp>;

public sealed class PaymentsOnPostgres(PostgresApp app) : PaymentsTests(app), IClassFixture<PostgresApp>;
