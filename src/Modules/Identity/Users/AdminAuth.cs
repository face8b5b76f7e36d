using System.Security.Claims;
using Mercato.Identity.Contracts;
using Mercato.Kernel.Email;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Idempotency;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Mercato.Identity.Users;

/// <summary>
/// Sign-in of admin users: accept an invitation, log in, refresh, log out, reset a forgotten password. These routes are open
/// (they are how a caller gets credentials) and rate limited; wrong credentials of any kind get the same answer.
/// </summary>
internal static class AdminAuth
{
    public const string Realm = "admin";
    private static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    public sealed record TokenRequest(string Email, string Password);

    public sealed record RefreshRequest(string RefreshToken);

    public sealed record AcceptInvitationRequest(string Token, string Password, string? FirstName, string? LastName);

    public sealed record PasswordResetRequest(string Email);

    public sealed record PasswordResetConfirmRequest(string Token, string Password);

    public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

    /// <summary>Who is calling: an admin user or a secret key, with the role and the permissions that result.</summary>
    public sealed record CallerResponse(string Kind, string Id, string? Email, string? Role, IReadOnlyList<string> Permissions);

    public static string AdminUrl(IConfiguration config) => (config["Mercato:Admin:Url"] ?? "http://localhost:5173").TrimEnd('/');

    public static void Map(RouteGroupBuilder admin)
    {
        var auth = admin.MapGroup("/auth").WithTags("Admin sign-in");
        auth.MapPost("/token", Token).NeverReplayed().AllowAnonymous().RequireRateLimiting(RateLimits.Auth).WithName("AdminLogIn")
            .WithSummary("Log in with email and password; answers an access and a refresh token");
        auth.MapPost("/refresh", Refresh).NeverReplayed().AllowAnonymous().RequireRateLimiting(RateLimits.Auth).WithName("AdminRefreshToken")
            .WithSummary("Exchange a refresh token (once) for new tokens");
        auth.MapPost("/accept-invitation", AcceptInvitation).NeverReplayed().AllowAnonymous().RequireRateLimiting(RateLimits.Auth)
            .WithName("AcceptAdminInvitation").WithSummary("Set a password with the emailed invitation token; answers tokens");
        auth.MapPost("/password-reset", RequestReset).AllowAnonymous().RequireRateLimiting(RateLimits.Auth)
            .WithName("RequestAdminPasswordReset").WithSummary("Email a password reset link (always 202)");
        auth.MapPost("/password-reset/confirm", ConfirmReset).AllowAnonymous().RequireRateLimiting(RateLimits.Auth)
            .WithName("ConfirmAdminPasswordReset").WithSummary("Set a new password with the emailed token; ends all sessions");
        auth.MapPost("/logout", LogOut).RequireAnyAdminCaller().WithName("AdminLogOut").WithSummary("End the current session");

        var me = admin.MapGroup("/me").WithTags("Admin sign-in").RequireAnyAdminCaller();
        me.MapGet("/", Me).WithName("GetAdminCaller").WithSummary("Who is calling: user or key, role and permissions");
        me.MapPost("/password", ChangePassword).NeverReplayed().WithName("ChangeAdminPassword")
            .WithSummary("Change the signed-in user's password; ends every session and answers new tokens");
    }

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> Token(TokenRequest request, MercatoDb db, IPasswords passwords,
        ILoginThrottle throttle, ISessions sessions, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("email", request.Email, 254).Required("password", request.Password, 1024);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (await throttle.LockedForAsync(Realm, request.Email, ct) is { } locked) return TooManyAttempts(http, locked);
        var email = AdminUser.NormalizeEmail(request.Email);
        var user = await db.Set<AdminUser>().SingleOrDefaultAsync(u => u.Email == email, ct);
        string? rehashed = null;
        var valid = user is { Status: AdminUserStatus.Active, PasswordHash: { } hash } && passwords.Verify(hash, request.Password, out rehashed);
        if (user?.PasswordHash is null) passwords.VerifyNothing(request.Password);
        if (!valid)
        {
            if (await throttle.FailedAsync(Realm, request.Email, ct) is { } lockedNow) return TooManyAttempts(http, lockedNow);
            return InvalidCredentials();
        }
        await throttle.SucceededAsync(Realm, request.Email, ct);
        if (rehashed is not null) user!.PasswordHash = rehashed;
        user!.LastLoginAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await sessions.StartAsync(new SessionSubject(SubjectKind.AdminUser, user.Id, user.Role), ct));
    }

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> Refresh(RefreshRequest request, ISessions sessions, CancellationToken ct)
    {
        var v = new Validator().Required("refreshToken", request.RefreshToken, 200);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var tokens = await sessions.RefreshAsync(SubjectKind.AdminUser, request.RefreshToken, ct);
        return tokens is null
            ? new Error("invalid_refresh_token", "The refresh token is unknown, used, expired or revoked; log in again.", StatusCodes.Status401Unauthorized).ToProblem()
            : TypedResults.Ok(tokens);
    }

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> AcceptInvitation(AcceptInvitationRequest request, MercatoDb db,
        IOneTimeTokens tokens, IPasswords passwords, ISessions sessions, TimeProvider time, CancellationToken ct)
    {
        var v = new Validator().Required("token", request.Token, 200).MaxLength("firstName", request.FirstName, 100).MaxLength("lastName", request.LastName, 100);
        if (passwords.Problem(request.Password, null) is { } weak) v.Add("password", weak);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var userId = await tokens.ConsumeAsync(TokenPurposes.AdminInvitation, request.Token, ct);
        var user = userId is null ? null : await db.Set<AdminUser>().SingleOrDefaultAsync(u => u.Id == userId && u.Status == AdminUserStatus.Invited, ct);
        if (user is null) return InvalidToken();
        if (passwords.Problem(request.Password, user.Email) is { } sameAsEmail) return Error.Validation("password", sameAsEmail).ToProblem();
        user.PasswordHash = passwords.Hash(request.Password);
        user.Status = AdminUserStatus.Active;
        if (request.FirstName is not null) user.FirstName = request.FirstName.Trim();
        if (request.LastName is not null) user.LastName = request.LastName.Trim();
        user.UpdatedAt = time.GetUtcNow();
        user.LastLoginAt = user.UpdatedAt;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await sessions.StartAsync(new SessionSubject(SubjectKind.AdminUser, user.Id, user.Role), ct));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RequestReset(PasswordResetRequest request, MercatoDb db,
        IOneTimeTokens tokens, IEmailSender email, IConfiguration config, CancellationToken ct)
    {
        var v = new Validator().Email("email", request.Email);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var normalized = AdminUser.NormalizeEmail(request.Email);
        var user = await db.Set<AdminUser>().AsNoTracking().SingleOrDefaultAsync(u => u.Email == normalized && u.Status == AdminUserStatus.Active, ct);
        // The same answer whether or not the address belongs to someone: the endpoint is no directory of the staff.
        if (user is not null)
        {
            var token = await tokens.IssueAsync(TokenPurposes.AdminPasswordReset, user.Id, ResetLifetime, ct);
            var url = $"{AdminUrl(config)}/reset-password?token={Uri.EscapeDataString(token)}";
            await email.SendAsync(new EmailMessage(user.Email, "admin.password_reset", "Reset your Mercato back office password",
                $"Set a new password here (the link works once, for 1 hour):\n{url}\nIf you did not ask for this, ignore this email.\n"), ct);
        }
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmReset(PasswordResetConfirmRequest request, MercatoDb db,
        IOneTimeTokens tokens, IPasswords passwords, ISessions sessions, ILoginThrottle throttle, TimeProvider time, CancellationToken ct)
    {
        var v = new Validator().Required("token", request.Token, 200);
        if (passwords.Problem(request.Password, null) is { } weak) v.Add("password", weak);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var userId = await tokens.ConsumeAsync(TokenPurposes.AdminPasswordReset, request.Token, ct);
        var user = userId is null ? null : await db.Set<AdminUser>().SingleOrDefaultAsync(u => u.Id == userId && u.Status == AdminUserStatus.Active, ct);
        if (user is null) return InvalidToken();
        user.PasswordHash = passwords.Hash(request.Password);
        user.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(SubjectKind.AdminUser, user.Id, ct);
        await throttle.SucceededAsync(Realm, user.Email, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LogOut(ISessions sessions, HttpContext http, CancellationToken ct)
    {
        if (http.User.FindFirstValue(Callers.SessionClaim) is not { } sessionId)
            return new Error("not_a_session", "Secret keys have no session; revoke the key instead.", StatusCodes.Status409Conflict).ToProblem();
        await sessions.RevokeAsync(sessionId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CallerResponse>> Me(MercatoDb db, HttpContext http, CancellationToken ct)
    {
        var permissions = http.User.FindAll(Callers.PermissionClaim).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        var role = http.User.FindFirstValue(ClaimTypes.Role);
        if (http.User.FindFirstValue(Callers.AdminUserClaim) is { } userId)
        {
            var email = await db.Set<AdminUser>().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
            return TypedResults.Ok(new CallerResponse("user", userId, email, role, permissions));
        }
        return TypedResults.Ok(new CallerResponse("key", http.User.CallerKeyId() ?? "", null, role, permissions));
    }

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> ChangePassword(ChangePasswordRequest request, MercatoDb db,
        IPasswords passwords, ISessions sessions, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (http.User.FindFirstValue(Callers.AdminUserClaim) is not { } userId)
            return new Error("not_a_user", "Secret keys have no password.", StatusCodes.Status409Conflict).ToProblem();
        var v = new Validator().Required("currentPassword", request.CurrentPassword, 1024);
        var user = await db.Set<AdminUser>().SingleAsync(u => u.Id == userId, ct);
        if (passwords.Problem(request.NewPassword, user.Email) is { } weak) v.Add("newPassword", weak);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (user.PasswordHash is null || !passwords.Verify(user.PasswordHash, request.CurrentPassword, out _))
            return Error.Validation("currentPassword", "Does not match.").ToProblem();
        user.PasswordHash = passwords.Hash(request.NewPassword);
        user.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(SubjectKind.AdminUser, user.Id, ct);
        return TypedResults.Ok(await sessions.StartAsync(new SessionSubject(SubjectKind.AdminUser, user.Id, user.Role), ct));
    }

    private static ProblemHttpResult InvalidCredentials() =>
        new Error("invalid_credentials", "The email or the password is wrong.", StatusCodes.Status401Unauthorized).ToProblem();

    private static ProblemHttpResult InvalidToken() =>
        new Error("invalid_token", "The link is unknown, used or expired; ask for a new one.", StatusCodes.Status400BadRequest).ToProblem();

    private static ProblemHttpResult TooManyAttempts(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Error("too_many_attempts", "Too many failed logins; try again later.", StatusCodes.Status429TooManyRequests).ToProblem();
    }
}
