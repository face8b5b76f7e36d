namespace Mercato.Webhooks;

/// <summary><c>Mercato:Webhooks:*</c>.</summary>
internal sealed class WebhookOptions
{
    /// <summary>How often the publisher turns new outbox events into deliveries; 0 turns publishing off.</summary>
    public int PublishSeconds { get; set; } = 1;

    /// <summary>How long one delivery attempt may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>An endpoint with no successful delivery for this long (while its deliveries keep failing) is disabled.</summary>
    public int DisableAfterHours { get; set; } = 72;

    /// <summary>A delivery is retried until this long after its first attempt, then marked failed.</summary>
    public int RetryForHours { get; set; } = 72;

    /// <summary>After a secret rotation, deliveries are signed with the old secret too for this long.</summary>
    public int RotationGraceHours { get; set; } = 24;

    /// <summary>
    /// Lets endpoints point at loopback, private, link-local and similar addresses. Off by default: an admin key must not
    /// be a way to reach the server's own network (SSRF). Development and tests with a local receiver turn it on.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
