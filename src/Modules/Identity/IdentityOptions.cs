namespace Mercato.Identity;

/// <summary>Settings under <c>Mercato:Auth</c>.</summary>
internal sealed class IdentityOptions
{
    /// <summary>Lifetime of access tokens; short, because they are checked against the session but cached by clients.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>Days a session lives without being refreshed; each refresh starts the period again.</summary>
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes) for signing access tokens. When empty, a key is generated once and kept in the
    /// database, so every API node of a shop signs and checks with the same key.
    /// </summary>
    public string? SigningKey { get; set; }

    public int PasswordMinLength { get; set; } = 8;

    /// <summary>PBKDF2 iterations of ASP.NET Core Identity's hasher (its default: 100,000).</summary>
    public int PasswordHashIterations { get; set; } = 100_000;

    /// <summary>Failed logins allowed before the first lockout.</summary>
    public int LockoutFreeAttempts { get; set; } = 5;

    /// <summary>The first lockout; each further failure doubles it, up to <see cref="LockoutMaxSeconds"/>.</summary>
    public int LockoutBaseSeconds { get; set; } = 60;

    public int LockoutMaxSeconds { get; set; } = 3600;

    /// <summary>Failures older than this are forgotten.</summary>
    public int LockoutResetHours { get; set; } = 24;
}
