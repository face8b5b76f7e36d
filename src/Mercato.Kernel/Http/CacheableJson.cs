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
/// revalidate with If-None-Match and get 304 without a body, and with cache tags naming what the answer shows, so a CDN
/// (and the output cache) can purge exactly the answers a change touches.
/// </summary>
public static class CacheableJson
{
    /// <summary>The tag of every product list (and search or facet answer): any product change may change them.</summary>
    public const string ProductListsTag = "products";

    /// <summary>The tag of the category tree and collection lists.</summary>
    public const string CategoriesTag = "categories";

    public const string CollectionsTag = "collections";

    /// <summary>
    /// The tag of every product answer, which is priced in a region's currency: a region's change evicts them (lists by
    /// <see cref="ProductListsTag"/>).
    /// </summary>
    public const string ProductPagesTag = "product-pages";

    /// <param name="cacheTags">
    /// Entity ids shown in the answer (<c>prod_…</c>, <c>pcat_…</c>, <c>pcol_…</c>) and list tags such as
    /// <see cref="ProductListsTag"/>; written as <c>Cache-Tag</c> (comma-separated) and <c>Surrogate-Key</c> (space-separated).
    /// </param>
    /// <param name="changesAt">
    /// When the answer changes by itself, without a write that would evict it (a hold expiring): it is then kept by caches
    /// only until that moment, and not by the output cache.
    /// </param>
    public static IResult Ok<T>(HttpContext http, T value, IEnumerable<string>? cacheTags = null, int maxAgeSeconds = 60,
        DateTimeOffset? changesAt = null)
    {
        if (changesAt is { } at)
        {
            var left = (at - http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()).TotalSeconds;
            maxAgeSeconds = (int)Math.Clamp(Math.Floor(left), 0, maxAgeSeconds);
        }
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        var hash = Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16));
        var headers = http.Response.Headers;
        headers.ETag = $"\"{hash}\"";
        headers.CacheControl = $"public, max-age={maxAgeSeconds}, stale-while-revalidate={maxAgeSeconds * 5}";
        headers.Vary = "X-Publishable-Key, Accept-Encoding";
        var tags = cacheTags?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (tags.Count > 0)
        {
            headers["Cache-Tag"] = string.Join(',', tags);
            headers["Surrogate-Key"] = string.Join(' ', tags);
        }
        if (Matching(http.Request.Headers.IfNoneMatch, hash) is { } matched)
        {
            headers.ETag = matched;
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        // The output cache keeps this answer under its tags; a compressed body gets its own ETag (see EncodedETag).
        http.Items[AnswerKey] = new Answer(hash, tags, Keep: changesAt is null);
        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }

    /// <summary>The cache tags of the 200 answer this request is writing, or null when it writes none the output cache may keep.</summary>
    public static IReadOnlyList<string>? TagsOf(HttpContext http) =>
        http.Items.TryGetValue(AnswerKey, out var a) && a is Answer { Keep: true } answer ? answer.Tags : null;

    /// <summary>
    /// A strong ETag names exact bytes: once a response compressor chose <paramref name="encoding"/> for this answer, its ETag
    /// becomes the hash suffixed with the encoding (what <c>If-None-Match</c> then matches in any encoding). Called by the host's
    /// compression set-up before the headers are sent or cached.
    /// </summary>
    public static void EncodedETag(HttpContext http, string encoding)
    {
        if (http.Items.TryGetValue(AnswerKey, out var a) && a is Answer answer) http.Response.Headers.ETag = $"\"{answer.Hash}-{encoding}\"";
    }

    private static readonly object AnswerKey = new();

    private sealed record Answer(string Hash, IReadOnlyList<string> Tags, bool Keep);

    /// <summary>The client's tag that names this content in any encoding, or null.</summary>
    private static string? Matching(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string hash)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return null;
        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any)) return $"\"{hash}\"";
            var value = tag.Tag.Value ?? "";
            if (value == $"\"{hash}\"" || value.StartsWith($"\"{hash}-", StringComparison.Ordinal)) return value;
        }
        return null;
    }
}
