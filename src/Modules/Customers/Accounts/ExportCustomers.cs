using Mercato.Customers.Addresses;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Exports;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Customers.Accounts;

/// <summary>
/// <c>GET /admin/exports/customers</c>: customers with their groups and address book, as CSV (the default shipping address
/// flattened) or NDJSON (the admin detail shape). Password hashes are never read.
/// </summary>
internal static class ExportCustomers
{
    public static readonly string[] Header =
    [
        "id", "externalId", "email", "firstName", "lastName", "phone", "emailVerified", "disabled", "groups",
        "shippingFirstName", "shippingLastName", "shippingCompany", "shippingLine1", "shippingLine2", "shippingCity", "shippingProvince",
        "shippingPostalCode", "shippingCountryCode", "shippingPhone", "version", "createdAt", "updatedAt",
    ];

    public static void Map(RouteGroupBuilder admin) => admin.MapGet("/exports/customers", Handle)
        .WithName(nameof(ExportCustomers)).WithTags("Exports").RequirePermission(Permissions.CustomersRead)
        .WithSummary("Export customers with groups and addresses (format=csv|ndjson, updatedSince=ISO timestamp), streamed in id order")
        .Produces(StatusCodes.Status200OK, null, Exports.CsvContentType, Exports.NdjsonContentType);

    private static IResult Handle(MercatoDb db, string? format, DateTimeOffset? updatedSince)
    {
        if (!Exports.TryParseFormat(format, out var parsed)) return Error.Validation("format", "One of: csv, ndjson.").ToProblem();
        var customers = ExportBatches.ReadAsync<AdminCustomerDetailResponse>((last, ct) => NextAsync(db, updatedSince?.ToUniversalTime(), last, ct));
        return parsed == ExportFormat.Csv ? Exports.Csv("customers", Header, customers.Select(Row)) : Exports.Ndjson("customers", customers);
    }

    private static async Task<IReadOnlyList<AdminCustomerDetailResponse>> NextAsync(MercatoDb db, DateTimeOffset? since,
        AdminCustomerDetailResponse? last, CancellationToken ct)
    {
        var query = db.Set<Customer>().AsNoTracking();
        if (since is { } s) query = query.Where(c => c.UpdatedAt >= s);
        if (last is not null)
        {
            var after = last.Id;
            query = query.Where(c => c.Id.CompareTo(after) > 0);
        }
        // Projected, so the password hash never leaves the database.
        var rows = await query.OrderBy(c => c.Id).Take(ExportBatches.Size)
            .Select(c => new
            {
                c.Id, c.ExternalId, c.Email, c.FirstName, c.LastName, c.Phone, c.EmailVerifiedAt, c.Disabled, c.Version,
                c.CreatedAt, c.UpdatedAt
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var groups = await db.GroupsOfAsync(ids, ct);
        var addresses = (await db.Set<CustomerAddress>().AsNoTracking().Where(a => ids.Contains(a.CustomerId)).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.CustomerId);
        return [.. rows.Select(c => new AdminCustomerDetailResponse(c.Id, c.ExternalId, c.Email, c.FirstName, c.LastName, c.Phone,
            c.EmailVerifiedAt is not null, c.EmailVerifiedAt, c.Disabled, groups.GetValueOrDefault(c.Id) ?? [],
            [.. addresses[c.Id].Select(AddressResponse.From)], c.Version, c.CreatedAt, c.UpdatedAt))];
    }

    private static IReadOnlyList<string?> Row(AdminCustomerDetailResponse c)
    {
        var a = c.Addresses.FirstOrDefault(x => x.IsDefaultShipping) ?? (c.Addresses.Count > 0 ? c.Addresses[0] : null);
        return
        [
            c.Id, c.ExternalId, c.Email, c.FirstName, c.LastName, c.Phone, ExportBatches.Bool(c.EmailVerified), ExportBatches.Bool(c.Disabled),
            string.Join('|', c.Groups.Select(g => g.Handle)),
            a?.FirstName, a?.LastName, a?.Company, a?.Line1, a?.Line2, a?.City, a?.Province, a?.PostalCode, a?.CountryCode, a?.Phone,
            ExportBatches.Number(c.Version), ExportBatches.Timestamp(c.CreatedAt), ExportBatches.Timestamp(c.UpdatedAt),
        ];
    }
}
