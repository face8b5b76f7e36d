namespace Mercato.Channels;

internal sealed record SalesChannelResponse(string Id, string Name, string? Description, bool IsDefault, bool IsDisabled,
    IReadOnlyList<string> AllowedOrigins, IReadOnlyList<PublishableKeyResponse> PublishableKeys, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SalesChannelResponse From(SalesChannel c) => new(c.Id, c.Name, c.Description, c.IsDefault, c.IsDisabled, [.. c.AllowedOrigins],
        [.. c.Keys.OrderBy(k => k.Id, StringComparer.Ordinal).Select(PublishableKeyResponse.From)], c.Version, c.CreatedAt, c.UpdatedAt);
}

internal sealed record PublishableKeyResponse(string Id, string Token, string Title, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static PublishableKeyResponse From(PublishableKey k) => new(k.Id, k.Token, k.Title, k.CreatedAt, k.RevokedAt);
}
