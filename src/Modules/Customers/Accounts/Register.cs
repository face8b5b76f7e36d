using Mercato.Customers.Contracts;
using Mercato.Identity.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
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
/// Creates an account and sends the verification email. It answers no tokens: the storefront signs in next. Saying that an
/// email is taken reveals that the account exists, which registration forms do everywhere; the auth rate limit bounds it.
/// </summary>
internal static class Register
{
    public sealed record Request(string? Email, string? Password, string? FirstName, string? LastName, string? Phone);

    public static void Map(RouteGroupBuilder store) => store.MapPost("/customers", Handle).RequireRateLimiting(RateLimits.Auth)
        .WithName("RegisterCustomer").WithSummary("Create a customer account (sends a verification email)").WithTags("Customers");

    private static async Task<Results<Created<StoreCustomerResponse>, ProblemHttpResult>> Handle(Request request, MercatoDb db,
        IPasswords passwords, AccountEmails emails, IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var email = AccountRules.Email(v, request.Email);
        v.Required("firstName", request.FirstName, Customer.NameLength).Required("lastName", request.LastName, Customer.NameLength)
            .MaxLength("phone", request.Phone, Customer.PhoneLength);
        if (passwords.Problem(request.Password, email) is { } weak) v.Add("password", weak);
        if (v.ToError() is { } invalid) return invalid.ToProblem();

        async Task<Error?> CheckUnique() => await db.Set<Customer>().AnyAsync(c => c.Email == email, ct) ? CustomerErrors.EmailTaken() : null;
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        var phone = AccountRules.Trimmed(request.Phone);
        var customer = new Customer(email!, passwords.Hash(request.Password!), request.FirstName!.Trim(), request.LastName!.Trim(),
            string.IsNullOrEmpty(phone) ? null : phone, time);
        db.Add(customer);
        await events.RaiseAsync(db, CustomerEvents.Created, customer, ct);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        await emails.SendVerificationAsync(customer, ct);
        http.SetETag(customer.Version);
        return TypedResults.Created("/store/customers/me", StoreCustomerResponse.From(customer, []));
    }
}
