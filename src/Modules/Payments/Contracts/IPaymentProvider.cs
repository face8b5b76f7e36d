using System.Text.Json;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Money;
using Microsoft.AspNetCore.Http;

namespace Mercato.Payments.Contracts;

/// <summary>
/// A payment gateway plug-in. Register an implementation as <c>IPaymentProvider</c> and shoppers can start sessions with its
/// <see cref="Name"/>. Mercato keeps the amounts and the state machine; a provider only talks to its gateway, is never
/// called inside a database transaction, and must pass the idempotency keys it is given on to the gateway.
/// Expected failures are <see cref="Error"/> values: a decline is 402 <c>payment_declined</c>.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>The name shoppers and Checkout use (<c>manual</c>, <c>test</c>, <c>stripe</c>).</summary>
    string Name { get; }

    /// <summary>False while the provider lacks its configuration (an API key): it then counts as unknown.</summary>
    bool IsAvailable => true;

    /// <summary>Checks the session data before anything is stored; card data never reaches a provider.</summary>
    Error? ValidateSessionData(JsonElement? data);

    /// <summary>Opens the session at the gateway (a Stripe PaymentIntent); returns its reference and what the front end needs.</summary>
    Task<Result<ProviderSession>> StartSessionAsync(ProviderPayment payment, CancellationToken ct);

    Task<Result<ProviderAuthorization>> AuthorizeAsync(ProviderPayment payment, CancellationToken ct);

    /// <summary>Finishes a step the gateway asked for (3-D Secure) with the data the front end got back.</summary>
    Task<Result<ProviderAuthorization>> ConfirmActionAsync(ProviderPayment payment, JsonElement? data, CancellationToken ct);

    /// <summary>Captures <paramref name="amount"/>; returns the gateway's reference of the capture, if any.</summary>
    Task<Result<string?>> CaptureAsync(ProviderPayment payment, Money amount, string idempotencyKey, CancellationToken ct);

    /// <summary>Refunds <paramref name="amount"/> of what was captured; returns the gateway's refund id, if any.</summary>
    Task<Result<string?>> RefundAsync(ProviderPayment payment, Money amount, string? reason, string idempotencyKey, CancellationToken ct);

    /// <summary>Voids an authorization (or an unfinished session) at the gateway.</summary>
    Task<Error?> CancelAsync(ProviderPayment payment, string idempotencyKey, CancellationToken ct);

    /// <summary>Whether <c>POST /webhooks/{name}</c> exists for this provider.</summary>
    bool AcceptsWebhooks => false;

    /// <summary>
    /// Verifies and reads a webhook delivery; 400 <c>invalid_signature</c> when it cannot be trusted. Events the provider
    /// does not care about come back as <see cref="ProviderEventKind.Ignored"/>.
    /// </summary>
    Result<ProviderWebhookEvent> ParseWebhook(string payload, IHeaderDictionary headers) =>
        Error.NotFound("webhook endpoint", Name);
}

/// <summary>A payment as a provider sees it. <paramref name="SessionData"/> is what the shopper's front end sent (tokens, never cards).</summary>
public sealed record ProviderPayment(string PaymentId, string CartId, Money Amount, string? ProviderReference, JsonElement? SessionData);

public sealed record ProviderSession(string? ProviderReference, IReadOnlyDictionary<string, string> ClientData);

/// <summary>The gateway's answer to an authorization: either authorized for an amount, or a further step for the shopper.</summary>
public sealed record ProviderAuthorization(bool RequiresAction, long AuthorizedAmount, string? ProviderReference,
    IReadOnlyDictionary<string, string>? ClientData)
{
    public static ProviderAuthorization Authorized(long amount, string? providerReference = null) =>
        new(false, amount, providerReference, null);

    public static ProviderAuthorization ActionRequired(IReadOnlyDictionary<string, string> clientData) => new(true, 0, null, clientData);
}

public enum ProviderEventKind
{
    Ignored,
    Authorized,
    Captured,
    Failed,
    Canceled,
}

/// <summary>A verified webhook event: its id (for redelivery checks), what happened, to which gateway payment, for how much.</summary>
public sealed record ProviderWebhookEvent(string EventId, ProviderEventKind Kind, string? ProviderReference, long? Amount);
