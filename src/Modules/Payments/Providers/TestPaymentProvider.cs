using System.Text.Json;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Money;
using Mercato.Payments.Contracts;

namespace Mercato.Payments.Providers;

/// <summary>
/// Deterministic provider for tests and demos: <c>tok_success</c> authorizes, <c>tok_decline</c> is declined,
/// <c>tok_requires_action</c> asks for a confirmation that <c>{ "result": "success" }</c> completes.
/// </summary>
internal sealed class TestPaymentProvider : IPaymentProvider
{
    public const string Success = "tok_success";
    public const string Decline = "tok_decline";
    public const string RequiresAction = "tok_requires_action";

    public string Name => "test";

    public Error? ValidateSessionData(JsonElement? data) =>
        Token(data) is Success or Decline or RequiresAction
            ? null
            : Error.Validation("data.token", $"One of {Success}, {Decline}, {RequiresAction}.");

    public Task<Result<ProviderSession>> StartSessionAsync(ProviderPayment payment, CancellationToken ct) =>
        Task.FromResult<Result<ProviderSession>>(new ProviderSession("test_" + payment.PaymentId, new Dictionary<string, string>()));

    public Task<Result<ProviderAuthorization>> AuthorizeAsync(ProviderPayment payment, CancellationToken ct)
    {
        Result<ProviderAuthorization> result = Token(payment.SessionData) switch
        {
            Success => ProviderAuthorization.Authorized(payment.Amount.Amount),
            RequiresAction => ProviderAuthorization.ActionRequired(new Dictionary<string, string>
            {
                ["nextAction"] = "confirm",
                ["confirmHint"] = "Confirm with { \"result\": \"success\" } to authorize; anything else declines.",
            }),
            _ => PaymentErrors.Declined("The test card was declined."),
        };
        return Task.FromResult(result);
    }

    public Task<Result<ProviderAuthorization>> ConfirmActionAsync(ProviderPayment payment, JsonElement? data, CancellationToken ct)
    {
        var success = data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("result", out var r)
            && r.ValueKind == JsonValueKind.String && r.GetString() == "success";
        return Task.FromResult<Result<ProviderAuthorization>>(success
            ? ProviderAuthorization.Authorized(payment.Amount.Amount)
            : PaymentErrors.Declined("The test payment's confirmation failed."));
    }

    public Task<Result<string?>> CaptureAsync(ProviderPayment payment, Money amount, string idempotencyKey, CancellationToken ct) =>
        Task.FromResult<Result<string?>>("test_capture_" + idempotencyKey);

    public Task<Result<string?>> RefundAsync(ProviderPayment payment, Money amount, string? reason, string idempotencyKey, CancellationToken ct) =>
        Task.FromResult<Result<string?>>("test_refund_" + idempotencyKey);

    public Task<Error?> CancelAsync(ProviderPayment payment, string idempotencyKey, CancellationToken ct) => Task.FromResult<Error?>(null);

    private static string? Token(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
}
