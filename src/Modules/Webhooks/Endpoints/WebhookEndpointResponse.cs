namespace Mercato.Webhooks.Endpoints;

/// <summary>An endpoint as the Admin API shows it: never with its secret (see <see cref="WebhookEndpointSecretResponse"/>).</summary>
internal sealed record WebhookEndpointResponse(string Id, string Url, string? Description, IReadOnlyList<string> EventTypes,
    string Status, string? DisabledReason, DateTimeOffset? DisabledAt, DateTimeOffset? SecretRotatedAt, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookEndpointResponse From(WebhookEndpoint e) => new(e.Id, e.Url, e.Description, [.. e.EventTypes], e.Status,
        e.DisabledReason, e.DisabledAt, e.SecretRotatedAt, e.Version, e.CreatedAt, e.UpdatedAt);
}

/// <summary>The answer to creating an endpoint or rotating its secret: the only times the signing secret is shown.</summary>
internal sealed record WebhookEndpointSecretResponse(string Id, string Url, string? Description, IReadOnlyList<string> EventTypes,
    string Status, string? DisabledReason, DateTimeOffset? DisabledAt, DateTimeOffset? SecretRotatedAt, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Secret, DateTimeOffset? PreviousSecretExpiresAt)
{
    public static WebhookEndpointSecretResponse From(WebhookEndpoint e) => new(e.Id, e.Url, e.Description, [.. e.EventTypes],
        e.Status, e.DisabledReason, e.DisabledAt, e.SecretRotatedAt, e.Version, e.CreatedAt, e.UpdatedAt, e.Secret,
        e.PreviousSecretExpiresAt);
}
