using System.Globalization;
using Mercato.Customers.Contracts;
using Mercato.Identity.Contracts;
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

namespace Mercato.Customers.Accounts;

/// <summary>
/// Sign-in with email and password, token refresh and sign-out. An unknown email, a wrong password and a disabled account
/// get the same 401 after the same work (a hash verification), so neither the body nor the timing tells them apart.
/// </summary>
internal static class SignIn
{
    public const int MaxPasswordLength = 1024;

    public sealed record TokenRequest(string? Email, string? Password, string? CartId);

    public sealed record RefreshRequest(string? RefreshToken);

    public static void Map(RouteGroupBuilder store)
    {
        store.MapPost("/auth/token", Token).NeverReplayed().RequireRateLimiting(RateLimits.Auth)
            .WithName("SignInCustomer").WithSummary("Sign in: a customer's access and refresh tokens; the guest cart becomes theirs")
            .WithTags("Customer auth");
        store.MapPost("/auth/refresh", Refresh).NeverReplayed()
            .WithName("RefreshCustomerToken").WithSummary("Trade a refresh token (good once) for a new token pair").WithTags("Customer auth");
        store.MapPost("/auth/logout", Logout).RequireAuthorization(Callers.CustomerPolicy)
            .WithName("SignOutCustomer").WithSummary("End the current session (its access and refresh tokens)").WithTags("Customer auth");
    }

    private static async Task<Results<Ok<SignInResponse>, ProblemHttpResult>> Token(TokenRequest request, MercatoDb db, IPasswords passwords,
        ILoginThrottle throttle, ISessions sessions, IEnumerable<ISignInCartMerger> mergers, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().MaxLength("cartId", request.CartId, 100);
        var email = AccountRules.Email(v, request.Email);
        if (string.IsNullOrEmpty(request.Password)) v.Add("password", "Required.");
        else v.MaxLength("password", request.Password, MaxPasswordLength);
        if (v.ToError() is { } invalid) return invalid.ToProblem();

        if (await throttle.LockedForAsync(AccountRules.ThrottleRealm, email!, ct) is { } locked) return TooManyAttempts(http, locked);
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.Email == email, ct);
        string? rehashed = null;
        bool valid;
        if (customer is null)
        {
            passwords.VerifyNothing(request.Password!);
            valid = false;
        }
        else
        {
            valid = passwords.Verify(customer.PasswordHash, request.Password!, out rehashed) && !customer.Disabled;
        }
        if (!valid)
        {
            if (await throttle.FailedAsync(AccountRules.ThrottleRealm, email!, ct) is { } lockedNow) return TooManyAttempts(http, lockedNow);
            return CustomerErrors.InvalidCredentials().ToProblem();
        }

        if (rehashed is not null)
        {
            customer!.PasswordHash = rehashed;
            await db.SaveChangesAsync(ct);
        }
        await throttle.SucceededAsync(AccountRules.ThrottleRealm, email!, ct);
        var tokens = await sessions.StartAsync(new SessionSubject(SubjectKind.Customer, customer!.Id), ct);
        var merger = mergers.FirstOrDefault();
        var cartId = merger is null ? null : await merger.MergeAsync(customer.Id, http.SalesChannelId(), request.CartId, ct);
        return TypedResults.Ok(new SignInResponse(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresIn, tokens.TokenType, cartId));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(RefreshRequest request, ISessions sessions,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 500)
            return CustomerErrors.InvalidRefreshToken().ToProblem();
        var tokens = await sessions.RefreshAsync(SubjectKind.Customer, request.RefreshToken, ct);
        return tokens is null ? CustomerErrors.InvalidRefreshToken().ToProblem() : TypedResults.Ok(Pair(tokens));
    }

    private static async Task<NoContent> Logout(ISessions sessions, HttpContext http, CancellationToken ct)
    {
        if (http.User.FindFirst(Callers.SessionClaim)?.Value is { } session) await sessions.RevokeAsync(session, ct);
        return TypedResults.NoContent();
    }

    public static TokenResponse Pair(TokenPair tokens) => new(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresIn, tokens.TokenType);

    private static ProblemHttpResult TooManyAttempts(HttpContext http, TimeSpan lockedFor)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(lockedFor.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return CustomerErrors.TooManyAttempts().ToProblem();
    }
}
