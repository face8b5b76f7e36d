namespace Mercato.Kernel.Security;

/// <summary>
/// Names of the rate-limiting policies endpoints opt into with <c>.RequireRateLimiting(...)</c>. Every request also counts
/// against a global per-caller limit (customer, else key, else IP). The limits themselves are configuration.
/// </summary>
public static class RateLimits
{
    /// <summary>Sign-in, registration, password reset, invitation acceptance: per IP and login, much stricter.</summary>
    public const string Auth = "auth";

    /// <summary>Promotion and gift card code attempts (brute force of codes).</summary>
    public const string Codes = "codes";
}
