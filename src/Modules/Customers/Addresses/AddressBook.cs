using Mercato.Customers.Accounts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Customers.Addresses;

internal sealed record AddressResponse(string Id, string FirstName, string LastName, string? Company, string Line1, string? Line2,
    string City, string? Province, string PostalCode, string CountryCode, string? Phone, bool IsDefaultShipping, bool IsDefaultBilling,
    int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AddressResponse From(CustomerAddress a) => new(a.Id, a.FirstName, a.LastName, a.Company, a.Line1, a.Line2, a.City,
        a.Province, a.PostalCode, a.CountryCode, a.Phone, a.IsDefaultShipping, a.IsDefaultBilling, a.Version, a.CreatedAt, a.UpdatedAt);
}

/// <summary>
/// The signed-in customer's address book. Every lookup is by address id AND the caller's customer id, so another
/// customer's address answers 404 exactly like a missing one.
/// </summary>
internal static class AddressBook
{
    public sealed record CreateRequest(string? FirstName, string? LastName, string? Company, string? Line1, string? Line2, string? City,
        string? Province, string? PostalCode, string? CountryCode, string? Phone, bool? IsDefaultShipping, bool? IsDefaultBilling);

    /// <summary>Absent fields stay as they are; "" removes an optional one (company, line2, province, phone).</summary>
    public sealed record UpdateRequest(string? FirstName, string? LastName, string? Company, string? Line1, string? Line2, string? City,
        string? Province, string? PostalCode, string? CountryCode, string? Phone, bool? IsDefaultShipping, bool? IsDefaultBilling);

    public static void Map(RouteGroupBuilder me)
    {
        var group = me.MapGroup("/addresses").WithTags("Customer addresses");
        group.MapGet("/", List).WithName("ListMyAddresses").WithSummary("The signed-in customer's addresses");
        group.MapPost("/", Create).WithName("CreateMyAddress").WithSummary($"Add an address (at most {CustomerAddress.MaxPerCustomer})");
        group.MapGet("/{addressId}", Get).WithName("GetMyAddress").WithSummary("One of the signed-in customer's addresses");
        group.MapPatch("/{addressId}", Update).WithName("UpdateMyAddress").WithSummary("Change an address or make it a default (If-Match)");
        group.MapDelete("/{addressId}", Delete).WithName("DeleteMyAddress").WithSummary("Remove an address");
    }

    private static async Task<Results<Ok<Page<AddressResponse>>, ProblemHttpResult>> List(MercatoDb db, HttpContext http, int? limit,
        string? cursor, CancellationToken ct)
    {
        var me = http.CustomerId()!;
        var page = await db.Set<CustomerAddress>().AsNoTracking().Where(a => a.CustomerId == me)
            .PageByAsync(a => a.Id, limit, cursor, AddressResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<AddressResponse>, ProblemHttpResult>> Get(string addressId, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var me = http.CustomerId()!;
        var address = await db.Set<CustomerAddress>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == addressId && a.CustomerId == me, ct);
        if (address is null) return CustomerErrors.AddressNotFound(addressId).ToProblem();
        http.SetETag(address.Version);
        return TypedResults.Ok(AddressResponse.From(address));
    }

    private static async Task<Results<Created<AddressResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var fields = AddressRules.Validate(v, new AddressFields(request.FirstName, request.LastName, request.Company, request.Line1,
            request.Line2, request.City, request.Province, request.PostalCode, request.CountryCode, request.Phone));
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var me = http.CustomerId()!;
        if (!await db.Set<Customer>().AnyAsync(c => c.Id == me, ct)) return CustomerErrors.CustomerNotFound(me).ToProblem();
        if (await db.Set<CustomerAddress>().CountAsync(a => a.CustomerId == me, ct) >= CustomerAddress.MaxPerCustomer)
            return CustomerErrors.AddressLimit(CustomerAddress.MaxPerCustomer).ToProblem();
        var address = new CustomerAddress(me, fields!, time);
        await SetDefaultsAsync(db, address, request.IsDefaultShipping, request.IsDefaultBilling, time, ct);
        db.Add(address);
        await TouchCustomerAsync(db, me, time, ct);
        await db.SaveChangesAsync(ct);
        http.SetETag(address.Version);
        return TypedResults.Created($"/store/customers/me/addresses/{address.Id}", AddressResponse.From(address));
    }

    private static async Task<Results<Ok<AddressResponse>, ProblemHttpResult>> Update(string addressId, UpdateRequest request, MercatoDb db,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var me = http.CustomerId()!;
        var address = await db.Set<CustomerAddress>().SingleOrDefaultAsync(a => a.Id == addressId && a.CustomerId == me, ct);
        if (address is null) return CustomerErrors.AddressNotFound(addressId).ToProblem();
        var v = new Validator();
        var fields = AddressRules.Validate(v, new AddressFields(request.FirstName, request.LastName, request.Company, request.Line1,
            request.Line2, request.City, request.Province, request.PostalCode, request.CountryCode, request.Phone).Over(address.ToAddress()));
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (http.CheckIfMatch(address.Version) is { } stale) return stale.ToProblem();
        address.Set(fields!);
        await SetDefaultsAsync(db, address, request.IsDefaultShipping, request.IsDefaultBilling, time, ct);
        address.UpdatedAt = time.GetUtcNow();
        await TouchCustomerAsync(db, me, time, ct);
        await db.SaveChangesAsync(ct);
        http.SetETag(address.Version);
        return TypedResults.Ok(AddressResponse.From(address));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string addressId, MercatoDb db, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var me = http.CustomerId()!;
        var address = await db.Set<CustomerAddress>().SingleOrDefaultAsync(a => a.Id == addressId && a.CustomerId == me, ct);
        if (address is null) return CustomerErrors.AddressNotFound(addressId).ToProblem();
        if (http.CheckIfMatch(address.Version) is { } stale) return stale.ToProblem();
        db.Remove(address);
        await TouchCustomerAsync(db, me, time, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The address book is part of the customer's export record, so a change to it moves the customer's UpdatedAt
    /// (incremental exports pick it up); the customer's version stays, as its own fields did not change.
    /// </summary>
    private static Task TouchCustomerAsync(MercatoDb db, string customerId, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Set<Customer>().Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), ct);
    }

    /// <summary>Making an address a default takes that role from the customer's other addresses; false just drops it.</summary>
    private static async Task SetDefaultsAsync(MercatoDb db, CustomerAddress address, bool? shipping, bool? billing, TimeProvider time,
        CancellationToken ct)
    {
        if (shipping is { } s) address.IsDefaultShipping = s;
        if (billing is { } b) address.IsDefaultBilling = b;
        if (shipping != true && billing != true) return;
        var others = await db.Set<CustomerAddress>()
            .Where(a => a.CustomerId == address.CustomerId && a.Id != address.Id
                && ((shipping == true && a.IsDefaultShipping) || (billing == true && a.IsDefaultBilling)))
            .ToListAsync(ct);
        foreach (var other in others)
        {
            if (shipping == true) other.IsDefaultShipping = false;
            if (billing == true) other.IsDefaultBilling = false;
            other.UpdatedAt = time.GetUtcNow();
        }
    }
}
