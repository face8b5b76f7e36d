using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Webhooks;

public static class WebhookTestData
{
    /// <summary>Creates an endpoint for the inbox and teaches the inbox its secret; returns the created endpoint (with its secret).</summary>
    public static async Task<JsonNode> SubscribeAsync(this MercatoApp app, WebhookReceiver.Inbox inbox, params string[] eventTypes)
    {
        var endpoint = await app.Admin.PostJsonAsync("/admin/webhooks", new { url = inbox.Url, eventTypes, description = "test receiver" });
        inbox.Secrets.Add(endpoint.Str("secret"));
        return endpoint;
    }

    /// <summary>Raises an event the way a module does: through IDomainEvents, saved with a change of its own.</summary>
    public static async Task RaiseAsync(this MercatoApp app, string type, string resourceId, object? state = null)
    {
        await using var scope = app.Scope();
        scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise(type, resourceId, state ?? new { id = resourceId });
        await scope.ServiceProvider.GetRequiredService<MercatoDb>().SaveChangesAsync();
    }

    /// <summary>
    /// Lets the publisher run (it recurs every second) and runs the deliveries it queues, in one pass: a failed attempt is
    /// not retried in it (retries wait at least a second). The app must have run jobs once before, which registers the
    /// recurring publisher.
    /// </summary>
    public static async Task PublishWebhooksAsync(this MercatoApp app)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.RunJobsAsync();
    }

    /// <summary>Moves the clock and runs what is due then (retries).</summary>
    public static async Task AdvanceAndRunAsync(this MercatoApp app, TimeSpan by)
    {
        app.Clock.Advance(by);
        await app.RunJobsAsync();
    }

    public static async Task<JsonArray> DeliveriesAsync(this MercatoApp app, string endpointId, string? query = null) =>
        (await app.Admin.GetJsonAsync($"/admin/webhooks/{endpointId}/deliveries?limit=100{query}")).Arr("items");

    public static string NewResourceId(string prefix = "prod") => $"{prefix}_{Guid.NewGuid():N}";
}
