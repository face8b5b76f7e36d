using Mercato.Kernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Mercato.Kernel.Http;

/// <summary>Optimistic concurrency over HTTP: the <c>version</c> travels as the ETag and comes back in If-Match.</summary>
public static class Versions
{
    public static string ETagFor(int version) => $"\"{version}\"";

    public static void SetETag(this HttpContext http, int version) => http.Response.Headers.ETag = ETagFor(version);

    /// <summary>A 412 problem when the request's If-Match names another version; null when absent or matching.</summary>
    public static Error? CheckIfMatch(this HttpContext http, int currentVersion)
    {
        var header = http.Request.Headers.IfMatch;
        if (header.Count == 0) return null;
        if (!EntityTagHeaderValue.TryParseList(header, out var tags)) return Error.VersionMismatch(currentVersion);
        var current = ETagFor(currentVersion);
        foreach (var tag in tags)
        {
            // If-Match compares strongly (RFC 9110): W/"3" does not match our "3".
            if (tag.Equals(EntityTagHeaderValue.Any) || (!tag.IsWeak && tag.Tag.Value == current)) return null;
        }
        return Error.VersionMismatch(currentVersion);
    }
}
