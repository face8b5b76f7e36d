using System.Text.Json;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Money;
using Mercato.Payments.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Stripe;

namespace Mercato.Payments.Providers;

/// <summary>
/// Stripe PaymentIntents with <c>capture_method=manual</c>: the intent is created when the session starts, the front end
/// confirms it with Stripe.js (or sends a <c>paymentMethodId</c>), and it is authorized once it is <c>requires_capture</c>.
/// Available only when <c>Mercato:Payments:Stripe:SecretKey</c> is set; <c>ApiBase</c> points the client elsewhere (tests).
/// </summary>
internal sealed class StripePaymentProvider(IConfiguration config, TimeProvider time) : IPaymentProvider
{
    private const string Section = "Mercato:Payments:Stripe:";

    // Stripe's own default tolerance for webhook timestamps.
    private const long WebhookToleranceSeconds = 300;

    private readonly Lock _lock = new();
    private (string Key, string? ApiBase, StripeClient Client)? _client;

    public string Name => "stripe";

    public bool IsAvailable => !string.IsNullOrWhiteSpace(config[Section + "SecretKey"]);

    public bool AcceptsWebhooks => IsAvailable;

    private StripeClient Client
    {
        get
        {
            var key = config[Section + "SecretKey"] ?? throw new InvalidOperationException(Section + "SecretKey is not set.");
            var apiBase = config[Section + "ApiBase"];
            apiBase = string.IsNullOrWhiteSpace(apiBase) ? null : apiBase.TrimEnd('/');
            lock (_lock)
            {
                if (_client is not { } c || c.Key != key || c.ApiBase != apiBase)
                    _client = c = (key, apiBase, new StripeClient(key, apiBase: apiBase));
                return c.Client;
            }
        }
    }

    public Error? ValidateSessionData(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d || !d.TryGetProperty("paymentMethodId", out var pm)) return null;
        return pm.ValueKind == JsonValueKind.String && pm.GetString() is { Length: > 0 and <= 255 }
            ? null
            : Error.Validation("data.paymentMethodId", "A Stripe PaymentMethod id (pm_...).");
    }

    public Task<Result<ProviderSession>> StartSessionAsync(ProviderPayment payment, CancellationToken ct) => Call(async () =>
    {
        var options = new PaymentIntentCreateOptions
        {
            Amount = payment.Amount.Amount,
            Currency = payment.Amount.Currency.Code.ToLowerInvariant(),
            CaptureMethod = "manual",
            Metadata = new Dictionary<string, string> { ["cart_id"] = payment.CartId, ["payment_id"] = payment.PaymentId },
        };
        var intent = await new PaymentIntentService(Client).CreateAsync(options, Key("session", payment.PaymentId), ct);
        return (Result<ProviderSession>)new ProviderSession(intent.Id, ClientData(intent));
    });

    public Task<Result<ProviderAuthorization>> AuthorizeAsync(ProviderPayment payment, CancellationToken ct) => Call(async () =>
    {
        var service = new PaymentIntentService(Client);
        var paymentMethod = PaymentMethodOf(payment.SessionData);
        var intent = paymentMethod is null
            ? await service.GetAsync(payment.ProviderReference, cancellationToken: ct)
            : await service.ConfirmAsync(payment.ProviderReference, new PaymentIntentConfirmOptions { PaymentMethod = paymentMethod },
                Key("confirm", payment.PaymentId + ":" + paymentMethod), ct);
        return Outcome(intent);
    });

    /// <summary>After 3-D Secure the front end has finished with Stripe directly; the intent's state tells the result.</summary>
    public Task<Result<ProviderAuthorization>> ConfirmActionAsync(ProviderPayment payment, JsonElement? data, CancellationToken ct) => Call(async () =>
        Outcome(await new PaymentIntentService(Client).GetAsync(payment.ProviderReference, cancellationToken: ct)));

    public Task<Result<string?>> CaptureAsync(ProviderPayment payment, Money amount, string idempotencyKey, CancellationToken ct) => Call(async () =>
    {
        var intent = await new PaymentIntentService(Client).CaptureAsync(payment.ProviderReference,
            new PaymentIntentCaptureOptions { AmountToCapture = amount.Amount }, Key(idempotencyKey), ct);
        return (Result<string?>)intent.Id;
    });

    public Task<Result<string?>> RefundAsync(ProviderPayment payment, Money amount, string? reason, string idempotencyKey, CancellationToken ct) => Call(async () =>
    {
        var options = new RefundCreateOptions { PaymentIntent = payment.ProviderReference, Amount = amount.Amount };
        if (!string.IsNullOrWhiteSpace(reason)) options.Metadata = new Dictionary<string, string> { ["reason"] = reason };
        var refund = await new RefundService(Client).CreateAsync(options, Key(idempotencyKey), ct);
        return (Result<string?>)refund.Id;
    });

    public async Task<Error?> CancelAsync(ProviderPayment payment, string idempotencyKey, CancellationToken ct)
    {
        if (payment.ProviderReference is null) return null;
        var result = await Call(async () =>
        {
            await new PaymentIntentService(Client).CancelAsync(payment.ProviderReference, null, Key(idempotencyKey), ct);
            return (Result<bool>)true;
        });
        return result.Error;
    }

    public Result<ProviderWebhookEvent> ParseWebhook(string payload, IHeaderDictionary headers)
    {
        var secret = config[Section + "WebhookSecret"];
        var signature = headers["Stripe-Signature"].ToString();
        if (string.IsNullOrWhiteSpace(secret) || signature.Length == 0) return PaymentErrors.InvalidSignature();
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signature, secret, WebhookToleranceSeconds,
                time.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            return PaymentErrors.InvalidSignature();
        }
        catch (JsonException)
        {
            return PaymentErrors.InvalidSignature();
        }
        if (stripeEvent.Data?.Object is not PaymentIntent intent) return new ProviderWebhookEvent(stripeEvent.Id, ProviderEventKind.Ignored, null, null);
        return stripeEvent.Type switch
        {
            "payment_intent.amount_capturable_updated" => new ProviderWebhookEvent(stripeEvent.Id, ProviderEventKind.Authorized, intent.Id, intent.AmountCapturable),
            "payment_intent.succeeded" => new ProviderWebhookEvent(stripeEvent.Id, ProviderEventKind.Captured, intent.Id, intent.AmountReceived),
            "payment_intent.payment_failed" => new ProviderWebhookEvent(stripeEvent.Id, ProviderEventKind.Failed, intent.Id, null),
            "payment_intent.canceled" => new ProviderWebhookEvent(stripeEvent.Id, ProviderEventKind.Canceled, intent.Id, null),
            _ => new ProviderWebhookEvent(stripeEvent.Id, ProviderEventKind.Ignored, intent.Id, null),
        };
    }

    private static Result<ProviderAuthorization> Outcome(PaymentIntent intent) => intent.Status switch
    {
        "requires_capture" => ProviderAuthorization.Authorized(intent.AmountCapturable, intent.Id),
        "succeeded" => ProviderAuthorization.Authorized(intent.AmountReceived, intent.Id),
        "canceled" => PaymentErrors.Declined("The Stripe payment was canceled."),
        "requires_payment_method" when intent.LastPaymentError is { } declined =>
            PaymentErrors.Declined(declined.Message ?? "The card was declined."),
        _ => ProviderAuthorization.ActionRequired(ClientData(intent)),
    };

    private static Dictionary<string, string> ClientData(PaymentIntent intent)
    {
        var data = new Dictionary<string, string> { ["clientSecret"] = intent.ClientSecret ?? "", ["status"] = intent.Status ?? "" };
        if (intent.NextAction?.Type is { } next) data["nextAction"] = next;
        return data;
    }

    private static string? PaymentMethodOf(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("paymentMethodId", out var pm) && pm.ValueKind == JsonValueKind.String
            ? pm.GetString()
            : null;

    private static RequestOptions Key(string operation, string id) => Key($"mercato:{operation}:{id}");

    private static RequestOptions Key(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    /// <summary>Card errors are declines (402); anything else Stripe says is the provider failing (502), never a 500.</summary>
    private async Task<Result<T>> Call<T>(Func<Task<Result<T>>> action)
    {
        try
        {
            return await action();
        }
        catch (StripeException e) when (e.StripeError?.Type == "card_error")
        {
            return PaymentErrors.Declined(e.StripeError.Message ?? "The card was declined.");
        }
        catch (StripeException e)
        {
            return PaymentErrors.ProviderFailed(Name, e.StripeError?.Message ?? e.Message);
        }
        catch (HttpRequestException e)
        {
            return PaymentErrors.ProviderFailed(Name, e.Message);
        }
    }
}
