using Mercato.Customers.Addresses;
using Mercato.Customers.Contracts;
using Mercato.Customers.Groups;
using Mercato.Identity.Contracts;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Customers.Accounts;

internal sealed record AdminCustomerResponse(string Id, string Email, string FirstName, string LastName, string? Phone, bool EmailVerified,
    DateTimeOffset? EmailVerifiedAt, bool Disabled, IReadOnlyList<GroupRef> Groups, int Version, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AdminCustomerResponse From(Customer c, IReadOnlyList<GroupRef> groups) => new(c.Id, c.Email, c.FirstName, c.LastName,
        c.Phone, c.EmailVerifiedAt is not null, c.EmailVerifiedAt, c.Disabled, groups, c.Version, c.CreatedAt, c.UpdatedAt);
}

/// <summary>One customer with their address book, for the back office.</summary>
internal sealed record AdminCustomerDetailResponse(string Id, string Email, string FirstName, string LastName, string? Phone,
    bool EmailVerified, DateTimeOffset? EmailVerifiedAt, bool Disabled, IReadOnlyList<GroupRef> Groups, IReadOnlyList<AddressResponse> Addresses,
    int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// Customers in the back office: search, look up, edit the profile, group membership and the disabled flag (disabling ends
/// every session at once). Erasure (GDPR) is a later issue.
/// </summary>
internal static class AdminCustomers
{
    /// <summary>Absent fields stay as they are; <c>groupIds</c> replaces the memberships; <c>phone: ""</c> removes the phone.</summary>
    public sealed record UpdateRequest(string? FirstName, string? LastName, string? Phone, IReadOnlyList<string>? GroupIds, bool? Disabled);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/customers").WithTags("Customers").RequirePermissions(Permissions.CustomersRead, Permissions.CustomersWrite);
        group.MapGet("/", List).WithName("ListCustomers")
            .WithSummary("List customers, newest last; q matches an email prefix or part of the name, groupId and createdSince filter");
        group.MapGet("/{id}", Get).WithName("GetCustomer").WithSummary("Get a customer with their addresses and groups");
        group.MapPatch("/{id}", Update).WithName("UpdateCustomer").WithSummary("Change a customer's profile, groups or disabled flag (If-Match)");
    }

    private static async Task<Results<Ok<Page<AdminCustomerResponse>>, ProblemHttpResult>> List(MercatoDb db, string? q, string? groupId,
        DateTimeOffset? createdSince, int? limit, string? cursor, CancellationToken ct)
    {
        var v = new Validator().MaxLength("q", q, 200).MaxLength("groupId", groupId, 40);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var query = db.Set<Customer>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(c => c.Email.StartsWith(term) || c.SearchName.Contains(term));
        }
        if (groupId is not null) query = query.Where(c => c.Groups.Any(m => m.GroupId == groupId));
        if (createdSince is { } since) query = query.Where(c => c.CreatedAt >= since.ToUniversalTime());
        // Ids are time-ordered, so id order is creation order.
        var page = await query.PageByAsync(c => c.Id, limit, cursor, c => c, ct);
        if (page.Error is { } error) return error.ToProblem();
        var customers = page.Value!.Items;
        var groups = await db.GroupsOfAsync([.. customers.Select(c => c.Id)], ct);
        return TypedResults.Ok(new Page<AdminCustomerResponse>(
            [.. customers.Select(c => AdminCustomerResponse.From(c, groups.GetValueOrDefault(c.Id) ?? []))], page.Value.NextCursor));
    }

    private static async Task<Results<Ok<AdminCustomerDetailResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var customer = await db.Set<Customer>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return CustomerErrors.CustomerNotFound(id).ToProblem();
        http.SetETag(customer.Version);
        return TypedResults.Ok(await DetailAsync(db, customer, ct));
    }

    private static async Task<Results<Ok<AdminCustomerDetailResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request,
        MercatoDb db, ISessions sessions, IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().MaxLength("phone", request.Phone, Customer.PhoneLength).Count("groupIds", request.GroupIds, 100);
        if (request.FirstName is not null) v.Required("firstName", request.FirstName, Customer.NameLength);
        if (request.LastName is not null) v.Required("lastName", request.LastName, Customer.NameLength);
        var groupIds = request.GroupIds?.Distinct(StringComparer.Ordinal).ToList();
        if (groupIds is not null)
        {
            var known = await db.Set<CustomerGroup>().Where(g => groupIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct);
            foreach (var unknown in groupIds.Except(known)) v.Add("groupIds", $"No customer group with id '{unknown}'.");
        }
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var customer = await db.Set<Customer>().Include(c => c.Groups).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return CustomerErrors.CustomerNotFound(id).ToProblem();
        if (http.CheckIfMatch(customer.Version) is { } stale) return stale.ToProblem();

        Profile.ApplyProfile(customer, request.FirstName, request.LastName, request.Phone, time);
        if (groupIds is not null) customer.SetGroups(groupIds);
        var disabling = request.Disabled == true && !customer.Disabled;
        if (request.Disabled is { } disabled) customer.Disabled = disabled;
        db.ChangeTracker.DetectChanges();
        var membershipChanged = db.ChangeTracker.Entries<CustomerGroupMember>().Any(e => e.State is EntityState.Added or EntityState.Deleted);
        if (membershipChanged || db.Entry(customer).State == EntityState.Modified)
            await events.RaiseAsync(db, CustomerEvents.Updated, customer, ct);
        await db.SaveChangesAsync(ct);
        if (disabling) await sessions.RevokeAllAsync(SubjectKind.Customer, id, ct);
        http.SetETag(customer.Version);
        return TypedResults.Ok(await DetailAsync(db, customer, ct));
    }

    private static async Task<AdminCustomerDetailResponse> DetailAsync(MercatoDb db, Customer c, CancellationToken ct)
    {
        var groups = await db.GroupsOfAsync(c.Id, ct);
        var addresses = await db.Set<CustomerAddress>().AsNoTracking().Where(a => a.CustomerId == c.Id).OrderBy(a => a.Id).ToListAsync(ct);
        return new AdminCustomerDetailResponse(c.Id, c.Email, c.FirstName, c.LastName, c.Phone, c.EmailVerifiedAt is not null, c.EmailVerifiedAt,
            c.Disabled, groups, [.. addresses.Select(AddressResponse.From)], c.Version, c.CreatedAt, c.UpdatedAt);
    }
}
