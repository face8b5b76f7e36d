using System.Text.Json;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Money;
using Mercato.Kernel.Persistence;
using Mercato.Payments.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Payments;

/// <summary>
/// One payment session of a cart, later the payment of its order. Amounts are minor units of <see cref="CurrencyCode"/>.
/// Captures and refunds in flight are reserved in <see cref="CapturePending"/> and <see cref="RefundPending"/> by conditional
/// updates before the provider is called, so concurrent calls can never exceed what was authorized or captured.
/// </summary>
internal sealed class Payment : IVersioned
{
    private Payment()
    {
    }

    public Payment(string cartId, string provider, Money amount, JsonElement? sessionData, TimeProvider time)
    {
        Id = EntityId.New("pay", time);
        CartId = OpenCartId = cartId;
        Provider = provider;
        CurrencyCode = amount.Currency.Code;
        Amount = amount.Amount;
        SessionData = sessionData?.GetRawText();
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string CartId { get; private init; } = "";

    /// <summary>The cart id while the session is open (pending, needing action, or authorized without an order); unique, so one open session per cart.</summary>
    public string? OpenCartId { get; private set; }

    public string? OrderId { get; private set; }
    public string Provider { get; private init; } = "";
    public PaymentStatus Status { get; private set; }
    public string CurrencyCode { get; private init; } = "";
    public long Amount { get; private init; }
    public long AuthorizedAmount { get; private set; }
    public long CapturedAmount { get; private set; }
    public long RefundedAmount { get; private set; }
    public long CapturePending { get; private set; }
    public long RefundPending { get; private set; }

    /// <summary>The gateway's id of this payment (a Stripe PaymentIntent id).</summary>
    public string? ProviderReference { get; private set; }

    /// <summary>What the front end sent to start the session (a token), as JSON; never card data.</summary>
    public string? SessionData { get; private init; }

    /// <summary>What the front end needs to finish the payment, as a JSON object of strings.</summary>
    public string ClientData { get; private set; } = "{}";

    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; set; }

    public Currency Currency => Currency.Of(CurrencyCode);

    public ProviderPayment ToProvider()
    {
        JsonElement? data = SessionData is null ? null : JsonDocument.Parse(SessionData).RootElement.Clone();
        return new ProviderPayment(Id, CartId, new Money(Amount, Currency), ProviderReference, data);
    }

    public PaymentView ToView() => new(Id, CartId, OrderId, Provider, Status, new Money(Amount, Currency),
        new Money(AuthorizedAmount, Currency), new Money(CapturedAmount, Currency), new Money(RefundedAmount, Currency),
        JsonSerializer.Deserialize<Dictionary<string, string>>(ClientData) ?? []);

    public void Started(ProviderSession session, DateTimeOffset now)
    {
        ProviderReference = session.ProviderReference;
        ClientData = JsonSerializer.Serialize(session.ClientData);
        UpdatedAt = now;
    }

    public void Authorize(long amount, string? providerReference, DateTimeOffset now)
    {
        MoveTo(PaymentStatus.Authorized, now);
        AuthorizedAmount = amount;
        ProviderReference = providerReference ?? ProviderReference;
    }

    public void RequireAction(IReadOnlyDictionary<string, string> clientData, DateTimeOffset now)
    {
        MoveTo(PaymentStatus.RequiresAction, now);
        ClientData = JsonSerializer.Serialize(clientData);
    }

    /// <summary>Captured outside Mercato (the gateway's dashboard), learned from a webhook.</summary>
    public void CapturedElsewhere(long amount, DateTimeOffset now)
    {
        MoveTo(PaymentStatus.Captured, now);
        CapturedAmount = amount;
    }

    public void Fail(DateTimeOffset now) => MoveTo(PaymentStatus.Failed, now);

    public void Cancel(DateTimeOffset now) => MoveTo(PaymentStatus.Canceled, now);

    private void MoveTo(PaymentStatus to, DateTimeOffset now)
    {
        if (!PaymentTransitions.CanMove(Status, to)) throw new InvalidOperationException($"Payment {Id} cannot move from {Status} to {to}.");
        Status = to;
        if (!PaymentTransitions.IsOpen(to)) OpenCartId = null;
        UpdatedAt = now;
    }
}

internal enum PaymentOperationKind
{
    Authorize,
    Capture,
    Refund,
    Cancel,
    Webhook,
}

internal enum PaymentOperationOutcome
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>
/// The log of what was asked of a payment and how it ended. A capture's or refund's row is written before the provider
/// is called, and its idempotency key is unique per payment and kind (failed attempts aside): the row is the lock that
/// makes a retry a no-op.
/// </summary>
internal sealed class PaymentOperation
{
    private PaymentOperation()
    {
    }

    public PaymentOperation(string paymentId, PaymentOperationKind kind, long? amount, string? idempotencyKey, TimeProvider time)
    {
        Id = EntityId.New("payop", time);
        PaymentId = paymentId;
        Kind = kind;
        Amount = amount;
        IdempotencyKey = idempotencyKey;
        CreatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string PaymentId { get; private init; } = "";
    public PaymentOperationKind Kind { get; private init; }
    public long? Amount { get; private init; }
    public string? IdempotencyKey { get; private init; }
    public string? ProviderReference { get; set; }
    public PaymentOperationOutcome Outcome { get; set; }
    public string? ErrorCode { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
}

/// <summary>A provider's webhook event that was applied, so a redelivery changes nothing.</summary>
internal sealed class ProcessedWebhookEvent
{
    public string Provider { get; init; } = "";
    public string EventId { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("payments_payment");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(40);
        b.Property(p => p.CartId).HasMaxLength(40);
        b.Property(p => p.OpenCartId).HasMaxLength(40);
        b.Property(p => p.OrderId).HasMaxLength(40);
        b.Property(p => p.Provider).HasMaxLength(40);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.CurrencyCode).HasMaxLength(3);
        b.Property(p => p.ProviderReference).HasMaxLength(255);
        b.Property(p => p.SessionData).HasMaxLength(4000);
        b.Property(p => p.ClientData).HasMaxLength(4000);
        b.Ignore(p => p.Currency);
        b.HasIndex(p => p.OpenCartId).IsUnique();
        b.HasIndex(p => new { p.CartId, p.CreatedAt });
        b.HasIndex(p => new { p.Provider, p.ProviderReference });
        b.HasIndex(p => new { p.Status, p.UpdatedAt });
    }
}

internal sealed class PaymentOperationConfiguration : IEntityTypeConfiguration<PaymentOperation>
{
    public void Configure(EntityTypeBuilder<PaymentOperation> b)
    {
        b.ToTable("payments_payment_operation");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasMaxLength(40);
        b.Property(o => o.PaymentId).HasMaxLength(40);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.IdempotencyKey).HasMaxLength(255);
        b.Property(o => o.ProviderReference).HasMaxLength(255);
        b.Property(o => o.ErrorCode).HasMaxLength(60);
        // Failed attempts keep their row for the log but free the key, so a retry can run again.
        b.HasIndex(o => new { o.PaymentId, o.Kind, o.IdempotencyKey }).IsUnique().HasFilter("outcome <> 'Failed'");
    }
}

internal sealed class ProcessedWebhookEventConfiguration : IEntityTypeConfiguration<ProcessedWebhookEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedWebhookEvent> b)
    {
        b.ToTable("payments_webhook_event");
        b.HasKey(e => new { e.Provider, e.EventId });
        b.Property(e => e.Provider).HasMaxLength(40);
        b.Property(e => e.EventId).HasMaxLength(255);
    }
}
