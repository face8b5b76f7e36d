using System.Text.Json;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Webhooks.Endpoints;
using Mercato.Webhooks.Sending;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Webhooks.Deliveries;

internal sealed record WebhookAttemptResponse(int Number, DateTimeOffset AttemptedAt, int? StatusCode, long LatencyMs,
    string? ResponseBody, string? Error);

internal sealed record WebhookDeliveryResponse(string Id, string EndpointId, string EventId, string EventType, string ResourceId,
    long Sequence, string Status, int AttemptCount, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt, string? RedeliveryOf, IReadOnlyList<WebhookAttemptResponse> Attempts)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) => new(d.Id, d.EndpointId, d.EventId, d.EventType, d.ResourceId,
        d.Sequence, d.Status, d.AttemptCount, d.IsOpen ? d.NextAttemptAt : null, d.CreatedAt, d.CompletedAt, d.RedeliveryOf,
        [.. d.Attempts.OrderBy(a => a.Number).Select(a =>
            new WebhookAttemptResponse(a.Number, a.AttemptedAt, a.StatusCode, a.LatencyMs, a.ResponseBody, a.Error))]);
}

/// <summary>The delivery log of an endpoint, redelivery, and the test event.</summary>
internal static class AdminWebhookDeliveries
{
    public static void Map(RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/{id}/deliveries", List).WithName("ListWebhookDeliveries")
            .WithSummary("The delivery log of an endpoint, oldest first, with every attempt");
        webhooks.MapGet("/{id}/deliveries/{deliveryId}", Get).WithName("GetWebhookDelivery").WithSummary("One delivery with its attempts");
        webhooks.MapPost("/{id}/deliveries/{deliveryId}/redeliver", Redeliver).WithName("RedeliverWebhook")
            .WithSummary("Send a delivery's event again (same webhook-id and body), as a new delivery");
        webhooks.MapPost("/{id}/test", SendTest).WithName("TestWebhookEndpoint")
            .WithSummary("Send a webhook.test event to this endpoint now and answer with the attempt's result");
    }

    private static async Task<Results<Ok<Page<WebhookDeliveryResponse>>, ProblemHttpResult>> List(string id, MercatoDb db, int? limit,
        string? cursor, string? status, CancellationToken ct)
    {
        if (!await db.Set<WebhookEndpoint>().AnyAsync(e => e.Id == id, ct)) return WebhookErrors.NotFound(id).ToProblem();
        if (status is not null && status is not (DeliveryStatuses.Pending or DeliveryStatuses.Retrying or DeliveryStatuses.Succeeded
                or DeliveryStatuses.Failed))
            return Kernel.Errors.Error.Validation("status", "One of pending, retrying, succeeded, failed.").ToProblem();
        var query = db.Set<WebhookDelivery>().AsNoTracking().Include(d => d.Attempts).Where(d => d.EndpointId == id);
        if (status is not null) query = query.Where(d => d.Status == status);
        var page = await query.PageByAsync(d => d.Id, limit, cursor, WebhookDeliveryResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<WebhookDeliveryResponse>, ProblemHttpResult>> Get(string id, string deliveryId, MercatoDb db,
        CancellationToken ct)
    {
        var delivery = await db.Set<WebhookDelivery>().AsNoTracking().Include(d => d.Attempts)
            .SingleOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == id, ct);
        return delivery is null ? WebhookErrors.DeliveryNotFound(deliveryId).ToProblem() : TypedResults.Ok(WebhookDeliveryResponse.From(delivery));
    }

    private static async Task<Results<Accepted<WebhookDeliveryResponse>, ProblemHttpResult>> Redeliver(string id, string deliveryId,
        MercatoDb db, IJobQueue jobs, TimeProvider time, CancellationToken ct)
    {
        var endpoint = await AdminWebhookEndpoints.FindAsync(db, id, ct);
        if (endpoint is null) return WebhookErrors.NotFound(id).ToProblem();
        var original = await db.Set<WebhookDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == id, ct);
        if (original is null) return WebhookErrors.DeliveryNotFound(deliveryId).ToProblem();
        if (!endpoint.IsEnabled) return WebhookErrors.Disabled(id).ToProblem();
        var copy = new WebhookDelivery(endpoint.Id, original.EventId, original.EventType, original.ResourceId, original.Sequence,
            original.Body, time, redeliveryOf: original.Id);
        db.Add(copy);
        jobs.Enqueue(DeliverWebhook.JobType, copy.Id);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/admin/webhooks/{id}/deliveries/{copy.Id}", WebhookDeliveryResponse.From(copy));
    }

    /// <summary>One attempt, now, outside the queue and the endpoint's failure streak; logged as a delivery like any other.</summary>
    private static async Task<Results<Ok<WebhookDeliveryResponse>, ProblemHttpResult>> SendTest(string id, MercatoDb db,
        WebhookSender sender, TimeProvider time, CancellationToken ct)
    {
        var endpoint = await AdminWebhookEndpoints.FindAsync(db, id, ct);
        if (endpoint is null) return WebhookErrors.NotFound(id).ToProblem();
        var now = time.GetUtcNow();
        var state = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["webhookEndpointId"] = endpoint.Id });
        var test = new DomainEvent(EntityId.New("evt", time), WebhookPayload.TestEventType, "webhook", endpoint.Id, 0, now, state);
        var delivery = new WebhookDelivery(endpoint.Id, test.Id, test.Type, test.ResourceId, test.Sequence, WebhookPayload.Build(test), time);
        var result = await sender.SendAsync(endpoint.Url, endpoint.SigningSecrets(now), delivery.EventId, delivery.Body, ct);
        var attempt = new WebhookAttempt(delivery.Id, 1, now, result.StatusCode, result.LatencyMs, result.ResponseBody, result.Error, time);
        delivery.Record(attempt, result.Delivered, retryAt: null);
        db.Add(delivery);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WebhookDeliveryResponse.From(delivery));
    }
}
