namespace Mercato.Identity.Contracts;

/// <summary>
/// Account lockout with back-off after repeated failed logins, counted per login name whether or not the account exists
/// (so lockout reveals nothing). <paramref name="realm"/> separates customers from admin users.
/// </summary>
public interface ILoginThrottle
{
    /// <summary>How long the login is still locked, or null when an attempt may be made now.</summary>
    Task<TimeSpan?> LockedForAsync(string realm, string login, CancellationToken ct);

    /// <summary>Records a failed attempt; answers how long the login is now locked (null while attempts remain).</summary>
    Task<TimeSpan?> FailedAsync(string realm, string login, CancellationToken ct);

    Task SucceededAsync(string realm, string login, CancellationToken ct);
}

/// <summary>Password hashing (ASP.NET Core Identity's PBKDF2 hasher) and the password rules.</summary>
public interface IPasswords
{
    string Hash(string password);

    /// <summary>Whether the password matches; <paramref name="rehashed"/> is set when the stored hash should be upgraded.</summary>
    bool Verify(string hash, string password, out string? rehashed);

    /// <summary>Spends the time a verification takes, for unknown accounts, so response times do not reveal which exist.</summary>
    void VerifyNothing(string password);

    /// <summary>Null when the password is acceptable, else the message for the <c>password</c> field.</summary>
    string? Problem(string? password, string? email);
}
