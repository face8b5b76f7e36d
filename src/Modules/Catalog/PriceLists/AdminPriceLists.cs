using Mercato.Catalog.Contracts;
using Mercato.Catalog.Products;
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

namespace Mercato.Catalog.PriceLists;

/// <summary>Conditions of a list: any of the customer groups, regions and sales channels (empty or absent = every one).</summary>
internal sealed record PriceListConditionsDto(IReadOnlyList<string>? CustomerGroupIds, IReadOnlyList<string>? RegionIds,
    IReadOnlyList<string>? SalesChannelIds);

internal sealed record PriceListResponse(string Id, string Name, string Type, string Status, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    PriceListConditionsDto Conditions, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PriceListResponse From(PriceList l) => new(l.Id, l.Name, l.Type, l.Status, l.StartsAt, l.EndsAt,
        new PriceListConditionsDto(PriceList.Split(l.CustomerGroupIds), PriceList.Split(l.RegionIds), PriceList.Split(l.SalesChannelIds)),
        l.Version, l.CreatedAt, l.UpdatedAt);
}

/// <summary>A list price: <c>amount</c> in <c>currency</c>'s minor units for <c>minQuantity</c> (default 1) or more units.</summary>
internal sealed record PriceListPriceRequest(string VariantId, string Currency, long? Amount, int? MinQuantity);

internal sealed record PriceListPriceResponse(string Id, string VariantId, string Currency, long Amount, int MinQuantity)
{
    public static PriceListPriceResponse From(PriceListPrice p) => new(p.Id, p.VariantId, p.CurrencyCode, p.Amount, p.MinQuantity);
}

/// <summary>Admin CRUD for price lists and a bulk upsert of their prices (ERP integrations); see ADR 8.</summary>
internal static class AdminPriceLists
{
    private static readonly string[] Types = [PriceList.Sale, PriceList.Override];
    private static readonly string[] Statuses = [PriceList.Draft, PriceList.Active];

    public sealed record CreateRequest(string Name, string? Type, string? Status, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
        PriceListConditionsDto? Conditions, IReadOnlyList<PriceListPriceRequest>? Prices);

    /// <summary>Absent fields stay as they are; <c>conditions</c>, when present, replaces all three lists.</summary>
    public sealed record UpdateRequest(string? Name, string? Type, string? Status, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
        PriceListConditionsDto? Conditions);

    public sealed record UpsertPricesRequest(IReadOnlyList<PriceListPriceRequest> Prices);

    public sealed record UpsertPricesResponse(int Created, int Updated, PriceListResponse PriceList);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/price-lists").WithTags("Price lists").RequirePermissions(Permissions.PricingRead, Permissions.PricingWrite);
        group.MapGet("/", List).WithName("ListPriceLists").WithSummary("List price lists");
        group.MapGet("/{id}", Get).WithName("GetPriceList").WithSummary("Get a price list");
        group.MapPost("/", Create).WithName("CreatePriceList").WithSummary("Create a price list, optionally with prices");
        group.MapPatch("/{id}", Update).WithName("UpdatePriceList").WithSummary("Update a price list's name, type, status, schedule or conditions");
        group.MapDelete("/{id}", Delete).WithName("DeletePriceList").WithSummary("Delete a price list and its prices");
        group.MapGet("/{id}/prices", ListPrices).WithName("ListPriceListPrices").WithSummary("List a price list's prices");
        group.MapPut("/{id}/prices", UpsertPrices).WithName("UpsertPriceListPrices")
            .WithSummary($"Create or update up to {PriceListLimits.PricesPerRequest} prices, keyed by variant, currency and minQuantity");
        group.MapDelete("/{id}/prices/{priceId}", DeletePrice).WithName("DeletePriceListPrice").WithSummary("Remove one price from a list");
    }

    private static async Task<Results<Ok<Page<PriceListResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var page = await db.Set<PriceList>().AsNoTracking().PageByAsync(l => l.Id, limit, cursor, PriceListResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<PriceListResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var list = await db.Set<PriceList>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return Error.NotFound("price_list", id).ToProblem();
        http.SetETag(list.Version);
        return TypedResults.Ok(PriceListResponse.From(list));
    }

    private static async Task<Results<Created<PriceListResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        IRegionDirectory regions, IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("name", request.Name, CatalogLimits.Title);
        CheckHeader(v, request.Type, request.Status, request.StartsAt, request.EndsAt, request.Conditions);
        v.Count("prices", request.Prices, PriceListLimits.PricesPerRequest);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var regionIds = request.Conditions?.RegionIds ?? [];
        if (await CheckRegionsAsync(regions, regionIds, ct) is { } unknownRegion) return unknownRegion.ToProblem();
        var prices = request.Prices ?? [];
        if (await CheckPricesAsync(db, regions, regionIds, prices, ct) is { } badPrices) return badPrices.ToProblem();

        var list = new PriceList(request.Name.Trim(), time)
        {
            Type = request.Type ?? PriceList.Sale, Status = request.Status ?? PriceList.Draft, StartsAt = request.StartsAt, EndsAt = request.EndsAt,
        };
        SetConditions(list, request.Conditions);
        db.Add(list);
        foreach (var p in prices) db.Add(NewPrice(list.Id, p, time));
        events.Raise(CatalogEvents.PriceListCreated, list.Id, () => PriceListResponse.From(list));
        await db.SaveChangesAsync(ct);
        http.SetETag(list.Version);
        return TypedResults.Created($"/admin/price-lists/{list.Id}", PriceListResponse.From(list));
    }

    private static async Task<Results<Ok<PriceListResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request, MercatoDb db,
        IRegionDirectory regions, IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        if (request.Name is not null) v.Required("name", request.Name, CatalogLimits.Title);
        CheckHeader(v, request.Type, request.Status, null, null, request.Conditions);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var list = await db.Set<PriceList>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return Error.NotFound("price_list", id).ToProblem();
        if (http.CheckIfMatch(list.Version) is { } stale) return stale.ToProblem();
        var (startsAt, endsAt) = (request.StartsAt ?? list.StartsAt, request.EndsAt ?? list.EndsAt);
        if (startsAt is { } s && endsAt is { } e && e <= s) return Error.Validation("endsAt", "Must be after startsAt.").ToProblem();
        if (request.Conditions is { } conditions)
        {
            if (await CheckRegionsAsync(regions, conditions.RegionIds ?? [], ct) is { } unknownRegion) return unknownRegion.ToProblem();
            // The list's prices must stay sellable in the regions it now names.
            var currencies = await db.Set<PriceListPrice>().Where(p => p.PriceListId == id).Select(p => p.CurrencyCode).Distinct().ToListAsync(ct);
            if (await CheckCurrenciesAsync(regions, conditions.RegionIds ?? [], currencies.Select(c => ("conditions.regionIds", c)), ct) is { } lost)
                return lost.ToProblem();
        }
        if (request.Name is not null) list.Name = request.Name.Trim();
        if (request.Type is not null) list.Type = request.Type;
        if (request.Status is not null) list.Status = request.Status;
        (list.StartsAt, list.EndsAt) = (startsAt, endsAt);
        if (request.Conditions is not null) SetConditions(list, request.Conditions);
        list.UpdatedAt = time.GetUtcNow();
        events.Raise(CatalogEvents.PriceListUpdated, list.Id, () => PriceListResponse.From(list));
        await db.SaveChangesAsync(ct);
        http.SetETag(list.Version);
        return TypedResults.Ok(PriceListResponse.From(list));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, IDomainEvents events, HttpContext http,
        CancellationToken ct)
    {
        var list = await db.Set<PriceList>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return Error.NotFound("price_list", id).ToProblem();
        if (http.CheckIfMatch(list.Version) is { } stale) return stale.ToProblem();
        // The prices go with the list (cascade); their products' answers are evicted by the list's id tag.
        db.Remove(list);
        events.Raise(CatalogEvents.PriceListDeleted, list.Id, PriceListResponse.From(list));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Page<PriceListPriceResponse>>, ProblemHttpResult>> ListPrices(string id, MercatoDb db, int? limit,
        string? cursor, CancellationToken ct)
    {
        if (!await db.Set<PriceList>().AnyAsync(l => l.Id == id, ct)) return Error.NotFound("price_list", id).ToProblem();
        var page = await db.Set<PriceListPrice>().AsNoTracking().Where(p => p.PriceListId == id)
            .PageByAsync(p => p.Id, limit, cursor, PriceListPriceResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<UpsertPricesResponse>, ProblemHttpResult>> UpsertPrices(string id, UpsertPricesRequest request,
        MercatoDb db, IRegionDirectory regions, IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        if (request.Prices is null || request.Prices.Count == 0) v.Add("prices", "Required.");
        v.Count("prices", request.Prices, PriceListLimits.PricesPerRequest);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var list = await db.Set<PriceList>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return Error.NotFound("price_list", id).ToProblem();
        if (http.CheckIfMatch(list.Version) is { } stale) return stale.ToProblem();
        if (await CheckPricesAsync(db, regions, PriceList.Split(list.RegionIds), request.Prices!, ct) is { } badPrices) return badPrices.ToProblem();

        var variantIds = request.Prices!.Select(p => p.VariantId).Distinct(StringComparer.Ordinal).ToList();
        var existing = (await db.Set<PriceListPrice>().Where(p => p.PriceListId == id && variantIds.Contains(p.VariantId)).ToListAsync(ct))
            .ToDictionary(p => (p.VariantId, p.CurrencyCode, p.MinQuantity));
        var (created, updated) = (0, 0);
        foreach (var p in request.Prices!)
        {
            if (existing.TryGetValue((p.VariantId, p.Currency.ToUpperInvariant(), p.MinQuantity ?? 1), out var row))
            {
                if (row.Amount != p.Amount!.Value) updated++;
                row.Amount = p.Amount!.Value;
            }
            else
            {
                db.Add(NewPrice(id, p, time));
                created++;
            }
        }
        // The list's version moves with its prices, so concurrent upserts of one list conflict instead of racing.
        list.UpdatedAt = time.GetUtcNow();
        events.Raise(CatalogEvents.PriceListUpdated, list.Id, () => PriceListResponse.From(list));
        await db.SaveChangesAsync(ct);
        http.SetETag(list.Version);
        return TypedResults.Ok(new UpsertPricesResponse(created, updated, PriceListResponse.From(list)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeletePrice(string id, string priceId, MercatoDb db, IDomainEvents events,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var list = await db.Set<PriceList>().SingleOrDefaultAsync(l => l.Id == id, ct);
        var price = list is null ? null : await db.Set<PriceListPrice>().SingleOrDefaultAsync(p => p.Id == priceId && p.PriceListId == id, ct);
        if (list is null || price is null) return Error.NotFound("price_list_price", priceId).ToProblem();
        if (http.CheckIfMatch(list.Version) is { } stale) return stale.ToProblem();
        db.Remove(price);
        list.UpdatedAt = time.GetUtcNow();
        events.Raise(CatalogEvents.PriceListUpdated, list.Id, () => PriceListResponse.From(list));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static PriceListPrice NewPrice(string listId, PriceListPriceRequest p, TimeProvider time) => new()
    {
        Id = Kernel.Ids.EntityId.New("plp", time), PriceListId = listId, VariantId = p.VariantId, CurrencyCode = p.Currency.ToUpperInvariant(),
        MinQuantity = p.MinQuantity ?? 1, Amount = p.Amount!.Value,
    };

    private static void SetConditions(PriceList list, PriceListConditionsDto? conditions)
    {
        list.CustomerGroupIds = PriceList.Join(conditions?.CustomerGroupIds);
        list.RegionIds = PriceList.Join(conditions?.RegionIds);
        list.SalesChannelIds = PriceList.Join(conditions?.SalesChannelIds);
    }

    private static void CheckHeader(Validator v, string? type, string? status, DateTimeOffset? startsAt, DateTimeOffset? endsAt,
        PriceListConditionsDto? conditions)
    {
        if (type is not null && !Types.Contains(type)) v.Add("type", $"One of: {string.Join(", ", Types)}.");
        if (status is not null && !Statuses.Contains(status)) v.Add("status", $"One of: {string.Join(", ", Statuses)}.");
        if (startsAt is { } s && endsAt is { } e && e <= s) v.Add("endsAt", "Must be after startsAt.");
        CheckIds(v, "conditions.customerGroupIds", conditions?.CustomerGroupIds);
        CheckIds(v, "conditions.regionIds", conditions?.RegionIds);
        CheckIds(v, "conditions.salesChannelIds", conditions?.SalesChannelIds);
    }

    private static void CheckIds(Validator v, string field, IReadOnlyList<string>? ids)
    {
        if (ids is null) return;
        v.Count(field, ids, PriceListLimits.Ids);
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrEmpty(ids[i]) || ids[i].Length > 40 || ids[i].Any(char.IsWhiteSpace)) v.Add($"{field}[{i}]", "An id of at most 40 characters.");
        }
    }

    private static async Task<Error?> CheckRegionsAsync(IRegionDirectory regions, IReadOnlyList<string> regionIds, CancellationToken ct)
    {
        var v = new Validator();
        for (var i = 0; i < regionIds.Count; i++)
        {
            if (await regions.FindAsync(regionIds[i], ct) is null) v.Add($"conditions.regionIds[{i}]", "Unknown region.");
        }
        return v.IsValid ? null : v.ToError()! with { Code = "unknown_region", Detail = "A condition names a region that does not exist." };
    }

    /// <summary>Shape first (validation_failed), then unknown variants (unknown_variant), then currencies no region sells in.</summary>
    private static async Task<Error?> CheckPricesAsync(MercatoDb db, IRegionDirectory regions, IReadOnlyList<string> regionIds,
        IReadOnlyList<PriceListPriceRequest> prices, CancellationToken ct)
    {
        var v = new Validator();
        var keys = new HashSet<(string, string, int)>();
        for (var i = 0; i < prices.Count; i++)
        {
            var p = prices[i];
            if (p is null)
            {
                v.Add($"prices[{i}]", "Required.");
                continue;
            }
            v.Required($"prices[{i}].variantId", p.VariantId, 40).Currency($"prices[{i}].currency", p.Currency, out _);
            if (p.Amount is null) v.Add($"prices[{i}].amount", "Required.");
            v.Range($"prices[{i}].amount", p.Amount, 0, Kernel.Money.Money.MaxAmount);
            v.Range($"prices[{i}].minQuantity", p.MinQuantity, 1, 1_000_000);
            if (p.VariantId is not null && p.Currency is not null && !keys.Add((p.VariantId, p.Currency.ToUpperInvariant(), p.MinQuantity ?? 1)))
                v.Add($"prices[{i}]", "The same variant, currency and minQuantity appear twice.");
        }
        if (v.ToError() is { } invalid) return invalid;

        var ids = prices.Select(p => p.VariantId).Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.Set<Variant>().Where(x => ids.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < prices.Count; i++)
        {
            if (!known.Contains(prices[i].VariantId)) v.Add($"prices[{i}].variantId", "Unknown variant.");
        }
        if (!v.IsValid) return v.ToError()! with { Code = "unknown_variant", Detail = "A price names a variant that does not exist." };
        return await CheckCurrenciesAsync(regions, regionIds, prices.Select((p, i) => ($"prices[{i}].currency", p.Currency.ToUpperInvariant())), ct);
    }

    /// <summary>A list price must be in a currency some region sells in (one of the list's regions when it names any).</summary>
    private static async Task<Error?> CheckCurrenciesAsync(IRegionDirectory regions, IReadOnlyList<string> regionIds,
        IEnumerable<(string Field, string Currency)> currencies, CancellationToken ct)
    {
        var all = await regions.ListAsync(ct);
        var sold = all.Where(r => regionIds.Count == 0 || regionIds.Contains(r.Id)).Select(r => r.CurrencyCode).ToHashSet(StringComparer.Ordinal);
        var v = new Validator();
        foreach (var (field, currency) in currencies)
        {
            if (!sold.Contains(currency)) v.Add(field, $"No {(regionIds.Count == 0 ? "" : "listed ")}region sells in {currency}.");
        }
        return v.IsValid ? null
            : v.ToError()! with { Code = "currency_not_in_region", Detail = "A price is in a currency that none of the list's regions uses." };
    }
}
