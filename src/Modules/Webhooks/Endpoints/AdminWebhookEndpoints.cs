using System.Net;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Mercato.Webhooks.Sending;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Webhooks.Endpoints;

/// <summary>Webhook endpoints: subscribe a URL to event types, edit, enable or disable it, rotate its signing secret.</summary>
internal static class AdminWebhookEndpoints
{
    public const int MaxEventTypes = 50;

    public sealed record CreateRequest(string Url, IReadOnlyList<string> EventTypes, string? Description, string? Secret);

    public sealed record UpdateRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Description);

    public static void Map(RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/", List).WithName("ListWebhookEndpoints").WithSummary("List webhook endpoints");
        webhooks.MapGet("/{id}", Get).WithName("GetWebhookEndpoint").WithSummary("Get a webhook endpoint (without its secret)");
        webhooks.MapPost("/", Create).WithName("CreateWebhookEndpoint")
            .WithSummary("Subscribe a URL to events; the answer shows the signing secret, once");
        webhooks.MapPatch("/{id}", Update).WithName("UpdateWebhookEndpoint").WithSummary("Change a webhook endpoint's URL, events or description");
        webhooks.MapDelete("/{id}", Delete).WithName("DeleteWebhookEndpoint").WithSummary("Delete a webhook endpoint and its delivery log");
        webhooks.MapPost("/{id}/enable", Enable).WithName("EnableWebhookEndpoint").WithSummary("Enable a webhook endpoint");
        webhooks.MapPost("/{id}/disable", Disable).WithName("DisableWebhookEndpoint").WithSummary("Disable a webhook endpoint");
        webhooks.MapPost("/{id}/rotate-secret", RotateSecret).WithName("RotateWebhookSecret")
            .WithSummary("Replace the signing secret; the old one keeps signing during a grace period");
    }

    private static async Task<Results<Ok<Page<WebhookEndpointResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit,
        string? cursor, CancellationToken ct)
    {
        var page = await db.Set<WebhookEndpoint>().AsNoTracking().PageByAsync(e => e.Id, limit, cursor, WebhookEndpointResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var endpoint = await FindAsync(db, id, ct);
        if (endpoint is null) return WebhookErrors.NotFound(id).ToProblem();
        http.SetETag(endpoint.Version);
        return TypedResults.Ok(WebhookEndpointResponse.From(endpoint));
    }

    private static async Task<Results<Created<WebhookEndpointSecretResponse>, ProblemHttpResult>> Create(CreateRequest request,
        MercatoDb db, TimeProvider time, IOptions<WebhookOptions> options, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        ValidateUrl(v, request.Url, options.Value.AllowPrivateNetworks);
        ValidateEventTypes(v, request.EventTypes, required: true);
        v.MaxLength("description", request.Description, 500);
        if (request.Secret is not null && WebhookSignature.KeyOf(request.Secret) is null)
            v.Add("secret", $"Must be whsec_ followed by the base64 of {WebhookSignature.MinSecretBytes} to {WebhookSignature.MaxSecretBytes} random bytes.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var endpoint = new WebhookEndpoint(request.Url.Trim(), Normalize(request.EventTypes), Blank(request.Description),
            request.Secret ?? WebhookSignature.NewSecret(), time);
        db.Add(endpoint);
        await db.SaveChangesAsync(ct);
        http.SetETag(endpoint.Version);
        return TypedResults.Created($"/admin/webhooks/{endpoint.Id}", WebhookEndpointSecretResponse.From(endpoint));
    }

    private static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request,
        MercatoDb db, TimeProvider time, IOptions<WebhookOptions> options, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        if (request.Url is not null) ValidateUrl(v, request.Url, options.Value.AllowPrivateNetworks);
        ValidateEventTypes(v, request.EventTypes, required: false);
        v.MaxLength("description", request.Description, 500);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var endpoint = await FindAsync(db, id, ct);
        if (endpoint is null) return WebhookErrors.NotFound(id).ToProblem();
        if (http.CheckIfMatch(endpoint.Version) is { } stale) return stale.ToProblem();
        if (request.Url is not null) endpoint.Url = request.Url.Trim();
        if (request.EventTypes is not null) endpoint.EventTypes = Normalize(request.EventTypes);
        if (request.Description is not null) endpoint.Description = Blank(request.Description);
        endpoint.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        http.SetETag(endpoint.Version);
        return TypedResults.Ok(WebhookEndpointResponse.From(endpoint));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, HttpContext http, CancellationToken ct)
    {
        var endpoint = await FindAsync(db, id, ct);
        if (endpoint is null) return WebhookErrors.NotFound(id).ToProblem();
        if (http.CheckIfMatch(endpoint.Version) is { } stale) return stale.ToProblem();
        db.Remove(endpoint);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> Enable(string id, MercatoDb db, TimeProvider time,
        HttpContext http, CancellationToken ct) =>
        ChangeAsync(id, db, http, e => e.Enable(time.GetUtcNow()), ct);

    private static Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> Disable(string id, MercatoDb db, TimeProvider time,
        HttpContext http, CancellationToken ct) =>
        ChangeAsync(id, db, http, e => e.Disable("Disabled through the Admin API.", time.GetUtcNow()), ct);

    private static async Task<Results<Ok<WebhookEndpointSecretResponse>, ProblemHttpResult>> RotateSecret(string id, MercatoDb db,
        TimeProvider time, IOptions<WebhookOptions> options, HttpContext http, CancellationToken ct)
    {
        var endpoint = await FindAsync(db, id, ct);
        if (endpoint is null) return WebhookErrors.NotFound(id).ToProblem();
        if (http.CheckIfMatch(endpoint.Version) is { } stale) return stale.ToProblem();
        endpoint.RotateSecret(WebhookSignature.NewSecret(), TimeSpan.FromHours(options.Value.RotationGraceHours), time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        http.SetETag(endpoint.Version);
        return TypedResults.Ok(WebhookEndpointSecretResponse.From(endpoint));
    }

    private static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> ChangeAsync(string id, MercatoDb db,
        HttpContext http, Action<WebhookEndpoint> change, CancellationToken ct)
    {
        var endpoint = await FindAsync(db, id, ct);
        if (endpoint is null) return WebhookErrors.NotFound(id).ToProblem();
        if (http.CheckIfMatch(endpoint.Version) is { } stale) return stale.ToProblem();
        change(endpoint);
        await db.SaveChangesAsync(ct);
        http.SetETag(endpoint.Version);
        return TypedResults.Ok(WebhookEndpointResponse.From(endpoint));
    }

    /// <summary>
    /// http or https, absolute, no credentials; with private networks not allowed, no local name and no literal private
    /// address either (names are checked again at every connection, where DNS answers are known).
    /// </summary>
    internal static void ValidateUrl(Validator v, string? url, bool allowPrivate)
    {
        v.Required("url", url, 2000);
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000) return;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) v.Add("url", "Not an absolute URL.");
        else if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) v.Add("url", "Only http and https URLs are allowed.");
        else if (uri.UserInfo.Length > 0) v.Add("url", "Credentials in the URL are not allowed.");
        else if (!allowPrivate && (NetworkRules.IsLocalName(uri.Host)
            || (IPAddress.TryParse(uri.Host.TrimStart('[').TrimEnd(']'), out var ip) && NetworkRules.IsBlocked(ip))))
            v.Add("url", "Loopback, private, link-local and reserved addresses are not allowed.");
    }

    private static void ValidateEventTypes(Validator v, IReadOnlyList<string>? types, bool required)
    {
        if (types is null)
        {
            if (required) v.Add("eventTypes", "Required.");
            return;
        }
        if (types.Count == 0) v.Add("eventTypes", "At least one event type (or \"*\").");
        v.Count("eventTypes", types, MaxEventTypes);
        for (var i = 0; i < types.Count; i++)
        {
            if (!EventTypeFilter.IsValidPattern(types[i]))
                v.Add($"eventTypes[{i}]", "An event type (product.created), a prefix wildcard (order.*) or *.");
        }
    }

    private static List<string> Normalize(IReadOnlyList<string> types) => [.. types.Distinct(StringComparer.Ordinal)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static Task<WebhookEndpoint?> FindAsync(MercatoDb db, string id, CancellationToken ct) =>
        db.Set<WebhookEndpoint>().SingleOrDefaultAsync(e => e.Id == id, ct);
}

internal static class WebhookErrors
{
    public static Error NotFound(string id) => Error.NotFound("webhook endpoint", id);

    public static Error DeliveryNotFound(string id) => Error.NotFound("webhook delivery", id);

    public static Error Disabled(string id) =>
        Error.Conflict("webhook_endpoint_disabled", $"Webhook endpoint '{id}' is disabled; enable it first.");
}
