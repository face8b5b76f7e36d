using Mercato.Customers.Contracts;
using Mercato.Identity.Contracts;
using Mercato.Kernel.Events;
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
/// The signed-in customer's own profile. Changing the email address is not offered yet (it needs a verification of the
/// new address before the switch).
/// </summary>
internal static class Profile
{
    /// <summary>Absent fields stay as they are; <c>phone: ""</c> removes the phone number.</summary>
    public sealed record UpdateRequest(string? FirstName, string? LastName, string? Phone);

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    public static void Map(RouteGroupBuilder me)
    {
        me.MapGet("/", Get).WithName("GetMyCustomerProfile").WithSummary("The signed-in customer's profile, with their groups").WithTags("Customers");
        me.MapPatch("/", Update).WithName("UpdateMyCustomerProfile").WithSummary("Change the signed-in customer's name or phone (If-Match)")
            .WithTags("Customers");
        me.MapPost("/password", ChangePassword).NeverReplayed().RequireRateLimiting(RateLimits.Auth).WithName("ChangeMyCustomerPassword")
            .WithSummary("Change the password: ends every session and answers a fresh token pair").WithTags("Customers");
    }

    private static async Task<Results<Ok<StoreCustomerResponse>, ProblemHttpResult>> Get(MercatoDb db, HttpContext http, CancellationToken ct)
    {
        var id = http.CustomerId()!;
        var customer = await db.Set<Customer>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return CustomerErrors.CustomerNotFound(id).ToProblem();
        http.SetETag(customer.Version);
        return TypedResults.Ok(StoreCustomerResponse.From(customer, await db.GroupsOfAsync(id, ct)));
    }

    private static async Task<Results<Ok<StoreCustomerResponse>, ProblemHttpResult>> Update(UpdateRequest request, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().MaxLength("phone", request.Phone, Customer.PhoneLength);
        if (request.FirstName is not null) v.Required("firstName", request.FirstName, Customer.NameLength);
        if (request.LastName is not null) v.Required("lastName", request.LastName, Customer.NameLength);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var id = http.CustomerId()!;
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return CustomerErrors.CustomerNotFound(id).ToProblem();
        if (http.CheckIfMatch(customer.Version) is { } stale) return stale.ToProblem();
        ApplyProfile(customer, request.FirstName, request.LastName, request.Phone, time);
        db.ChangeTracker.DetectChanges();
        if (db.Entry(customer).State == EntityState.Modified) await events.RaiseAsync(db, CustomerEvents.Updated, customer, ct);
        await db.SaveChangesAsync(ct);
        http.SetETag(customer.Version);
        return TypedResults.Ok(StoreCustomerResponse.From(customer, await db.GroupsOfAsync(id, ct)));
    }

    /// <summary>Sets the given name parts and phone (blank phone clears it); shared with the admin's update.</summary>
    public static void ApplyProfile(Customer customer, string? firstName, string? lastName, string? phone, TimeProvider time)
    {
        if (firstName is not null || lastName is not null)
            customer.Rename(firstName?.Trim() ?? customer.FirstName, lastName?.Trim() ?? customer.LastName);
        if (phone is not null) customer.Phone = phone.Trim() is { Length: > 0 } p ? p : null;
        customer.UpdatedAt = time.GetUtcNow();
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> ChangePassword(ChangePasswordRequest request, MercatoDb db,
        IPasswords passwords, ISessions sessions, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var id = http.CustomerId()!;
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return CustomerErrors.CustomerNotFound(id).ToProblem();
        var v = new Validator();
        if (string.IsNullOrEmpty(request.CurrentPassword)) v.Add("currentPassword", "Required.");
        else v.MaxLength("currentPassword", request.CurrentPassword, SignIn.MaxPasswordLength);
        if (passwords.Problem(request.NewPassword, customer.Email) is { } weak) v.Add("newPassword", weak);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (!passwords.Verify(customer.PasswordHash, request.CurrentPassword!, out _)) return CustomerErrors.WrongCurrentPassword().ToProblem();

        customer.PasswordHash = passwords.Hash(request.NewPassword!);
        customer.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        // Every session ends (a thief's included); this device carries on with the fresh pair.
        await sessions.RevokeAllAsync(SubjectKind.Customer, id, ct);
        var tokens = await sessions.StartAsync(new SessionSubject(SubjectKind.Customer, id), ct);
        return TypedResults.Ok(SignIn.Pair(tokens));
    }
}
