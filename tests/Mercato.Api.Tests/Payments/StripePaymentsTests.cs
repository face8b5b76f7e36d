using Mercato.Kernel.Errors;
using Mercato.Kernel.Money;
using Mercato.Payments.Contracts;
using Microsoft.Extensions.DependencyInjection;

using static Mercato.Api.Tests.Payments.PaymentTestData;

namespace Mercato.Api.Tests.Payments;

/// <summary>The stripe provider against a local Stripe stub, and Stripe's webhooks over HTTP.</summary>
public abstract class StripePaymentsTests(StripeApp app)
{
    private Task<T> WithPayments<T>(Func<IPayments, Task<T>> action) => app.WithPaymentsAsync(action);

    private static readonly Currency Eur = Currency.Of("EUR");

    private Task<Result<PaymentView>> Start(string cart, string? paymentMethod = null, long amount = 4900) =>
        WithPayments(p => p.StartSessionAsync(cart, "stripe",
            paymentMethod is null ? null : Data($$"""{ "paymentMethodId": "{{paymentMethod}}" }"""), new Money(amount, Eur), CancellationToken.None));

    private StripeStub.Intent IntentOf(PaymentView payment) =>
        app.Stripe.Intents.Values.Single(i => i.Metadata.GetValueOrDefault("payment_id") == payment.Id);

    private static string Event(string id, string type, StripeStub.Intent intent) =>
        $$"""{ "id": "{{id}}", "object": "event", "api_version": "2024-06-20", "created": 1, "livemode": false, "type": "{{type}}", "data": { "object": {{intent.Json()}} } }""";

    [Fact]
    public async Task A_session_creates_a_manual_capture_payment_intent_and_hands_out_its_client_secret()
    {
        var cart = NewCart();

        var payment = Ok(await Start(cart));

        var intent = IntentOf(payment);
        var create = app.Stripe.RequestsTo("POST", "/v1/payment_intents").Single(r => r.Form.GetValueOrDefault("metadata[payment_id]") == payment.Id);
        Assert.Equal(("4900", "eur", "manual", cart), (create.Form["amount"], create.Form["currency"], create.Form["capture_method"], create.Form["metadata[cart_id]"]));
        Assert.Contains(payment.Id, create.IdempotencyKey, StringComparison.Ordinal);
        Assert.Equal(intent.ClientSecret, payment.ClientData["clientSecret"]);
        Assert.Equal(PaymentStatus.Pending, payment.Status);
    }

    [Fact]
    public async Task A_confirmed_card_authorizes_captures_and_refunds_each_with_an_idempotency_key_at_stripe()
    {
        var payment = Ok(await Start(NewCart(), "pm_card_visa"));
        var intent = IntentOf(payment);

        var authorized = Ok(await WithPayments(p => p.AuthorizeAsync(payment.Id, CancellationToken.None)));
        var captured = Ok(await WithPayments(p => p.CaptureAsync(payment.Id, new Money(4000, Eur), "cap-1", CancellationToken.None)));
        var retried = Ok(await WithPayments(p => p.CaptureAsync(payment.Id, new Money(4000, Eur), "cap-1", CancellationToken.None)));
        var refunded = Ok(await WithPayments(p => p.RefundAsync(payment.Id, new Money(1500, Eur), "late delivery", "ref-1", CancellationToken.None)));

        Assert.Equal((PaymentStatus.Authorized, 4900L), (authorized.Status, authorized.Authorized.Amount));
        Assert.Equal((PaymentStatus.Captured, 4000L), (captured.Status, captured.Captured.Amount));
        AssertSame(captured, retried);
        Assert.Equal((PaymentStatus.PartiallyRefunded, 1500L), (refunded.Status, refunded.Refunded.Amount));
        var capture = Assert.Single(app.Stripe.RequestsTo("POST", $"/v1/payment_intents/{intent.Id}/capture"));
        Assert.Equal("4000", capture.Form["amount_to_capture"]);
        Assert.False(string.IsNullOrEmpty(capture.IdempotencyKey));
        var refund = Assert.Single(app.Stripe.RequestsTo("POST", "/v1/refunds"), r => r.Form["payment_intent"] == intent.Id);
        Assert.Equal("1500", refund.Form["amount"]);
        Assert.False(string.IsNullOrEmpty(refund.IdempotencyKey));
        Assert.Equal((4000L, 1500L), (intent.AmountReceived, intent.AmountRefunded));
    }

    [Fact]
    public async Task A_failed_refund_at_stripe_releases_the_reserved_amount()
    {
        var payment = Ok(await Start(NewCart(), "pm_card_visa", amount: 1000));
        Ok(await WithPayments(p => p.AuthorizeAsync(payment.Id, CancellationToken.None)));
        Ok(await WithPayments(p => p.CaptureAsync(payment.Id, null, "cap", CancellationToken.None)));
        app.Stripe.FailNextRefund = true;

        Fails(await WithPayments(p => p.RefundAsync(payment.Id, new Money(1000, Eur), null, "ref", CancellationToken.None)), 502, "payment_provider_error");
        // Stripe replays a key's first answer, failures included, so a real retry takes a new key.
        var retried = Ok(await WithPayments(p => p.RefundAsync(payment.Id, new Money(1000, Eur), null, "ref-2", CancellationToken.None)));

        Assert.Equal((PaymentStatus.Refunded, 1000L), (retried.Status, retried.Refunded.Amount));
    }

    [Fact]
    public async Task A_declined_card_is_402_payment_declined()
    {
        var payment = Ok(await Start(NewCart(), "pm_card_chargeDeclined"));

        Fails(await WithPayments(p => p.AuthorizeAsync(payment.Id, CancellationToken.None)), 402, "payment_declined");

        Assert.Equal(PaymentStatus.Failed, (await WithPayments(p => p.FindAsync(payment.Id, CancellationToken.None)))!.Status);
    }

    [Fact]
    public async Task An_intent_the_front_end_has_not_confirmed_yet_requires_action_until_stripe_says_requires_capture()
    {
        var payment = Ok(await Start(NewCart()));

        Fails(await WithPayments(p => p.AuthorizeAsync(payment.Id, CancellationToken.None)), 402, "payment_requires_action");
        var intent = IntentOf(payment);
        intent.Status = "requires_capture";
        intent.AmountCapturable = intent.Amount;
        var confirmed = Ok(await WithPayments(p => p.ConfirmActionAsync(payment.Id, null, CancellationToken.None)));

        Assert.Equal(PaymentStatus.Authorized, confirmed.Status);
        Assert.Equal(4900, confirmed.Authorized.Amount);
    }

    [Fact]
    public async Task Cancel_voids_the_intent_with_an_idempotency_key()
    {
        var payment = Ok(await Start(NewCart(), "pm_card_visa"));
        Ok(await WithPayments(p => p.AuthorizeAsync(payment.Id, CancellationToken.None)));

        var canceled = Ok(await WithPayments(p => p.CancelAsync(payment.Id, CancellationToken.None)));

        Assert.Equal(PaymentStatus.Canceled, canceled.Status);
        Assert.Equal("canceled", IntentOf(payment).Status);
        var cancel = Assert.Single(app.Stripe.RequestsTo("POST", $"/v1/payment_intents/{IntentOf(payment).Id}/cancel"));
        Assert.False(string.IsNullOrEmpty(cancel.IdempotencyKey));
    }

    [Fact]
    public async Task A_signed_capturable_webhook_authorizes_the_payment_and_tells_the_listeners_once()
    {
        var payment = Ok(await Start(NewCart()));
        var intent = IntentOf(payment);
        intent.Status = "requires_capture";
        intent.AmountCapturable = intent.Amount;
        var payload = Event("evt_" + payment.Id, "payment_intent.amount_capturable_updated", intent);

        var first = await app.Anonymous.SendAsync(app.SignedWebhook(payload));
        var redelivered = await app.Anonymous.SendAsync(app.SignedWebhook(payload));

        await first.ShouldSucceedAsync();
        await redelivered.ShouldSucceedAsync();
        var authorized = await WithPayments(p => p.FindAsync(payment.Id, CancellationToken.None));
        Assert.Equal((PaymentStatus.Authorized, 4900L), (authorized!.Status, authorized.Authorized.Amount));
        Assert.Single(app.Listener.Authorized, p => p.Id == payment.Id);
    }

    [Fact]
    public async Task Failed_and_canceled_webhooks_move_the_payment()
    {
        var failing = Ok(await Start(NewCart()));
        var canceling = Ok(await Start(NewCart()));

        await (await app.Anonymous.SendAsync(app.SignedWebhook(Event("evt_f_" + failing.Id, "payment_intent.payment_failed", IntentOf(failing))))).ShouldSucceedAsync();
        await (await app.Anonymous.SendAsync(app.SignedWebhook(Event("evt_c_" + canceling.Id, "payment_intent.canceled", IntentOf(canceling))))).ShouldSucceedAsync();

        Assert.Equal(PaymentStatus.Failed, (await WithPayments(p => p.FindAsync(failing.Id, CancellationToken.None)))!.Status);
        Assert.Equal(PaymentStatus.Canceled, (await WithPayments(p => p.FindAsync(canceling.Id, CancellationToken.None)))!.Status);
    }

    [Fact]
    public async Task A_webhook_with_a_wrong_or_missing_signature_is_400_invalid_signature_and_changes_nothing()
    {
        var payment = Ok(await Start(NewCart()));
        var intent = IntentOf(payment);
        intent.Status = "requires_capture";
        intent.AmountCapturable = intent.Amount;
        var payload = Event("evt_bad_" + payment.Id, "payment_intent.amount_capturable_updated", intent);

        var wrongSecret = await app.Anonymous.SendAsync(app.SignedWebhook(payload, secret: "whsec_someone_else"));
        var unsigned = await app.Anonymous.PostAsync("/webhooks/stripe", new StringContent(payload, System.Text.Encoding.UTF8, "application/json"));
        var tampered = app.SignedWebhook(payload);
        tampered.Content = new StringContent(payload.Replace("4900", "1", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");

        await wrongSecret.ShouldBeProblemAsync(400, "invalid_signature");
        await unsigned.ShouldBeProblemAsync(400, "invalid_signature");
        await (await app.Anonymous.SendAsync(tampered)).ShouldBeProblemAsync(400, "invalid_signature");
        Assert.Equal(PaymentStatus.Pending, (await WithPayments(p => p.FindAsync(payment.Id, CancellationToken.None)))!.Status);
    }
}

public sealed class StripePaymentsOnSqlite(StripeSqliteApp app) : StripePaymentsTests(app), IClassFixture<StripeSqliteApp>;

public sealed class StripePaymentsOnPostgres(StripePostgresApp app) : StripePaymentsTests(app), IClassFixture<StripePostgresApp>;
