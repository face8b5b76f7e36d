using System.Text.Json;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Money;
using Mercato.Payments.Contracts;

namespace Mercato.Payments.Providers;

/// <summary>Pay later or by bank transfer: authorizes at once; the merchant captures when the money has arrived.</summary>
internal sealed class ManualPaymentProvider : IPaymentProvider
{
    public string Name => "manual";

    public Error? ValidateSessionData(JsonElement? data) => null;

    public Task<Result<ProviderSession>> StartSessionAsync(ProviderPayment payment, CancellationToken ct) =>
        Task.FromResult<Result<ProviderSession>>(new ProviderSession(null, new Dictionary<string, string>
        {
            ["instructions"] = "Pay by bank transfer quoting your order number; the order ships once the payment has arrived.",
        }));

    public Task<Result<ProviderAuthorization>> AuthorizeAsync(ProviderPayment payment, CancellationToken ct) =>
        Task.FromResult<Result<ProviderAuthorization>>(ProviderAuthorization.Authorized(payment.Amount.Amount));

    public Task<Result<ProviderAuthorization>> ConfirmActionAsync(ProviderPayment payment, JsonElement? data, CancellationToken ct) =>
        AuthorizeAsync(payment, ct);

    public Task<Result<string?>> CaptureAsync(ProviderPayment payment, Money amount, string idempotencyKey, CancellationToken ct) =>
        Task.FromResult<Result<string?>>((string?)null);

    public Task<Result<string?>> RefundAsync(ProviderPayment payment, Money amount, string? reason, string idempotencyKey, CancellationToken ct) =>
        Task.FromResult<Result<string?>>((string?)null);

    public Task<Error?> CancelAsync(ProviderPayment payment, string idempotencyKey, CancellationToken ct) => Task.FromResult<Error?>(null);
}
