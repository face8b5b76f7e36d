namespace Mercato.Channels.Contracts;

/// <summary>What other modules may ask about sales channels.</summary>
public interface ISalesChannelDirectory
{
    /// <summary>Channels that new products join when their request names none.</summary>
    Task<IReadOnlyList<string>> DefaultChannelIdsAsync(CancellationToken ct);

    /// <summary>The ids among <paramref name="ids"/> that name no sales channel.</summary>
    Task<IReadOnlyList<string>> UnknownAsync(IReadOnlyCollection<string> ids, CancellationToken ct);
}
