using Mercato.Customers.Accounts;
using Mercato.Customers.Contracts;
using Mercato.Kernel.Errors;
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

namespace Mercato.Customers.Groups;

internal sealed record CustomerGroupResponse(string Id, string Name, string Handle, string? Description, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CustomerGroupResponse From(CustomerGroup g) => new(g.Id, g.Name, g.Handle, g.Description, g.Version, g.CreatedAt, g.UpdatedAt);
}

/// <summary>Customer groups in the back office, and adding or removing one member at a time.</summary>
internal static class AdminCustomerGroups
{
    public sealed record CreateRequest(string? Name, string? Handle, string? Description);

    /// <summary>Absent fields stay as they are; <c>description: ""</c> removes the description.</summary>
    public sealed record UpdateRequest(string? Name, string? Handle, string? Description);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/customer-groups").WithTags("Customer groups")
            .RequirePermissions(Permissions.CustomersRead, Permissions.CustomersWrite);
        group.MapGet("/", List).WithName("ListCustomerGroups").WithSummary("List customer groups");
        group.MapGet("/{id}", Get).WithName("GetCustomerGroup").WithSummary("Get a customer group");
        group.MapPost("/", Create).WithName("CreateCustomerGroup").WithSummary("Create a customer group");
        group.MapPatch("/{id}", Update).WithName("UpdateCustomerGroup").WithSummary("Rename a customer group (If-Match)");
        group.MapDelete("/{id}", Delete).WithName("DeleteCustomerGroup").WithSummary("Delete a customer group and its memberships");
        group.MapPost("/{id}/customers/{customerId}", AddMember).WithName("AddCustomerToGroup").WithSummary("Add a customer to the group");
        group.MapDelete("/{id}/customers/{customerId}", RemoveMember).WithName("RemoveCustomerFromGroup")
            .WithSummary("Remove a customer from the group");
    }

    private static async Task<Results<Ok<Page<CustomerGroupResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var page = await db.Set<CustomerGroup>().AsNoTracking().PageByAsync(g => g.Handle, limit, cursor, CustomerGroupResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<CustomerGroupResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var group = await db.Set<CustomerGroup>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null) return CustomerErrors.GroupNotFound(id).ToProblem();
        http.SetETag(group.Version);
        return TypedResults.Ok(CustomerGroupResponse.From(group));
    }

    private static async Task<Results<Created<CustomerGroupResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("name", request.Name, CustomerGroup.NameLength).Required("handle", request.Handle, 200)
            .Handle("handle", request.Handle).MaxLength("description", request.Description, CustomerGroup.DescriptionLength);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var handle = request.Handle!;
        async Task<Error?> CheckUnique() => await db.Set<CustomerGroup>().AnyAsync(g => g.Handle == handle, ct) ? CustomerErrors.HandleTaken(handle) : null;
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        var group = new CustomerGroup(request.Name!.Trim(), handle, string.IsNullOrWhiteSpace(request.Description) ? null : request.Description, time);
        db.Add(group);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(group.Version);
        return TypedResults.Created($"/admin/customer-groups/{group.Id}", CustomerGroupResponse.From(group));
    }

    private static async Task<Results<Ok<CustomerGroupResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Handle("handle", request.Handle).MaxLength("description", request.Description, CustomerGroup.DescriptionLength);
        if (request.Name is not null) v.Required("name", request.Name, CustomerGroup.NameLength);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var group = await db.Set<CustomerGroup>().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null) return CustomerErrors.GroupNotFound(id).ToProblem();
        if (http.CheckIfMatch(group.Version) is { } stale) return stale.ToProblem();
        async Task<Error?> CheckUnique() => request.Handle is not null && await db.Set<CustomerGroup>().AnyAsync(g => g.Handle == request.Handle && g.Id != id, ct)
            ? CustomerErrors.HandleTaken(request.Handle) : null;
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        var (name, handle) = (group.Name, group.Handle);
        if (request.Name is not null) group.Name = request.Name.Trim();
        if (request.Handle is not null) group.Handle = request.Handle;
        if (request.Description is not null) group.Description = request.Description.Length == 0 ? null : request.Description;
        group.UpdatedAt = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        // Customers show their groups' names and handles: a rename changes each member (events, incremental exports).
        if (group.Name != name || group.Handle != handle) await TouchMembersAsync(db, events, id, time, _ => { }, ct);
        await transaction.CommitAsync(ct);
        http.SetETag(group.Version);
        return TypedResults.Ok(CustomerGroupResponse.From(group));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, IDomainEvents events, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var group = await db.Set<CustomerGroup>().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null) return CustomerErrors.GroupNotFound(id).ToProblem();
        if (http.CheckIfMatch(group.Version) is { } stale) return stale.ToProblem();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await TouchMembersAsync(db, events, id, time, c => c.Leave(id), ct);
        db.Remove(group);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Applies a change to every member of the group in batches, moving each one's <c>updatedAt</c> and raising
    /// <c>customer.updated</c> with the customer as the change leaves it. Runs inside the caller's transaction.
    /// </summary>
    private static async Task TouchMembersAsync(MercatoDb db, IDomainEvents events, string groupId, TimeProvider time, Action<Customer> change,
        CancellationToken ct)
    {
        const int batchSize = 500;
        var after = "";
        while (true)
        {
            var members = await db.Set<Customer>().Include(c => c.Groups)
                .Where(c => c.Groups.Any(m => m.GroupId == groupId) && c.Id.CompareTo(after) > 0)
                .OrderBy(c => c.Id).Take(batchSize).ToListAsync(ct);
            if (members.Count == 0) return;
            foreach (var customer in members)
            {
                change(customer);
                customer.UpdatedAt = time.GetUtcNow();
                await events.RaiseAsync(db, CustomerEvents.Updated, customer, ct);
            }
            await db.SaveChangesAsync(ct);
            after = members[^1].Id;
            db.ChangeTracker.Clear();
        }
    }

    private static Task<Results<NoContent, ProblemHttpResult>> AddMember(string id, string customerId, MercatoDb db, IDomainEvents events,
        TimeProvider time, CancellationToken ct) => ChangeMembershipAsync(id, customerId, db, events, time, c => c.Join(id), ct);

    private static Task<Results<NoContent, ProblemHttpResult>> RemoveMember(string id, string customerId, MercatoDb db, IDomainEvents events,
        TimeProvider time, CancellationToken ct) => ChangeMembershipAsync(id, customerId, db, events, time, c => c.Leave(id), ct);

    /// <summary>Both directions are idempotent (204 when already so); a change bumps the customer's version.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeMembershipAsync(string id, string customerId, MercatoDb db,
        IDomainEvents events, TimeProvider time, Func<Customer, bool> change, CancellationToken ct)
    {
        if (!await db.Set<CustomerGroup>().AnyAsync(g => g.Id == id, ct)) return CustomerErrors.GroupNotFound(id).ToProblem();
        var customer = await db.Set<Customer>().Include(c => c.Groups).SingleOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null) return CustomerErrors.CustomerNotFound(customerId).ToProblem();
        if (change(customer))
        {
            customer.UpdatedAt = time.GetUtcNow();
            await events.RaiseAsync(db, CustomerEvents.Updated, customer, ct);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }
}
