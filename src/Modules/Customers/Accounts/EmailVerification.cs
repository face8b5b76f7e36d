using Mercato.Customers.Contracts;
using Mercato.Identity.Contracts;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Customers.Accounts;

/// <summary>Confirms an email address with the one-time token from the verification email, and sends a new one on request.</summary>
internal static class EmailVerification
{
    public sealed record VerifyRequest(string? Token);

    public static void Map(RouteGroupBuilder store, RouteGroupBuilder me)
    {
        store.MapPost("/auth/verify-email", Verify).RequireRateLimiting(RateLimits.Auth)
            .WithName("VerifyCustomerEmail").WithSummary("Confirm an email address with the token from the verification email").WithTags("Customers");
        me.MapPost("/verification", Resend).RequireRateLimiting(RateLimits.Auth)
            .WithName("ResendCustomerVerification").WithSummary("Send the verification email again").WithTags("Customers");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Verify(VerifyRequest request, MercatoDb db, IOneTimeTokens tokens,
        IDomainEvents events, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 500) return CustomerErrors.InvalidToken().ToProblem();
        var customerId = await tokens.ConsumeAsync(TokenPurposes.CustomerEmailVerification, request.Token, ct);
        var customer = customerId is null ? null : await db.Set<Customer>().SingleOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null) return CustomerErrors.InvalidToken().ToProblem();
        if (customer.EmailVerifiedAt is null)
        {
            customer.EmailVerifiedAt = customer.UpdatedAt = time.GetUtcNow();
            await events.RaiseAsync(db, CustomerEvents.Updated, customer, ct);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> Resend(MercatoDb db, AccountEmails emails, HttpContext http,
        CancellationToken ct)
    {
        var id = http.CustomerId()!;
        var customer = await db.Set<Customer>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return CustomerErrors.CustomerNotFound(id).ToProblem();
        if (customer.EmailVerifiedAt is not null) return CustomerErrors.AlreadyVerified().ToProblem();
        await emails.SendVerificationAsync(customer, ct);
        return TypedResults.Accepted((string?)null);
    }
}
