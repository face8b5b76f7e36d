using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Mercato.Kernel.Http;

/// <summary>
/// JSON answers for anonymous catalog reads with a strong ETag (a hash of the exact bytes) so front ends and CDNs
/// revalidate with If-None-Match and get 304 without a body.
/// </summary>
public static class CacheableJson
{
    public static IResult Ok<T>(HttpContext http, T value, int maxAgeSeconds = 60)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = $"public, max-age={maxAgeSeconds}, stale-while-revalidate={maxAgeSeconds * 5}";
        headers.Vary = "X-Publishable-Key, Accept-Encoding";
        if (Matches(http.Request.Headers.IfNoneMatch, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Value == etag || (t.IsWeak && t.Tag.Value == etag));
    }
}
