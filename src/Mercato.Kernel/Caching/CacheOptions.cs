namespace Mercato.Kernel.Caching;

/// <summary><c>Mercato:Cache:*</c>: the output cache of anonymous catalog reads.</summary>
public sealed class CacheOptions
{
    /// <summary>Whether catalog answers are kept in the output cache at all (HTTP cache headers are written either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an answer stays cached at most. Changes evict the answers they touch at once, so this only bounds what no
    /// event names (a region's or attribute definition's change).
    /// </summary>
    public int DurationSeconds { get; set; } = 300;

    /// <summary>
    /// The most the in-memory cache holds, in megabytes (ASP.NET Core's default is 100): past it, new answers are not cached
    /// until old ones expire or are evicted. Bounds the memory of a node serving a large catalog.
    /// </summary>
    public int SizeLimitMegabytes { get; set; } = 32;

    /// <summary>How often each API node reads new outbox events to evict what other nodes changed; 0 turns the loop off.</summary>
    public int FollowMilliseconds { get; set; } = 250;

    /// <summary>
    /// A StackExchange.Redis connection string: the output cache is then shared by every API node on that Redis (a change
    /// on one node evicts the entry for all). Empty: each node keeps its own cache in memory.
    /// </summary>
    public string Redis { get; set; } = "";
}
