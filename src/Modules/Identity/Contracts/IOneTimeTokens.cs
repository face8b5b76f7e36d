namespace Mercato.Identity.Contracts;

/// <summary>
/// Single-use secrets sent by email: email verification, password reset, admin invitation. Only a hash is stored; issuing a
/// new token for the same purpose and subject voids the older ones; consuming is atomic, so a token works exactly once.
/// </summary>
public interface IOneTimeTokens
{
    Task<string> IssueAsync(string purpose, string subjectId, TimeSpan lifetime, CancellationToken ct);

    /// <summary>The subject the token was issued for, or null when it is unknown, expired, used or for another purpose.</summary>
    Task<string?> ConsumeAsync(string purpose, string token, CancellationToken ct);
}

/// <summary>Purposes of one-time tokens.</summary>
public static class TokenPurposes
{
    public const string CustomerEmailVerification = "customer.verify_email";
    public const string CustomerPasswordReset = "customer.password_reset";
    public const string AdminInvitation = "admin.invitation";
    public const string AdminPasswordReset = "admin.password_reset";
}
