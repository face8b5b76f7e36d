using Mercato.Channels.Contracts;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Mercato.Channels;

/// <summary>
/// The rules for a channel's CORS origins: an exact <c>http(s)://host[:port]</c> as a browser sends it in <c>Origin</c>,
/// never a wildcard or a path, at most <see cref="Max"/>.
/// </summary>
internal static class AllowedOrigins
{
    public const int Max = 20;
    public const int MaxLength = 200;

    /// <summary>The normalised, de-duplicated origins, or null after adding the errors to <paramref name="v"/>.</summary>
    public static List<string>? Normalize(IReadOnlyList<string>? origins, Validator v, string field = "allowedOrigins")
    {
        if (origins is null) return null;
        if (origins.Count > Max)
        {
            v.Add(field, $"At most {Max} origins.");
            return null;
        }
        var normalized = new List<string>();
        for (var i = 0; i < origins.Count; i++)
        {
            if (TryNormalize(origins[i], out var origin)) { if (!normalized.Contains(origin)) normalized.Add(origin); }
            else v.Add($"{field}[{i}]", "An origin such as https://shop.example.com: http or https, a host and an optional port, no path or wildcard.");
        }
        return v.IsValid ? normalized : null;
    }

    public static bool TryNormalize(string? value, out string origin)
    {
        origin = "";
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || value.Contains('*')) return false;
        var text = value.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return false;
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/") return false;
        // The parser also accepts a query mark or a backslash: only a bare origin (with at most a final "/") is one.
        var authorityEnd = text.IndexOf("//", StringComparison.Ordinal) + 2;
        var extra = text.IndexOfAny(['/', '?', '#', '\\'], authorityEnd);
        if ((extra >= 0 && !(extra == text.Length - 1 && text[extra] == '/')) || string.IsNullOrEmpty(uri.Host)) return false;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        origin = uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
        origin = origin.ToLowerInvariant();
        return true;
    }
}

/// <summary>Reads the enabled channels' origins once per <see cref="CacheFor"/>; admin writes in this process drop the cache.</summary>
internal sealed class SalesChannelOriginCache(MercatoDb db, IMemoryCache cache) : ISalesChannelOrigins
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private const string Key = "channels:allowed-origins";

    public async ValueTask<SalesChannelOrigins> AllowedOriginsAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(Key, out SalesChannelOrigins? cached) && cached is not null) return cached;
        var rows = await db.Set<SalesChannel>().AsNoTracking().Where(c => !c.IsDisabled)
            .Select(c => new { c.Id, c.AllowedOrigins }).ToListAsync(ct);
        var origins = new SalesChannelOrigins(rows.Where(r => r.AllowedOrigins.Count > 0).ToDictionary(
            r => r.Id, r => (IReadOnlySet<string>)r.AllowedOrigins.ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal));
        cache.Set(Key, origins, CacheFor);
        return origins;
    }

    public static void Invalidate(IMemoryCache cache) => cache.Remove(Key);
}
