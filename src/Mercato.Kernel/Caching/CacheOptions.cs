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

    /// <summary>How often each API node reads new outbox events to evict what other nodes changed; 0 turns the loop off.</summary>
    public int FollowMilliseconds { get; set; } = 250;

    /// <summary>
    /// A StackExchange.Redis connection string: the output cache is then shared by every API node on that Redis (a change
    /// on one node evicts the entry for all). Empty: each node keeps its own cache in memory.
    /// </summary>
    public string Redis { get; set; } = "";
}
