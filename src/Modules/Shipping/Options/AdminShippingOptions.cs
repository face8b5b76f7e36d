using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Money;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Mercato.Regions.Contracts;
using Mercato.Shipping.Contracts;
using Mercato.Tax.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Shipping.Options;

/// <summary>Admin CRUD for shipping options, listed per region.</summary>
internal static class AdminShippingOptions
{
    private const int MaxBands = 20;

    public sealed record BandRequest(int? UpToGrams, long? Amount);

    /// <summary><c>freeAboveSubtotal</c> 0 means no threshold; <c>taxClassId</c> "" means none.</summary>
    public sealed record CreateRequest(string RegionId, string Name, ShippingPricing PricingType, long? Amount,
        IReadOnlyList<BandRequest>? Bands, long? FreeAboveSubtotal, string? TaxClassId, bool? Enabled, int? Position);

    public sealed record UpdateRequest(string? RegionId, string? Name, ShippingPricing? PricingType, long? Amount,
        IReadOnlyList<BandRequest>? Bands, long? FreeAboveSubtotal, string? TaxClassId, bool? Enabled, int? Position);

    public sealed record BandResponse(int? UpToGrams, long Amount);

    public sealed record ShippingOptionResponse(string Id, string RegionId, string Name, ShippingPricing PricingType, long? Amount,
        IReadOnlyList<BandResponse> Bands, long? FreeAboveSubtotal, string? TaxClassId, bool Enabled, int Position, int Version,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    {
        public static ShippingOptionResponse From(ShippingOption o) => new(o.Id, o.RegionId, o.Name, o.Pricing, o.Amount,
            [.. o.Bands.OrderBy(b => b.Position).Select(b => new BandResponse(b.UpToGrams, b.Amount))], o.FreeAboveSubtotal,
            o.TaxClassId, o.Enabled, o.Position, o.Version, o.CreatedAt, o.UpdatedAt);
    }

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/shipping-options").WithTags("Shipping options")
            .RequirePermissions(Permissions.SettingsRead, Permissions.SettingsWrite);
        group.MapGet("/", List).WithName("ListShippingOptions").WithSummary("List shipping options, optionally of one region");
        group.MapGet("/{id}", Get).WithName("GetShippingOption").WithSummary("Get a shipping option");
        group.MapPost("/", Create).WithName("CreateShippingOption").WithSummary("Create a shipping option for a region");
        group.MapPatch("/{id}", Update).WithName("UpdateShippingOption").WithSummary("Update a shipping option (bands given replace all bands)");
        group.MapDelete("/{id}", Delete).WithName("DeleteShippingOption").WithSummary("Delete a shipping option");
    }

    private static async Task<Results<Ok<Page<ShippingOptionResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        string? regionId, CancellationToken ct)
    {
        var query = db.Set<ShippingOption>().Include(o => o.Bands).AsNoTracking();
        if (regionId is not null) query = query.Where(o => o.RegionId == regionId);
        var page = await query.PageByAsync(o => o.Id, limit, cursor, ShippingOptionResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<ShippingOptionResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var option = await Find(db, id, ct);
        if (option is null) return Error.NotFound("shipping option", id).ToProblem();
        http.SetETag(option.Version);
        return TypedResults.Ok(ShippingOptionResponse.From(option));
    }

    private static async Task<Results<Created<ShippingOptionResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        IRegionDirectory regions, ITaxClasses taxClasses, IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("regionId", request.RegionId, 40).Required("name", request.Name, 200);
        ValidateCommon(v, request.Amount, request.Bands, request.FreeAboveSubtotal, request.TaxClassId, request.Position);
        ValidatePricing(v, request.PricingType, request.Amount, request.Bands);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (await CheckReferencesAsync(regions, taxClasses, request.RegionId, request.TaxClassId, ct) is { } badRef) return badRef.ToProblem();
        var option = new ShippingOption(request.RegionId, request.Name.Trim(), time)
        {
            Enabled = request.Enabled ?? true, Position = request.Position ?? 0,
        };
        Apply(option, request.PricingType, request.Amount, request.Bands, request.FreeAboveSubtotal, request.TaxClassId);
        db.Add(option);
        events.Raise(ShippingEvents.OptionCreated, option.Id, () => ShippingOptionResponse.From(option));
        await db.SaveChangesAsync(ct);
        http.SetETag(option.Version);
        return TypedResults.Created($"/admin/shipping-options/{option.Id}", ShippingOptionResponse.From(option));
    }

    private static async Task<Results<Ok<ShippingOptionResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request, MercatoDb db,
        IRegionDirectory regions, ITaxClasses taxClasses, IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        if (request.RegionId is not null) v.Required("regionId", request.RegionId, 40);
        if (request.Name is not null) v.Required("name", request.Name, 200);
        ValidateCommon(v, request.Amount, request.Bands, request.FreeAboveSubtotal, request.TaxClassId, request.Position);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var option = await Find(db, id, ct);
        if (option is null) return Error.NotFound("shipping option", id).ToProblem();
        if (http.CheckIfMatch(option.Version) is { } stale) return stale.ToProblem();
        var pricing = request.PricingType ?? option.Pricing;
        var amount = request.Amount ?? (pricing == ShippingPricing.Flat ? option.Amount : null);
        var bands = request.Bands ?? (pricing == ShippingPricing.WeightBands
            ? [.. option.Bands.OrderBy(b => b.Position).Select(b => new BandRequest(b.UpToGrams, b.Amount))]
            : null);
        ValidatePricing(v, pricing, amount, bands);
        if (v.ToError() is { } inconsistent) return inconsistent.ToProblem();
        if (await CheckReferencesAsync(regions, taxClasses, request.RegionId, request.TaxClassId, ct) is { } badRef) return badRef.ToProblem();
        if (request.RegionId is not null) option.RegionId = request.RegionId;
        if (request.Name is not null) option.Name = request.Name.Trim();
        if (request.Enabled is { } enabled) option.Enabled = enabled;
        if (request.Position is { } position) option.Position = position;
        Apply(option, pricing, amount, bands, request.FreeAboveSubtotal ?? option.FreeAboveSubtotal ?? 0, request.TaxClassId ?? option.TaxClassId);
        option.UpdatedAt = time.GetUtcNow();
        events.Raise(ShippingEvents.OptionUpdated, option.Id, () => ShippingOptionResponse.From(option));
        await db.SaveChangesAsync(ct);
        http.SetETag(option.Version);
        return TypedResults.Ok(ShippingOptionResponse.From(option));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, IDomainEvents events, HttpContext http,
        CancellationToken ct)
    {
        var option = await Find(db, id, ct);
        if (option is null) return Error.NotFound("shipping option", id).ToProblem();
        if (http.CheckIfMatch(option.Version) is { } stale) return stale.ToProblem();
        db.Remove(option);
        events.Raise(ShippingEvents.OptionDeleted, option.Id, ShippingOptionResponse.From(option));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void Apply(ShippingOption option, ShippingPricing pricing, long? amount, IReadOnlyList<BandRequest>? bands,
        long? freeAbove, string? taxClassId)
    {
        option.Pricing = pricing;
        option.Amount = pricing == ShippingPricing.Flat ? amount : null;
        option.SetBands(pricing == ShippingPricing.WeightBands ? bands!.Select(b => (b.UpToGrams, b.Amount!.Value)) : []);
        option.FreeAboveSubtotal = freeAbove is null or 0 ? null : freeAbove;
        option.TaxClassId = string.IsNullOrEmpty(taxClassId) ? null : taxClassId;
    }

    private static void ValidateCommon(Validator v, long? amount, IReadOnlyList<BandRequest>? bands, long? freeAbove, string? taxClassId,
        int? position)
    {
        v.Range("amount", amount, 0, Money.MaxAmount).Range("freeAboveSubtotal", freeAbove, 0, Money.MaxAmount)
            .MaxLength("taxClassId", taxClassId, 40).Range("position", position, 0, 10_000).Count("bands", bands, MaxBands);
        for (var i = 0; i < (bands?.Count ?? 0); i++)
        {
            if (bands![i] is not { } band) { v.Add($"bands[{i}]", "Required."); continue; }
            if (band.Amount is null) v.Add($"bands[{i}].amount", "Required.");
            v.Range($"bands[{i}].amount", band.Amount, 0, Money.MaxAmount).Range($"bands[{i}].upToGrams", band.UpToGrams, 1, 10_000_000);
        }
    }

    /// <summary>Flat options have an amount; banded ones have bands of rising weight, of which only the last may be open-ended.</summary>
    private static void ValidatePricing(Validator v, ShippingPricing pricing, long? amount, IReadOnlyList<BandRequest>? bands)
    {
        if (pricing == ShippingPricing.Flat)
        {
            if (amount is null) v.Add("amount", "Required for a flat option.");
            if (bands is { Count: > 0 }) v.Add("bands", "A flat option has no bands.");
            return;
        }
        if (bands is null || bands.Count == 0) { v.Add("bands", "A weight_bands option needs at least one band."); return; }
        int? previous = 0;
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i] is not { } band) continue;
            if (band.UpToGrams is null && i < bands.Count - 1) v.Add($"bands[{i}].upToGrams", "Only the last band may be open-ended.");
            else if (band.UpToGrams is { } upTo && previous is { } p && upTo <= p) v.Add($"bands[{i}].upToGrams", "Bands must rise in weight.");
            previous = band.UpToGrams;
        }
    }

    private static async Task<Error?> CheckReferencesAsync(IRegionDirectory regions, ITaxClasses taxClasses, string? regionId,
        string? taxClassId, CancellationToken ct)
    {
        var v = new Validator();
        if (regionId is not null && await regions.FindAsync(regionId, ct) is null) v.Add("regionId", $"No region with id '{regionId}'.");
        if (!string.IsNullOrEmpty(taxClassId) && !await taxClasses.ExistsAsync(taxClassId, ct)) v.Add("taxClassId", $"No tax class with id '{taxClassId}'.");
        return v.ToError();
    }

    private static Task<ShippingOption?> Find(MercatoDb db, string id, CancellationToken ct) =>
        db.Set<ShippingOption>().Include(o => o.Bands).SingleOrDefaultAsync(o => o.Id == id, ct);
}
