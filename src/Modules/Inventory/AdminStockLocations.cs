using Mercato.Inventory.Levels;
using Mercato.Kernel.Errors;
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

namespace Mercato.Inventory;

/// <summary>Admin CRUD for stock locations (inventory levels per location come with the commerce core).</summary>
internal static class AdminStockLocations
{
    public sealed record AddressRequest(string? Line1, string? City, string? PostalCode, string? CountryCode);

    public sealed record CreateRequest(string Name, AddressRequest? Address, bool? IsDefault, string? ExternalId = null);

    /// <summary>A partial update; <c>externalId: ""</c> removes the external id.</summary>
    public sealed record UpdateRequest(string? Name, AddressRequest? Address, bool? IsDefault, string? ExternalId = null);

    public sealed record AddressResponse(string? Line1, string? City, string? PostalCode, string? CountryCode);

    public sealed record StockLocationResponse(string Id, string Name, AddressResponse Address, bool IsDefault, string? ExternalId,
        int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    {
        public static StockLocationResponse From(StockLocation l) => new(l.Id, l.Name,
            new AddressResponse(l.AddressLine1, l.City, l.PostalCode, l.CountryCode), l.IsDefault, l.ExternalId, l.Version, l.CreatedAt,
            l.UpdatedAt);
    }

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/stock-locations").WithTags("Stock locations")
            .RequirePermissions(Permissions.SettingsRead, Permissions.SettingsWrite);
        group.MapGet("/", List).WithName("ListStockLocations").WithSummary("List stock locations");
        group.MapGet("/{id}", Get).WithName("GetStockLocation").WithSummary("Get a stock location");
        group.MapPost("/", Create).WithName("CreateStockLocation").WithSummary("Create a stock location");
        group.MapPatch("/{id}", Update).WithName("UpdateStockLocation").WithSummary("Update a stock location");
        group.MapDelete("/{id}", Delete).WithName("DeleteStockLocation").WithSummary("Delete a stock location");
    }

    private static async Task<Results<Ok<Page<StockLocationResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit,
        string? cursor, string? externalId, CancellationToken ct)
    {
        var query = db.Set<StockLocation>().AsNoTracking();
        if (StockLocation.NormalizeExternalId(externalId) is { } wanted) query = query.Where(l => l.ExternalId == wanted);
        var page = await query.PageByAsync(l => l.Id, limit, cursor, StockLocationResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<StockLocationResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var location = await db.Set<StockLocation>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (location is null) return Error.NotFound("stock location", id).ToProblem();
        http.SetETag(location.Version);
        return TypedResults.Ok(StockLocationResponse.From(location));
    }

    private static async Task<Results<Created<StockLocationResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("name", request.Name, 200).MaxLength("externalId", request.ExternalId, StockLocation.MaxExternalId);
        Validate(v, request.Address);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var externalId = StockLocation.NormalizeExternalId(request.ExternalId);
        async Task<Error?> CheckUnique() => externalId is not null && await db.Set<StockLocation>().AnyAsync(l => l.ExternalId == externalId, ct)
            ? InventoryErrors.ExternalIdTaken(externalId) : null;
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        var location = new StockLocation(request.Name.Trim(), time) { IsDefault = request.IsDefault ?? false, ExternalId = externalId };
        if (location.IsDefault) await ClearDefaultAsync(db, ct);
        Apply(location, request.Address);
        db.Add(location);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(location.Version);
        return TypedResults.Created($"/admin/stock-locations/{location.Id}", StockLocationResponse.From(location));
    }

    private static async Task<Results<Ok<StockLocationResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request,
        MercatoDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        if (request.Name is not null) v.Required("name", request.Name, 200);
        v.MaxLength("externalId", request.ExternalId, StockLocation.MaxExternalId);
        Validate(v, request.Address);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var location = await db.Set<StockLocation>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (location is null) return Error.NotFound("stock location", id).ToProblem();
        if (http.CheckIfMatch(location.Version) is { } stale) return stale.ToProblem();
        var externalId = StockLocation.NormalizeExternalId(request.ExternalId);
        async Task<Error?> CheckUnique() => externalId is not null && await db.Set<StockLocation>().AnyAsync(l => l.ExternalId == externalId && l.Id != id, ct)
            ? InventoryErrors.ExternalIdTaken(externalId) : null;
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        if (request.ExternalId is not null) location.ExternalId = externalId;
        if (request.Name is not null) location.Name = request.Name.Trim();
        if (request.IsDefault is true && !location.IsDefault) await ClearDefaultAsync(db, ct);
        if (request.IsDefault is { } isDefault) location.IsDefault = isDefault;
        Apply(location, request.Address);
        location.UpdatedAt = time.GetUtcNow();
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(location.Version);
        return TypedResults.Ok(StockLocationResponse.From(location));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var location = await db.Set<StockLocation>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (location is null) return Error.NotFound("stock location", id).ToProblem();
        if (http.CheckIfMatch(location.Version) is { } stale) return stale.ToProblem();
        if (await db.Set<InventoryLevel>().AnyAsync(l => l.LocationId == id && (l.OnHand != 0 || l.Reserved != 0), ct)
            || await db.Set<Reservation>().AnyAsync(r => r.LocationId == id, ct))
            return InventoryErrors.LocationInUse(id).ToProblem();
        db.Remove(location);
        await db.SaveChangesAsync(ct);
        // Levels left at zero only record that the SKU was once stocked here.
        await db.Set<InventoryLevel>().Where(l => l.LocationId == id).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>One default location at a time: making one the default takes it from the others.</summary>
    private static async Task ClearDefaultAsync(MercatoDb db, CancellationToken ct)
    {
        foreach (var other in await db.Set<StockLocation>().Where(l => l.IsDefault).ToListAsync(ct)) other.IsDefault = false;
    }

    private static void Validate(Validator v, AddressRequest? address)
    {
        if (address is null) return;
        v.MaxLength("address.line1", address.Line1, 200).MaxLength("address.city", address.City, 100)
            .MaxLength("address.postalCode", address.PostalCode, 20);
        if (address.CountryCode is not null && (address.CountryCode.Length != 2 || !address.CountryCode.All(char.IsAsciiLetter)))
            v.Add("address.countryCode", "An ISO 3166-1 alpha-2 country code.");
    }

    private static void Apply(StockLocation location, AddressRequest? address)
    {
        if (address is null) return;
        location.AddressLine1 = address.Line1;
        location.City = address.City;
        location.PostalCode = address.PostalCode;
        location.CountryCode = address.CountryCode?.ToUpperInvariant();
    }
}
