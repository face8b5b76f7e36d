namespace Mercato.Identity.Contracts;

public enum SubjectKind
{
    Customer,
    AdminUser,
}

/// <summary>Who a session is for. <see cref="Role"/> is an admin user's role (customers have none).</summary>
public sealed record SessionSubject(SubjectKind Kind, string Id, string? Role = null);

/// <summary>
/// What a sign-in answers: a short-lived access token (JWT) and a long-lived, single-use refresh token.
/// <see cref="ExpiresIn"/> is the access token's lifetime in seconds.
/// </summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType = "Bearer");

/// <summary>
/// Signed-in sessions of customers and admin users. Access tokens are JWTs (HS256) naming the session, which is checked on
/// every request, so logging out or changing a password ends the access token too, not only the refresh token.
/// Refresh tokens rotate: each is good once; presenting a used one again revokes the whole session (token theft).
/// </summary>
public interface ISessions
{
    Task<TokenPair> StartAsync(SessionSubject subject, CancellationToken ct);

    /// <summary>New tokens for a refresh token of a live session of <paramref name="kind"/>; null when it is unknown, used, expired or revoked.</summary>
    Task<TokenPair?> RefreshAsync(SubjectKind kind, string refreshToken, CancellationToken ct);

    /// <summary>Ends one session (log out). Unknown ids are ignored.</summary>
    Task RevokeAsync(string sessionId, CancellationToken ct);

    /// <summary>Ends every session of a subject (password change or reset, role change, account disabled).</summary>
    Task RevokeAllAsync(SubjectKind kind, string subjectId, CancellationToken ct);
}
