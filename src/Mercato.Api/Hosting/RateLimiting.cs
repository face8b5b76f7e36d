using System.Globalization;
using System.Threading.RateLimiting;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Mercato.Api.Hosting;

/// <summary>
/// Abuse limits: every request counts against its caller's bucket (customer, else API key, else IP), and the endpoints that
/// opt in count again against <see cref="RateLimits.Auth"/> (per IP and route) or <see cref="RateLimits.Codes"/> (per caller).
/// Rejections are 429 <c>rate_limited</c> problems with <c>Retry-After</c>. Limits come from <c>Mercato:RateLimits:*</c>.
/// </summary>
internal static class RateLimiting
{
    /// <summary>One limit: <c>PermitLimit</c> requests per <c>WindowSeconds</c>, refilled in steps over the window.</summary>
    internal sealed record Limit(int PermitLimit, int WindowSeconds)
    {
        public static Limit Read(IConfiguration config, string name, Limit fallback) => new(
            Math.Max(1, config.GetValue($"Mercato:RateLimits:{name}:PermitLimit", fallback.PermitLimit)),
            Math.Max(1, config.GetValue($"Mercato:RateLimits:{name}:WindowSeconds", fallback.WindowSeconds)));

        /// <summary>
        /// A token bucket that holds the whole limit and refills it in up to 10 steps: bursts up to the limit are fine, and the
        /// lease of a rejection knows when the next token comes (Retry-After).
        /// </summary>
        public TokenBucketRateLimiterOptions ToBucket()
        {
            var steps = Math.Min(PermitLimit, 10);
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = PermitLimit,
                TokensPerPeriod = (int)Math.Ceiling(PermitLimit / (double)steps),
                ReplenishmentPeriod = TimeSpan.FromSeconds(WindowSeconds / (double)steps),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        }
    }

    public static readonly Limit DefaultGlobal = new(600, 60);
    public static readonly Limit DefaultAuth = new(10, 60);
    public static readonly Limit DefaultCodes = new(20, 60);

    public static IServiceCollection AddMercatoRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // Read when the options are first used, not now: the test factory adds its settings after AddMercato.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>(Configure);
        return services;
    }

    private static void Configure(RateLimiterOptions options, IConfiguration config)
    {
        var enabled = config.GetValue("Mercato:RateLimits:Enabled", true);
        var global = Limit.Read(config, "Global", DefaultGlobal);
        var auth = Limit.Read(config, "Auth", DefaultAuth);
        var codes = Limit.Read(config, "Codes", DefaultCodes);

        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) => RejectAsync(context, global);
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            !enabled || http.Request.Path.StartsWithSegments("/health")
                ? RateLimitPartition.GetNoLimiter("none")
                : RateLimitPartition.GetTokenBucketLimiter(CallerPartition(http), _ => global.ToBucket()));
        options.AddPolicy(RateLimits.Auth, http => !enabled
            ? RateLimitPartition.GetNoLimiter("none")
            : RateLimitPartition.GetTokenBucketLimiter($"{ClientIp(http)}|{RouteOf(http)}", _ => auth.ToBucket()));
        options.AddPolicy(RateLimits.Codes, http => !enabled
            ? RateLimitPartition.GetNoLimiter("none")
            : RateLimitPartition.GetTokenBucketLimiter(CallerPartition(http), _ => codes.ToBucket()));
    }

    /// <summary>
    /// Who a request counts against: the signed-in customer, else the API key, else the client's address. A publishable key
    /// is public and shared by every shopper of a front end, so a guest counts as that key and their own address (the
    /// shopper's, from X-Forwarded-For, when the storefront is a trusted proxy): one guest cannot use up a shop's budget.
    /// </summary>
    internal static string CallerPartition(HttpContext http) =>
        http.User.FindFirst(Callers.CustomerClaim)?.Value is { } customer ? "customer:" + customer
        : http.User.FindFirst(Callers.KeyIdClaim)?.Value is { } key
            ? http.User.Identity?.AuthenticationType == Callers.PublishableKeyScheme ? $"key:{key}|ip:{ClientIp(http)}" : "key:" + key
        : "ip:" + ClientIp(http);

    private static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string RouteOf(HttpContext http) =>
        (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "/";

    private static async ValueTask RejectAsync(OnRejectedContext context, Limit global)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(global.WindowSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = Problems.TitleFor(StatusCodes.Status429TooManyRequests),
            Type = Problems.TypeFor("rate_limited"),
            Detail = $"Too many requests. Retry after {seconds} seconds.",
        };
        problem.Extensions["code"] = "rate_limited";
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
