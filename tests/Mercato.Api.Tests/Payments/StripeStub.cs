using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Api.Tests.Payments;

/// <summary>
/// The few Stripe endpoints Mercato calls, on a free local port: PaymentIntents (create, retrieve, confirm, capture, cancel)
/// and refunds. It records every request with its Idempotency-Key and, like Stripe, replays the first answer to a key.
/// Payment method <c>pm_card_visa</c> authorizes, <c>pm_card_chargeDeclined</c> is a card error, and
/// <c>pm_card_authenticationRequired</c> needs 3-D Secure.
/// </summary>
public sealed class StripeStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _replays = new();
    private int _sequence;

    public StripeStub()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/payment_intents", c => Answer(c, form => Create(form)));
        _app.MapGet("/v1/payment_intents/{id}", (HttpContext c, string id) => Answer(c, _ => Find(id) is { } i ? (200, i.Json()) : NotFound(id)));
        _app.MapPost("/v1/payment_intents/{id}/confirm", (HttpContext c, string id) => Answer(c, form => Confirm(id, form)));
        _app.MapPost("/v1/payment_intents/{id}/capture", (HttpContext c, string id) => Answer(c, form => Capture(id, form)));
        _app.MapPost("/v1/payment_intents/{id}/cancel", (HttpContext c, string id) => Answer(c, _ => Cancel(id)));
        _app.MapPost("/v1/refunds", c => Answer(c, form => Refund(form)));
        _app.Start();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string BaseUrl { get; }

    public ConcurrentDictionary<string, Intent> Intents { get; } = new();

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>When set, the next refund fails with an API error (as if Stripe were down for it).</summary>
    public bool FailNextRefund { get; set; }

    public IReadOnlyList<StubRequest> RequestsTo(string method, string pathStart) =>
        [.. Requests.Where(r => r.Method == method && r.Path.StartsWith(pathStart, StringComparison.Ordinal))];

    private async Task Answer(HttpContext context, Func<IReadOnlyDictionary<string, string>, (int Status, string Body)> handle)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : new Dictionary<string, string>();
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        Requests.Enqueue(new StubRequest(context.Request.Method, context.Request.Path.Value!, key.Length == 0 ? null : key, form));
        var (status, body) = key.Length == 0 ? handle(form) : _replays.GetOrAdd(key, _ => handle(form));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    private (int, string) Create(IReadOnlyDictionary<string, string> form)
    {
        var id = $"pi_{Interlocked.Increment(ref _sequence):D6}";
        var intent = new Intent(id, long.Parse(form["amount"], CultureInfo.InvariantCulture), form["currency"])
        {
            CaptureMethod = form.GetValueOrDefault("capture_method"),
            Metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                .ToDictionary(f => f.Key["metadata[".Length..^1], f => f.Value),
        };
        Intents[id] = intent;
        return (200, intent.Json());
    }

    private (int, string) Confirm(string id, IReadOnlyDictionary<string, string> form)
    {
        if (Find(id) is not { } intent) return NotFound(id);
        switch (form.GetValueOrDefault("payment_method"))
        {
            case "pm_card_chargeDeclined":
                intent.Status = "requires_payment_method";
                return (402, """{ "error": { "type": "card_error", "code": "card_declined", "message": "Your card was declined." } }""");
            case "pm_card_authenticationRequired":
                intent.Status = "requires_action";
                break;
            default:
                intent.Status = "requires_capture";
                intent.AmountCapturable = intent.Amount;
                break;
        }
        return (200, intent.Json());
    }

    private (int, string) Capture(string id, IReadOnlyDictionary<string, string> form)
    {
        if (Find(id) is not { } intent) return NotFound(id);
        if (intent.Status != "requires_capture") return InvalidRequest("payment_intent_unexpected_state", "This PaymentIntent cannot be captured.");
        var amount = form.TryGetValue("amount_to_capture", out var a) ? long.Parse(a, CultureInfo.InvariantCulture) : intent.AmountCapturable;
        if (amount > intent.AmountCapturable) return InvalidRequest("amount_too_large", "Amount to capture is too large.");
        intent.AmountReceived = amount;
        intent.AmountCapturable = 0;
        intent.Status = "succeeded";
        return (200, intent.Json());
    }

    private (int, string) Cancel(string id)
    {
        if (Find(id) is not { } intent) return NotFound(id);
        intent.Status = "canceled";
        intent.AmountCapturable = 0;
        return (200, intent.Json());
    }

    private (int, string) Refund(IReadOnlyDictionary<string, string> form)
    {
        if (FailNextRefund)
        {
            FailNextRefund = false;
            return InvalidRequest("refund_failed", "The refund could not be made.");
        }
        if (Find(form["payment_intent"]) is not { } intent) return NotFound(form["payment_intent"]);
        var amount = long.Parse(form["amount"], CultureInfo.InvariantCulture);
        if (amount > intent.AmountReceived - intent.AmountRefunded) return InvalidRequest("amount_too_large", "Refund exceeds the charge.");
        intent.AmountRefunded += amount;
        var id = $"re_{Interlocked.Increment(ref _sequence):D6}";
        return (200, $$"""{ "id": "{{id}}", "object": "refund", "amount": {{amount}}, "currency": "{{intent.Currency}}", "payment_intent": "{{intent.Id}}", "status": "succeeded" }""");
    }

    private Intent? Find(string id) => Intents.GetValueOrDefault(id);

    private static (int, string) NotFound(string id) =>
        (404, $$"""{ "error": { "type": "invalid_request_error", "code": "resource_missing", "message": "No such payment_intent: '{{id}}'" } }""");

    private static (int, string) InvalidRequest(string code, string message) =>
        (400, $$"""{ "error": { "type": "invalid_request_error", "code": "{{code}}", "message": "{{message}}" } }""");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed class Intent(string id, long amount, string currency)
    {
        public string Id => id;
        public long Amount => amount;
        public string Currency => currency;
        public string Status { get; set; } = "requires_payment_method";
        public long AmountCapturable { get; set; }
        public long AmountReceived { get; set; }
        public long AmountRefunded { get; set; }
        public string? CaptureMethod { get; init; }
        public Dictionary<string, string> Metadata { get; init; } = [];
        public string ClientSecret => id + "_secret_stub";

        public string Json() => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = Id, ["object"] = "payment_intent", ["amount"] = Amount, ["amount_capturable"] = AmountCapturable,
            ["amount_received"] = AmountReceived, ["currency"] = Currency, ["status"] = Status, ["client_secret"] = ClientSecret,
            ["capture_method"] = CaptureMethod, ["metadata"] = Metadata,
            ["next_action"] = Status == "requires_action" ? new Dictionary<string, string> { ["type"] = "use_stripe_sdk" } : null,
        });
    }
}

public sealed record StubRequest(string Method, string Path, string? IdempotencyKey, IReadOnlyDictionary<string, string> Form);
