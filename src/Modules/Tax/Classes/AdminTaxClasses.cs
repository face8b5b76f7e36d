using System.Text.RegularExpressions;
using Mercato.Kernel.Errors;
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

namespace Mercato.Tax.Classes;

/// <summary>Admin CRUD for tax classes and their rates per region.</summary>
internal static partial class AdminTaxClasses
{
    public sealed record RateRequest(string RegionId, int? RateBasisPoints);

    public sealed record CreateRequest(string Name, string Code, IReadOnlyList<RateRequest>? Rates);

    public sealed record UpdateRequest(string? Name, string? Code, IReadOnlyList<RateRequest>? Rates);

    public sealed record RateResponse(string RegionId, int RateBasisPoints);

    public sealed record TaxClassResponse(string Id, string Name, string Code, IReadOnlyList<RateResponse> Rates, int Version,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
    {
        public static TaxClassResponse From(TaxClass c) => new(c.Id, c.Name, c.Code,
            [.. c.Rates.OrderBy(r => r.RegionId, StringComparer.Ordinal).Select(r => new RateResponse(r.RegionId, r.RateBasisPoints))],
            c.Version, c.CreatedAt, c.UpdatedAt);
    }

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/tax-classes").WithTags("Tax classes")
            .RequirePermissions(Permissions.SettingsRead, Permissions.SettingsWrite);
        group.MapGet("/", List).WithName("ListTaxClasses").WithSummary("List tax classes");
        group.MapGet("/{id}", Get).WithName("GetTaxClass").WithSummary("Get a tax class with its rates per region");
        group.MapPost("/", Create).WithName("CreateTaxClass").WithSummary("Create a tax class");
        group.MapPatch("/{id}", Update).WithName("UpdateTaxClass").WithSummary("Update a tax class (rates given replace all rates)");
        group.MapDelete("/{id}", Delete).WithName("DeleteTaxClass").WithSummary("Delete a tax class");
    }

    private static async Task<Results<Ok<Page<TaxClassResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var page = await db.Set<TaxClass>().Include(c => c.Rates).AsNoTracking().PageByAsync(c => c.Id, limit, cursor, TaxClassResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<TaxClassResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var taxClass = await Find(db, id, ct);
        if (taxClass is null) return Error.NotFound("tax class", id).ToProblem();
        http.SetETag(taxClass.Version);
        return TypedResults.Ok(TaxClassResponse.From(taxClass));
    }

    private static async Task<Results<Created<TaxClassResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        IRegionDirectory regions, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("name", request.Name, 200);
        ValidateCode(v, request.Code, required: true);
        ValidateRates(v, request.Rates);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (await CheckRegionsAsync(regions, request.Rates, ct) is { } unknown) return unknown.ToProblem();
        var code = NormalizeCode(request.Code);
        Task<Error?> CheckUnique() => CodeTakenAsync(db, code, null, ct);
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        var taxClass = new TaxClass(request.Name.Trim(), code, time);
        taxClass.SetRates((request.Rates ?? []).Select(r => (r.RegionId, r.RateBasisPoints!.Value)));
        db.Add(taxClass);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(taxClass.Version);
        return TypedResults.Created($"/admin/tax-classes/{taxClass.Id}", TaxClassResponse.From(taxClass));
    }

    private static async Task<Results<Ok<TaxClassResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request, MercatoDb db,
        IRegionDirectory regions, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        if (request.Name is not null) v.Required("name", request.Name, 200);
        ValidateCode(v, request.Code, required: false);
        ValidateRates(v, request.Rates);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var taxClass = await Find(db, id, ct);
        if (taxClass is null) return Error.NotFound("tax class", id).ToProblem();
        if (http.CheckIfMatch(taxClass.Version) is { } stale) return stale.ToProblem();
        if (await CheckRegionsAsync(regions, request.Rates, ct) is { } unknown) return unknown.ToProblem();
        var code = request.Code is null ? null : NormalizeCode(request.Code);
        Task<Error?> CheckUnique() => code is null ? Task.FromResult<Error?>(null) : CodeTakenAsync(db, code, taxClass.Id, ct);
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        if (request.Name is not null) taxClass.Name = request.Name.Trim();
        if (code is not null) taxClass.Code = code;
        if (request.Rates is not null) taxClass.SetRates(request.Rates.Select(r => (r.RegionId, r.RateBasisPoints!.Value)));
        taxClass.UpdatedAt = time.GetUtcNow();
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(taxClass.Version);
        return TypedResults.Ok(TaxClassResponse.From(taxClass));
    }

    /// <summary>Products and shipping options that named the class fall back to their region's default rate.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, HttpContext http, CancellationToken ct)
    {
        var taxClass = await Find(db, id, ct);
        if (taxClass is null) return Error.NotFound("tax class", id).ToProblem();
        if (http.CheckIfMatch(taxClass.Version) is { } stale) return stale.ToProblem();
        db.Remove(taxClass);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void ValidateCode(Validator v, string? code, bool required)
    {
        if (code is null && !required) return;
        v.Required("code", code, 100);
        if (!string.IsNullOrWhiteSpace(code) && code.Length <= 100 && !CodePattern().IsMatch(NormalizeCode(code)))
            v.Add("code", "Letters, digits, '-' and '_' (e.g. reduced or books_food).");
    }

    private static void ValidateRates(Validator v, IReadOnlyList<RateRequest>? rates)
    {
        if (rates is null) return;
        v.Count("rates", rates, 250);
        for (var i = 0; i < rates.Count; i++)
        {
            if (rates[i] is not { } rate) { v.Add($"rates[{i}]", "Required."); continue; }
            v.Required($"rates[{i}].regionId", rate.RegionId, 40);
            if (rate.RateBasisPoints is null) v.Add($"rates[{i}].rateBasisPoints", "Required.");
            v.Range($"rates[{i}].rateBasisPoints", rate.RateBasisPoints, 0, TaxMath.MaxRate);
        }
        foreach (var group in rates.Where(r => r?.RegionId is not null).GroupBy(r => r.RegionId, StringComparer.Ordinal).Where(g => g.Count() > 1))
            v.Add("rates", $"More than one rate for region '{group.Key}'.");
    }

    private static async Task<Error?> CheckRegionsAsync(IRegionDirectory regions, IReadOnlyList<RateRequest>? rates, CancellationToken ct)
    {
        var missing = new List<(int, string)>();
        for (var i = 0; i < (rates?.Count ?? 0); i++)
        {
            if (await regions.FindAsync(rates![i].RegionId, ct) is null) missing.Add((i, rates[i].RegionId));
        }
        return missing.Count == 0 ? null : TaxErrors.UnknownRegions(missing);
    }

    private static async Task<Error?> CodeTakenAsync(MercatoDb db, string code, string? exceptId, CancellationToken ct) =>
        await db.Set<TaxClass>().AnyAsync(c => c.Code == code && c.Id != exceptId, ct) ? TaxErrors.CodeTaken(code) : null;

    private static string NormalizeCode(string code) => code.Trim().ToLowerInvariant();

    private static Task<TaxClass?> Find(MercatoDb db, string id, CancellationToken ct) =>
        db.Set<TaxClass>().Include(c => c.Rates).SingleOrDefaultAsync(c => c.Id == id, ct);

    [GeneratedRegex("^[a-z0-9]+(?:[-_][a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
