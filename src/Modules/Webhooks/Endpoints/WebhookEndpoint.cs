using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Webhooks.Endpoints;

internal static class EndpointStatuses
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";
}

/// <summary>
/// A URL that receives the events it subscribes to, signed with its secret. After a rotation the previous secret keeps
/// signing too until <see cref="PreviousSecretExpiresAt"/>, so receivers can switch without dropping a delivery.
/// </summary>
internal sealed class WebhookEndpoint : IVersioned
{
    private WebhookEndpoint()
    {
    }

    public WebhookEndpoint(string url, IReadOnlyList<string> eventTypes, string? description, string secret, TimeProvider time)
    {
        Id = EntityId.New("wh", time);
        Url = url;
        EventTypes = [.. eventTypes];
        Description = description;
        Secret = secret;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Url { get; set; } = "";
    public string? Description { get; set; }
    public List<string> EventTypes { get; set; } = [];
    public string Secret { get; private set; } = "";
    public string? PreviousSecret { get; private set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }
    public DateTimeOffset? SecretRotatedAt { get; private set; }
    public string Status { get; private set; } = EndpointStatuses.Enabled;
    public string? DisabledReason { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }
    /// <summary>When its deliveries started failing with no success since; null while it is healthy.</summary>
    public DateTimeOffset? FailingSince { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool IsEnabled => Status == EndpointStatuses.Enabled;

    public bool Subscribes(string eventType) => EventTypes.Any(pattern => EventTypeFilter.Matches(pattern, eventType));

    /// <summary>The secrets that sign a delivery now: the current one, and the previous one during its grace period.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } old && PreviousSecretExpiresAt > now ? [Secret, old] : [Secret];

    public void RotateSecret(string secret, TimeSpan grace, DateTimeOffset now)
    {
        PreviousSecret = grace > TimeSpan.Zero ? Secret : null;
        PreviousSecretExpiresAt = grace > TimeSpan.Zero ? now + grace : null;
        Secret = secret;
        SecretRotatedAt = UpdatedAt = now;
    }

    public void Enable(DateTimeOffset now)
    {
        Status = EndpointStatuses.Enabled;
        DisabledReason = null;
        DisabledAt = null;
        FailingSince = null;
        UpdatedAt = now;
    }

    public void Disable(string reason, DateTimeOffset now)
    {
        Status = EndpointStatuses.Disabled;
        DisabledReason = reason;
        DisabledAt = UpdatedAt = now;
    }
}

/// <summary>Event type patterns: an exact name (<c>product.created</c>), <c>*</c> for all, or a prefix (<c>order.*</c>).</summary>
internal static partial class EventTypeFilter
{
    public static bool IsValidPattern(string? pattern) => pattern is { Length: > 0 and <= 100 } && Pattern().IsMatch(pattern);

    public static bool Matches(string pattern, string eventType) =>
        pattern == "*"
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && eventType.StartsWith(pattern[..^1], StringComparison.Ordinal))
        || pattern == eventType;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\*|[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?)$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("webhooks_endpoint");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasMaxLength(40);
        b.Property(e => e.Url).HasMaxLength(2000);
        b.Property(e => e.Description).HasMaxLength(500);
        // Stored as one space-separated column: patterns never contain spaces, and the list is read whole.
        b.Property(e => e.EventTypes).HasMaxLength(5100).HasConversion(
            v => string.Join(' ', v),
            v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                (a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
                v => v.ToList()));
        b.Property(e => e.Secret).HasMaxLength(120);
        b.Property(e => e.PreviousSecret).HasMaxLength(120);
        b.Property(e => e.Status).HasMaxLength(20);
        b.Property(e => e.DisabledReason).HasMaxLength(500);
        b.Ignore(e => e.IsEnabled);
    }
}
