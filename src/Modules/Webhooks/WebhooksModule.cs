using System.Reflection;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Security;
using Mercato.Webhooks.Deliveries;
using Mercato.Webhooks.Endpoints;
using Mercato.Webhooks.Sending;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Webhooks;

/// <summary>
/// Front door of the Webhooks module: endpoints that subscribe to domain events, a publisher that turns the outbox into
/// deliveries, and signed (Standard Webhooks) delivery with retries, ordering per resource and a delivery log.
/// </summary>
public static class WebhooksModule
{
    public static Assembly Assembly => typeof(WebhooksModule).Assembly;

    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration("Mercato:Webhooks");
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(WebhookSender.CreateHandler)
            // The sender keeps its own log; the factory's per-request logging would repeat every URL at Information.
            .RemoveAllLoggers();
        services.AddScoped<WebhookSender>();
        services.AddJobHandler<DeliverWebhook>(DeliverWebhook.JobType);
        services.AddRecurringJob<WebhookPublisher>(WebhookPublisher.JobType,
            sp => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.PublishSeconds));
        return services;
    }

    public static void MapWebhooks(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        var webhooks = admin.MapGroup("/webhooks").WithTags("Webhooks")
            .RequirePermissions(Permissions.WebhooksRead, Permissions.WebhooksWrite);
        AdminWebhookEndpoints.Map(webhooks);
        AdminWebhookDeliveries.Map(webhooks);
    }
}
