using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Mercato.Regions.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Regions;

internal sealed record RegionResponse(string Id, string Name, string Currency, IReadOnlyList<string> Countries,
    int TaxRateBasisPoints, bool PricesIncludeTax, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static RegionResponse From(Region r) => new(r.Id, r.Name, r.CurrencyCode,
        [.. r.Countries.Select(c => c.CountryCode).Order(StringComparer.Ordinal)], r.TaxRateBasisPoints, r.PricesIncludeTax,
        r.Version, r.CreatedAt, r.UpdatedAt);
}

/// <summary>The public face of a region for storefronts.</summary>
internal sealed record StoreRegionResponse(string Id, string Name, string Currency, IReadOnlyList<string> Countries,
    int TaxRateBasisPoints, bool PricesIncludeTax)
{
    public static StoreRegionResponse From(Region r) => new(r.Id, r.Name, r.CurrencyCode,
        [.. r.Countries.Select(c => c.CountryCode).Order(StringComparer.Ordinal)], r.TaxRateBasisPoints, r.PricesIncludeTax);
}

/// <summary>Admin CRUD for regions and the store's list of markets.</summary>
internal static class RegionEndpoints
{
    public sealed record CreateRequest(string Name, string Currency, IReadOnlyList<string>? Countries, int? TaxRateBasisPoints,
        bool? PricesIncludeTax);

    public sealed record UpdateRequest(string? Name, string? Currency, IReadOnlyList<string>? Countries, int? TaxRateBasisPoints,
        bool? PricesIncludeTax);

    public static void Map(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        store.MapGet("/regions", ListForStore).WithTags("Regions").WithName("StoreListRegions")
            .WithSummary("List the markets a storefront can sell in");
        var group = admin.MapGroup("/regions").WithTags("Regions")
            .RequirePermissions(Permissions.SettingsRead, Permissions.SettingsWrite);
        group.MapGet("/", List).WithName("ListRegions").WithSummary("List regions");
        group.MapGet("/{id}", Get).WithName("GetRegion").WithSummary("Get a region");
        group.MapPost("/", Create).WithName("CreateRegion").WithSummary("Create a region");
        group.MapPatch("/{id}", Update).WithName("UpdateRegion").WithSummary("Update a region");
        group.MapDelete("/{id}", Delete).WithName("DeleteRegion").WithSummary("Delete a region");
    }

    private static async Task<Ok<Page<StoreRegionResponse>>> ListForStore(MercatoDb db, CancellationToken ct)
    {
        var regions = await db.Set<Region>().Include(r => r.Countries).AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(new Page<StoreRegionResponse>([.. regions.Select(StoreRegionResponse.From)], null));
    }

    private static async Task<Results<Ok<Page<RegionResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var page = await db.Set<Region>().Include(r => r.Countries).AsNoTracking().PageByAsync(r => r.Id, limit, cursor, RegionResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<RegionResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var region = await Find(db, id, ct);
        if (region is null) return Error.NotFound("region", id).ToProblem();
        http.SetETag(region.Version);
        return TypedResults.Ok(RegionResponse.From(region));
    }

    private static async Task<Results<Created<RegionResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("name", request.Name, 200);
        Validate(v, request.Currency, request.Countries, request.TaxRateBasisPoints, currencyRequired: true);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var countries = Normalize(request.Countries);
        if (await CountriesTaken(db, countries, null, ct) is { } taken) return taken.ToProblem();
        var region = new Region(request.Name.Trim(), request.Currency.ToUpperInvariant(), time)
        {
            TaxRateBasisPoints = request.TaxRateBasisPoints ?? 0,
            PricesIncludeTax = request.PricesIncludeTax ?? false,
        };
        region.SetCountries(countries);
        db.Add(region);
        events.Raise(RegionEvents.RegionCreated, region.Id, () => RegionResponse.From(region));
        await db.SaveChangesAsync(ct);
        http.SetETag(region.Version);
        return TypedResults.Created($"/admin/regions/{region.Id}", RegionResponse.From(region));
    }

    private static async Task<Results<Ok<RegionResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        if (request.Name is not null) v.Required("name", request.Name, 200);
        Validate(v, request.Currency, request.Countries, request.TaxRateBasisPoints, currencyRequired: false);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var region = await Find(db, id, ct);
        if (region is null) return Error.NotFound("region", id).ToProblem();
        if (http.CheckIfMatch(region.Version) is { } stale) return stale.ToProblem();
        if (request.Countries is not null)
        {
            var countries = Normalize(request.Countries);
            if (await CountriesTaken(db, countries, region.Id, ct) is { } taken) return taken.ToProblem();
            region.SetCountries(countries);
        }
        if (request.Name is not null) region.Name = request.Name.Trim();
        if (request.Currency is not null) region.CurrencyCode = request.Currency.ToUpperInvariant();
        if (request.TaxRateBasisPoints is { } rate) region.TaxRateBasisPoints = rate;
        if (request.PricesIncludeTax is { } inclusive) region.PricesIncludeTax = inclusive;
        region.UpdatedAt = time.GetUtcNow();
        events.Raise(RegionEvents.RegionUpdated, region.Id, () => RegionResponse.From(region));
        await db.SaveChangesAsync(ct);
        http.SetETag(region.Version);
        return TypedResults.Ok(RegionResponse.From(region));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, IDomainEvents events,
        HttpContext http, CancellationToken ct)
    {
        var region = await Find(db, id, ct);
        if (region is null) return Error.NotFound("region", id).ToProblem();
        if (http.CheckIfMatch(region.Version) is { } stale) return stale.ToProblem();
        db.Remove(region);
        events.Raise(RegionEvents.RegionDeleted, region.Id, RegionResponse.From(region));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void Validate(Validator v, string? currency, IReadOnlyList<string>? countries, int? taxRate, bool currencyRequired)
    {
        if (currency is not null || currencyRequired) v.Currency("currency", currency, out _);
        v.Range("taxRateBasisPoints", taxRate, 0, 10_000).Count("countries", countries, 250);
        if (countries is null) return;
        for (var i = 0; i < countries.Count; i++)
        {
            if (countries[i] is not { Length: 2 } code || !Countries.IsKnown(code.ToUpperInvariant()))
                v.Add($"countries[{i}]", "Not an ISO 3166-1 alpha-2 country code.");
        }
    }

    private static string[] Normalize(IReadOnlyList<string>? countries) =>
        [.. (countries ?? []).Select(c => c.ToUpperInvariant()).Distinct()];

    private static async Task<Error?> CountriesTaken(MercatoDb db, string[] countries, string? exceptRegionId, CancellationToken ct)
    {
        if (countries.Length == 0) return null;
        var taken = await db.Set<RegionCountry>()
            .Where(c => countries.Contains(c.CountryCode) && c.RegionId != exceptRegionId)
            .Select(c => c.CountryCode).ToListAsync(ct);
        return taken.Count == 0 ? null : Error.Conflict("country_in_other_region",
            $"Already in another region: {string.Join(", ", taken.Order(StringComparer.Ordinal))}.");
    }

    private static Task<Region?> Find(MercatoDb db, string id, CancellationToken ct) =>
        db.Set<Region>().Include(r => r.Countries).SingleOrDefaultAsync(r => r.Id == id, ct);
}
