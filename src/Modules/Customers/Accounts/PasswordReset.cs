using Mercato.Identity.Contracts;
using Mercato.Kernel.Errors;
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
/// Forgotten passwords: a request always answers 202 (whether the account exists stays private) and emails a one-time link
/// only to an existing, enabled account; confirming sets the password and ends every session of the account.
/// </summary>
internal static class PasswordReset
{
    public sealed record Request(string? Email);

    public sealed record ConfirmRequest(string? Token, string? Password);

    public static void Map(RouteGroupBuilder store)
    {
        store.MapPost("/auth/password-reset", Start).RequireRateLimiting(RateLimits.Auth)
            .WithName("RequestCustomerPasswordReset").WithSummary("Email a password-reset link (answers 202 whether or not the account exists)")
            .WithTags("Customer auth");
        store.MapPost("/auth/password-reset/confirm", Confirm).RequireRateLimiting(RateLimits.Auth)
            .WithName("ConfirmCustomerPasswordReset").WithSummary("Set a new password with the token from the reset email; ends all sessions")
            .WithTags("Customer auth");
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> Start(Request request, MercatoDb db, AccountEmails emails,
        CancellationToken ct)
    {
        var v = new Validator();
        var email = AccountRules.Email(v, request.Email);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var customer = await db.Set<Customer>().AsNoTracking().SingleOrDefaultAsync(c => c.Email == email, ct);
        if (customer is { Disabled: false }) await emails.SendPasswordResetAsync(customer, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Confirm(ConfirmRequest request, MercatoDb db, IPasswords passwords,
        IOneTimeTokens tokens, ISessions sessions, ILoginThrottle throttle, TimeProvider time, CancellationToken ct)
    {
        // The rules that need no account first, so a too-weak password does not use up the link.
        if (passwords.Problem(request.Password, null) is { } weak) return Error.Validation("password", weak).ToProblem();
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 500) return CustomerErrors.InvalidToken().ToProblem();
        var customerId = await tokens.ConsumeAsync(TokenPurposes.CustomerPasswordReset, request.Token, ct);
        var customer = customerId is null ? null : await db.Set<Customer>().SingleOrDefaultAsync(c => c.Id == customerId && !c.Disabled, ct);
        if (customer is null) return CustomerErrors.InvalidToken().ToProblem();
        if (passwords.Problem(request.Password, customer.Email) is { } weakForAccount)
            return Error.Validation("password", weakForAccount).ToProblem();

        var now = time.GetUtcNow();
        customer.PasswordHash = passwords.Hash(request.Password!);
        // Only the owner of the mailbox could open the link, so the address is verified too.
        customer.EmailVerifiedAt ??= now;
        customer.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await sessions.RevokeAllAsync(SubjectKind.Customer, customer.Id, ct);
        await throttle.SucceededAsync(AccountRules.ThrottleRealm, customer.Email, ct);
        return TypedResults.NoContent();
    }
}
