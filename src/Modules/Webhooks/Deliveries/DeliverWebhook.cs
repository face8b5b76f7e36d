using Mercato.Kernel.Events;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Mercato.Webhooks.Endpoints;
using Mercato.Webhooks.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Webhooks.Deliveries;

/// <summary>
/// Sends one delivery (job payload: the delivery id) and decides what comes next: done on a 2xx; otherwise retried with
/// exponential back-off and full jitter until <c>RetryForHours</c> after the first attempt, then failed. A delivery waits
/// while an earlier delivery of the same resource to the same endpoint is open; when a delivery completes it wakes the
/// next one. An endpoint that has had only failures for <c>DisableAfterHours</c> is disabled.
/// </summary>
internal sealed partial class DeliverWebhook(MercatoDb db, WebhookSender sender, IJobQueue jobs, IDomainEvents events,
    TimeProvider time, IOptions<WebhookOptions> options, ILogger<DeliverWebhook> log) : IJobHandler
{
    public const string JobType = "webhooks.deliver";
    public const string DisabledEventType = "webhook_endpoint.disabled";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(4);

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        var delivery = await db.Set<WebhookDelivery>().SingleOrDefaultAsync(d => d.Id == job.Payload, ct);
        if (delivery is null || !delivery.IsOpen) return JobOutcome.Done;
        var now = time.GetUtcNow();
        // Another job is on it (an attempt running, or a retry scheduled): look again when that one is due.
        if (delivery.NextAttemptAt > now) return JobOutcome.RetryAt(delivery.NextAttemptAt, "Not due yet.");
        var endpoint = await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(e => e.Id == delivery.EndpointId, ct);
        if (endpoint is null) return JobOutcome.Done;
        if (!endpoint.IsEnabled)
        {
            delivery.GiveUp(now);
            await WakeNextAsync(delivery, now, ct);
            await db.SaveChangesAsync(ct);
            return JobOutcome.Done;
        }
        // Waits for the earlier one, which wakes this one when it completes.
        if (await IsBehindAnotherAsync(delivery, ct)) return JobOutcome.Done;

        // Claim the attempt: a concurrent job for the same delivery loses on the version and backs off.
        delivery.NextAttemptAt = now + TimeSpan.FromSeconds(options.Value.TimeoutSeconds) + TimeSpan.FromMinutes(1);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return JobOutcome.Done;
        }

        var result = await sender.SendAsync(endpoint.Url, endpoint.SigningSecrets(now), delivery.EventId, delivery.Body, ct);
        var at = time.GetUtcNow();
        var attempt = new WebhookAttempt(delivery.Id, delivery.AttemptCount + 1, now, result.StatusCode, result.LatencyMs,
            result.ResponseBody, result.Error, time);
        db.Add(attempt);
        DateTimeOffset? retryAt = null;
        if (!result.Delivered)
        {
            var deadline = (delivery.FirstAttemptAt ?? now) + TimeSpan.FromHours(options.Value.RetryForHours);
            // The last try lands on the deadline itself, so a delivery always gets its full window.
            if (at < deadline) retryAt = Min(at + Backoff(delivery.AttemptCount + 1, Random.Shared.NextDouble()), deadline);
        }
        delivery.Record(attempt, result.Delivered, retryAt);
        if (!delivery.IsOpen) await WakeNextAsync(delivery, at, ct);
        await TrackHealthAsync(endpoint, result.Delivered, at, ct);
        await db.SaveChangesAsync(ct);
        if (!result.Delivered && log.IsEnabled(LogLevel.Information))
            LogFailed(log, delivery.Id, endpoint.Id, delivery.AttemptCount, result.Error ?? "", retryAt);
        return retryAt is { } next ? JobOutcome.RetryAt(next, result.Error ?? "Delivery failed.") : JobOutcome.Done;
    }

    /// <summary>
    /// Full jitter (a random wait between 1 s and the ceiling): 5 s for the first retry, doubling, at most 4 hours, so a
    /// receiver that comes back is not hit by every sender at once. <paramref name="random"/> is in [0, 1).
    /// </summary>
    internal static TimeSpan Backoff(int failedAttempts, double random)
    {
        var ceiling = FirstRetry * Math.Pow(2, Math.Min(Math.Max(failedAttempts, 1) - 1, 20));
        if (ceiling > LongestRetry) ceiling = LongestRetry;
        // At least a second: a retry never runs in the same pass as the attempt that failed.
        return TimeSpan.FromSeconds(Math.Max(1, ceiling.TotalSeconds * random));
    }

    private Task<bool> IsBehindAnotherAsync(WebhookDelivery delivery, CancellationToken ct) =>
        db.Set<WebhookDelivery>().AnyAsync(d => d.EndpointId == delivery.EndpointId && d.ResourceId == delivery.ResourceId
            && d.Sequence < delivery.Sequence && DeliveryStatuses.Open.Contains(d.Status), ct);

    /// <summary>Queues the next open delivery of the same resource to the same endpoint (it may have been waiting on this one).</summary>
    private async Task WakeNextAsync(WebhookDelivery completed, DateTimeOffset now, CancellationToken ct)
    {
        var next = await db.Set<WebhookDelivery>().AsNoTracking()
            .Where(d => d.EndpointId == completed.EndpointId && d.ResourceId == completed.ResourceId && d.Id != completed.Id
                && DeliveryStatuses.Open.Contains(d.Status) && d.NextAttemptAt <= now)
            .OrderBy(d => d.Sequence).ThenBy(d => d.Id).Select(d => d.Id).FirstOrDefaultAsync(ct);
        if (next is not null) jobs.Enqueue(JobType, next);
    }

    /// <summary>A success clears the failing streak; a failure starts one, and one that lasted long enough disables the endpoint.</summary>
    private async Task TrackHealthAsync(WebhookEndpoint endpoint, bool delivered, DateTimeOffset now, CancellationToken ct)
    {
        // Set-based writes: the streak is bookkeeping, not an edit, so it must not bump the endpoint's version (ETag).
        if (delivered)
        {
            if (endpoint.FailingSince is not null)
                await db.Set<WebhookEndpoint>().Where(e => e.Id == endpoint.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, (DateTimeOffset?)null), ct);
            return;
        }
        if (endpoint.FailingSince is not { } since)
        {
            await db.Set<WebhookEndpoint>().Where(e => e.Id == endpoint.Id && e.FailingSince == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, now), ct);
            return;
        }
        var limit = TimeSpan.FromHours(options.Value.DisableAfterHours);
        if (now - since < limit) return;
        endpoint.Disable($"No successful delivery for {options.Value.DisableAfterHours} hours (failing since {WebhookPayload.Timestamp(since)}).", now);
        events.Raise(DisabledEventType, endpoint.Id, WebhookEndpointResponse.From(endpoint));
        LogDisabled(log, endpoint.Id, since);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to {EndpointId} failed on attempt {Attempt}: {Error}; next attempt {RetryAt}")]
    private static partial void LogFailed(ILogger logger, string deliveryId, string endpointId, int attempt, string error, DateTimeOffset? retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} disabled: failing since {Since}")]
    private static partial void LogDisabled(ILogger logger, string endpointId, DateTimeOffset since);
}
