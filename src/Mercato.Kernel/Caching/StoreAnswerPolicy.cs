using Mercato.Kernel.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Mercato.Kernel.Caching;

/// <summary>
/// Output caching of anonymous catalog reads: only GET and HEAD without a customer token, varied by the whole query, the
/// publishable key (so two channels never share), the encoding and the origin (CORS headers), and only the 200s that
/// <see cref="CacheableJson"/> wrote, tagged with their cache tags so a change evicts exactly the answers that show it.
/// </summary>
internal sealed class StoreAnswerPolicy(IOptions<CacheOptions> options) : IOutputCachePolicy
{
    /// <summary>Every cached answer carries this tag too, so everything can be evicted at once.</summary>
    public const string EveryAnswerTag = "store-answers";

    private static readonly string[] VaryHeaders = [Callers.PublishableKeyHeader, HeaderNames.AcceptEncoding, HeaderNames.Origin];

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = options.Value.Enabled && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey(HeaderNames.Authorization);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = cacheable;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = VaryHeaders;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.Value.DurationSeconds);
        context.Tags.Add(EveryAnswerTag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK || CacheableJson.TagsOf(http) is not { } tags
            || http.Response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
        foreach (var tag in tags) context.Tags.Add(tag);
        return ValueTask.CompletedTask;
    }
}
