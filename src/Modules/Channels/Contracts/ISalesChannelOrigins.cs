namespace Mercato.Channels.Contracts;

/// <summary>The browser origins (storefronts) that sales channels allow to call the Store API, for the host's CORS policy.</summary>
public interface ISalesChannelOrigins
{
    /// <summary>The allowed origins of every enabled channel; cached briefly, refreshed when a channel is written.</summary>
    ValueTask<SalesChannelOrigins> AllowedOriginsAsync(CancellationToken ct);
}

/// <summary>Allowed origins by channel id. Origins are normalised (<c>https://shop.example.com</c>, lowercase, no path).</summary>
public sealed class SalesChannelOrigins(IReadOnlyDictionary<string, IReadOnlySet<string>> byChannel)
{
    public static readonly SalesChannelOrigins None = new(new Dictionary<string, IReadOnlySet<string>>());

    /// <summary>Whether any enabled channel lists the origin (what a preflight, which carries no key, can be told).</summary>
    public bool AllowsAny(string origin) => byChannel.Values.Any(set => set.Contains(origin));

    /// <summary>Whether the enabled channel <paramref name="channelId"/> lists the origin.</summary>
    public bool Allows(string channelId, string origin) => byChannel.TryGetValue(channelId, out var set) && set.Contains(origin);
}
