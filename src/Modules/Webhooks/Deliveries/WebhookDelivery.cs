using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Mercato.Webhooks.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Webhooks.Deliveries;

internal static class DeliveryStatuses
{
    /// <summary>Not tried yet (or waiting for an earlier delivery of the same resource).</summary>
    public const string Pending = "pending";
    /// <summary>Tried and failed; the next attempt is scheduled.</summary>
    public const string Retrying = "retrying";
    public const string Succeeded = "succeeded";
    /// <summary>Given up for good: retried for the whole retry window, or its endpoint was disabled.</summary>
    public const string Failed = "failed";

    public static readonly string[] Open = [Pending, Retrying];
}

/// <summary>
/// One event on its way to one endpoint. The body is fixed when the delivery is made, so every attempt and any
/// redelivery sends the same bytes under the same <c>webhook-id</c> (the event id), which lets receivers deduplicate.
/// </summary>
internal sealed class WebhookDelivery : IVersioned
{
    private readonly List<WebhookAttempt> _attempts = [];

    private WebhookDelivery()
    {
    }

    public WebhookDelivery(string endpointId, string eventId, string eventType, string resourceId, long sequence, string body,
        TimeProvider time, string? redeliveryOf = null)
    {
        Id = EntityId.New("whd", time);
        EndpointId = endpointId;
        EventId = eventId;
        EventType = eventType;
        ResourceId = resourceId;
        Sequence = sequence;
        Body = body;
        RedeliveryOf = redeliveryOf;
        CreatedAt = NextAttemptAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string EndpointId { get; private init; } = "";
    public string EventId { get; private init; } = "";
    public string EventType { get; private init; } = "";
    public string ResourceId { get; private init; } = "";
    public long Sequence { get; private init; }
    public string Body { get; private init; } = "";
    public string? RedeliveryOf { get; private init; }
    public string Status { get; private set; } = DeliveryStatuses.Pending;
    public int AttemptCount { get; private set; }
    public DateTimeOffset? FirstAttemptAt { get; private set; }
    /// <summary>When it may be tried next; pushed ahead while an attempt runs, so that a second job does not send it twice.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public int Version { get; set; }
    public IReadOnlyList<WebhookAttempt> Attempts => _attempts;

    public bool IsOpen => Status is DeliveryStatuses.Pending or DeliveryStatuses.Retrying;

    /// <summary>Records an attempt. A failed one is retried at <paramref name="retryAt"/>, or given up when that is null.</summary>
    public void Record(WebhookAttempt attempt, bool delivered, DateTimeOffset? retryAt)
    {
        _attempts.Add(attempt);
        AttemptCount++;
        FirstAttemptAt ??= attempt.AttemptedAt;
        if (delivered) Complete(DeliveryStatuses.Succeeded, attempt.AttemptedAt);
        else if (retryAt is { } next)
        {
            Status = DeliveryStatuses.Retrying;
            NextAttemptAt = next;
        }
        else Complete(DeliveryStatuses.Failed, attempt.AttemptedAt);
    }

    public void GiveUp(DateTimeOffset now) => Complete(DeliveryStatuses.Failed, now);

    private void Complete(string status, DateTimeOffset at)
    {
        Status = status;
        CompletedAt = at;
    }
}

/// <summary>One POST of a delivery: when, what came back (status, latency, the first KB of the body) or what went wrong.</summary>
internal sealed class WebhookAttempt
{
    private WebhookAttempt()
    {
    }

    public WebhookAttempt(string deliveryId, int number, DateTimeOffset attemptedAt, int? statusCode, long latencyMs,
        string? responseBody, string? error, TimeProvider time)
    {
        Id = EntityId.New("wha", time);
        DeliveryId = deliveryId;
        Number = number;
        AttemptedAt = attemptedAt;
        StatusCode = statusCode;
        LatencyMs = latencyMs;
        ResponseBody = responseBody;
        Error = error;
    }

    public string Id { get; private init; } = "";
    public string DeliveryId { get; private init; } = "";
    public int Number { get; private init; }
    public DateTimeOffset AttemptedAt { get; private init; }
    public int? StatusCode { get; private init; }
    public long LatencyMs { get; private init; }
    public string? ResponseBody { get; private init; }
    public string? Error { get; private init; }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhooks_delivery");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).HasMaxLength(40);
        b.Property(d => d.EndpointId).HasMaxLength(40);
        b.Property(d => d.EventId).HasMaxLength(40);
        b.Property(d => d.EventType).HasMaxLength(100);
        b.Property(d => d.ResourceId).HasMaxLength(100);
        b.Property(d => d.RedeliveryOf).HasMaxLength(40);
        b.Property(d => d.Status).HasMaxLength(20);
        b.Ignore(d => d.IsOpen);
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Attempts).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Attempts).HasField("_attempts");
        b.HasIndex(d => new { d.EndpointId, d.Id });
        // The ordering check: open deliveries of one resource to one endpoint, by sequence.
        b.HasIndex(d => new { d.EndpointId, d.ResourceId, d.Sequence });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.ToTable("webhooks_attempt");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(40);
        b.Property(a => a.DeliveryId).HasMaxLength(40);
        b.Property(a => a.ResponseBody).HasMaxLength(1024);
        b.Property(a => a.Error).HasMaxLength(1000);
        b.HasIndex(a => new { a.DeliveryId, a.Number });
    }
}
