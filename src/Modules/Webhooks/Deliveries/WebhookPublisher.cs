using Mercato.Kernel.Events;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Mercato.Webhooks.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Webhooks.Deliveries;

/// <summary>
/// Turns new outbox events into deliveries: one per event and enabled endpoint that subscribes to it. The deliveries,
/// their jobs and the "published" marks are saved in one transaction, so an event is handed over exactly once even if
/// the server dies in between (it is then still unpublished and the next run takes it).
/// </summary>
internal sealed class WebhookPublisher(MercatoDb db, IEventOutbox outbox, IJobQueue jobs, TimeProvider time) : IJobHandler
{
    public const string JobType = "webhooks.publish";
    public const int BatchSize = 200;
    private const int MaxBatchesPerRun = 10;

    public async Task<JobOutcome> RunAsync(JobContext job, CancellationToken ct)
    {
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            if (await PublishBatchAsync(ct) < BatchSize) break;
        }
        return JobOutcome.Done;
    }

    private async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var events = await outbox.UnpublishedAsync(BatchSize, ct);
        if (events.Count == 0) return 0;
        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking()
            .Where(e => e.Status == EndpointStatuses.Enabled).OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var (_, e) in events)
        {
            string? body = null;
            foreach (var endpoint in endpoints.Where(endpoint => endpoint.Subscribes(e.Type)))
            {
                body ??= WebhookPayload.Build(e);
                var delivery = new WebhookDelivery(endpoint.Id, e.Id, e.Type, e.ResourceId, e.Sequence, body, time);
                db.Add(delivery);
                jobs.Enqueue(DeliverWebhook.JobType, delivery.Id);
            }
        }
        await outbox.MarkPublishedAsync([.. events.Select(e => e.Position)], time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return events.Count;
    }
}
