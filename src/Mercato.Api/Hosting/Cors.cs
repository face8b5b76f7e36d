using Mercato.Channels.Contracts;
using Mercato.Kernel.Http;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Mercato.Api.Hosting;

/// <summary>
/// CORS by surface. Store API: a preflight (which carries no key) is allowed for an origin that any enabled sales channel lists;
/// an actual request only for an origin that its own key's channel lists. Admin API: the origins of
/// <c>Mercato:Cors:AdminOrigins</c> (none by default). Nothing else is open to other origins. No credentials (cookies) are used.
/// </summary>
internal sealed class Cors(IConfiguration config) : ICorsPolicyProvider
{
    public static readonly string[] AllowedHeaders =
        [Callers.PublishableKeyHeader, "Authorization", "Content-Type", "Idempotency-Key", "If-Match", "X-Order-Token", RequestIds.Header];

    public static readonly string[] ExposedHeaders = ["ETag", "Location", "Retry-After", RequestIds.Header];

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    private readonly Lazy<CorsPolicy?> _admin = new(() => AdminPolicy(config));

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext http, string? policyName)
    {
        if (http.Request.Path.StartsWithSegments("/admin")) return _admin.Value;
        if (!http.Request.Path.StartsWithSegments("/store")) return null;
        var origins = await http.RequestServices.GetRequiredService<ISalesChannelOrigins>().AllowedOriginsAsync(http.RequestAborted);
        Func<string, bool> allowed;
        if (IsPreflight(http.Request))
        {
            allowed = origins.AllowsAny;
        }
        else
        {
            // The caller was authenticated before CORS runs (CallerIdentity), so the key's channel is known here.
            var channel = http.User.FindFirst(Callers.SalesChannelClaim)?.Value;
            allowed = origin => channel is not null && origins.Allows(channel, origin);
        }
        return Build(new CorsPolicyBuilder().SetIsOriginAllowed(allowed));
    }

    private static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey("Access-Control-Request-Method");

    private static CorsPolicy? AdminPolicy(IConfiguration config)
    {
        var origins = config.GetSection("Mercato:Cors:AdminOrigins").Get<string[]>() ?? [];
        origins = [.. origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/'))];
        return origins.Length == 0 ? null : Build(new CorsPolicyBuilder().WithOrigins(origins));
    }

    private static CorsPolicy Build(CorsPolicyBuilder builder) => builder
        .WithHeaders(AllowedHeaders).WithExposedHeaders(ExposedHeaders).WithMethods(Methods)
        .SetPreflightMaxAge(TimeSpan.FromMinutes(10)).Build();
}
