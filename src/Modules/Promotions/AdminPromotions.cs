using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Money;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Mercato.Promotions.Contracts;
using Mercato.Promotions.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Promotions;

internal sealed record PromotionActionDto(PromotionActionType? Type, int? PercentBasisPoints = null, long? Amount = null,
    int? BuyQuantity = null, int? GetQuantity = null, int? BundleQuantity = null);

internal sealed record PromotionConditionsDto(long? MinSubtotal = null, int? MinQuantity = null, IReadOnlyList<string>? ProductIds = null,
    IReadOnlyList<string>? VariantIds = null, IReadOnlyList<string>? CategoryIds = null, IReadOnlyList<string>? CollectionIds = null,
    IReadOnlyList<string>? CustomerGroupIds = null, IReadOnlyList<string>? RegionIds = null, IReadOnlyList<string>? CurrencyCodes = null,
    IReadOnlyList<string>? SalesChannelIds = null, bool? FirstOrderOnly = null)
{
    public static PromotionConditionsDto From(PromotionConditions c) => new(c.MinSubtotal, c.MinQuantity, c.ProductIds, c.VariantIds,
        c.CategoryIds, c.CollectionIds, c.CustomerGroupIds, c.RegionIds, c.CurrencyCodes, c.SalesChannelIds, c.FirstOrderOnly);

    public PromotionConditions ToConditions() => new()
    {
        MinSubtotal = MinSubtotal, MinQuantity = MinQuantity, ProductIds = ProductIds ?? [], VariantIds = VariantIds ?? [],
        CategoryIds = CategoryIds ?? [], CollectionIds = CollectionIds ?? [], CustomerGroupIds = CustomerGroupIds ?? [],
        RegionIds = RegionIds ?? [], CurrencyCodes = [.. (CurrencyCodes ?? []).Select(c => c.ToUpperInvariant())],
        SalesChannelIds = SalesChannelIds ?? [], FirstOrderOnly = FirstOrderOnly ?? false,
    };
}

internal sealed record PromotionResponse(string Id, string Name, string? Description, bool Enabled, bool RequiresCode, int Priority,
    bool Exclusive, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, PromotionActionDto Action, PromotionConditionsDto Conditions,
    int? UsageLimit, int? PerCustomerLimit, int UsedCount, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PromotionResponse From(Promotion p) => new(p.Id, p.Name, p.Description, p.Enabled, p.RequiresCode, p.Priority, p.Exclusive,
        p.StartsAt, p.EndsAt, new PromotionActionDto(p.ActionType, p.PercentBasisPoints, p.Amount, p.BuyQuantity, p.GetQuantity, p.BundleQuantity),
        PromotionConditionsDto.From(p.Conditions), p.UsageLimit, p.PerCustomerLimit, p.UsedCount, p.Version, p.CreatedAt, p.UpdatedAt);
}

/// <summary>Promotions in the back office: list, get, create, update (If-Match) and delete (with its codes).</summary>
internal static class AdminPromotions
{
    private const int MaxIds = 500;

    /// <summary>Create: every field but <c>name</c> and <c>action</c> has a default. Update (PATCH): absent fields stay; <c>action</c> and <c>conditions</c> are replaced whole.</summary>
    public sealed record PromotionRequest(string? Name, string? Description, bool? Enabled, bool? RequiresCode, int? Priority, bool? Exclusive,
        DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, PromotionActionDto? Action, PromotionConditionsDto? Conditions, int? UsageLimit,
        int? PerCustomerLimit);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/promotions").WithTags("Promotions")
            .RequirePermissions(Permissions.PromotionsRead, Permissions.PromotionsWrite);
        group.MapGet("/", List).WithName("ListPromotions").WithSummary("List promotions");
        group.MapGet("/{id}", Get).WithName("GetPromotion").WithSummary("Get a promotion");
        group.MapPost("/", Create).WithName("CreatePromotion").WithSummary("Create a promotion");
        group.MapPatch("/{id}", Update).WithName("UpdatePromotion").WithSummary("Change a promotion (If-Match)");
        group.MapDelete("/{id}", Delete).WithName("DeletePromotion").WithSummary("Delete a promotion and its codes (If-Match)");
        AdminPromotionCodes.Map(group);
        AdminPromotionUsage.Map(group);
    }

    private static async Task<Results<Ok<Page<PromotionResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var page = await db.Set<Promotion>().AsNoTracking().PageByAsync(p => p.Id, limit, cursor, PromotionResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<PromotionResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http, CancellationToken ct)
    {
        var promotion = await db.Set<Promotion>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (promotion is null) return PromotionErrors.NotFound(id).ToProblem();
        http.SetETag(promotion.Version);
        return TypedResults.Ok(PromotionResponse.From(promotion));
    }

    private static async Task<Results<Created<PromotionResponse>, ProblemHttpResult>> Create(PromotionRequest request, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var promotion = new Promotion(time) { Enabled = true };
        if (Apply(promotion, request, creating: true) is { } invalid) return invalid.ToProblem();
        db.Add(promotion);
        events.Raise(PromotionEvents.Created, promotion.Id, () => PromotionResponse.From(promotion));
        await db.SaveChangesAsync(ct);
        http.SetETag(promotion.Version);
        return TypedResults.Created($"/admin/promotions/{promotion.Id}", PromotionResponse.From(promotion));
    }

    private static async Task<Results<Ok<PromotionResponse>, ProblemHttpResult>> Update(string id, PromotionRequest request, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var promotion = await db.Set<Promotion>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (promotion is null) return PromotionErrors.NotFound(id).ToProblem();
        if (http.CheckIfMatch(promotion.Version) is { } stale) return stale.ToProblem();
        if (Apply(promotion, request, creating: false) is { } invalid) return invalid.ToProblem();
        promotion.UpdatedAt = time.GetUtcNow();
        events.Raise(PromotionEvents.Updated, promotion.Id, () => PromotionResponse.From(promotion));
        await db.SaveChangesAsync(ct);
        http.SetETag(promotion.Version);
        return TypedResults.Ok(PromotionResponse.From(promotion));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, IDomainEvents events, HttpContext http,
        CancellationToken ct)
    {
        var promotion = await db.Set<Promotion>().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (promotion is null) return PromotionErrors.NotFound(id).ToProblem();
        if (http.CheckIfMatch(promotion.Version) is { } stale) return stale.ToProblem();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<PromotionCode>().Where(c => c.PromotionId == id).ExecuteDeleteAsync(ct);
        db.Remove(promotion);
        events.Raise(PromotionEvents.Deleted, promotion.Id, PromotionResponse.From(promotion));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Validates the request against the promotion as it would become, then applies it; nothing changes on a problem.</summary>
    private static Error? Apply(Promotion p, PromotionRequest r, bool creating)
    {
        var v = new Validator().MaxLength("description", r.Description, Promotion.DescriptionLength);
        if (creating || r.Name is not null) v.Required("name", r.Name, Promotion.NameLength);
        if (creating && r.Action is null) v.Add("action", "Required.");
        v.Range("priority", r.Priority, -1000, 1000).Range("usageLimit", r.UsageLimit, 1, int.MaxValue)
            .Range("perCustomerLimit", r.PerCustomerLimit, 1, int.MaxValue);
        var startsAt = r.StartsAt ?? p.StartsAt;
        var endsAt = r.EndsAt ?? p.EndsAt;
        if (startsAt is { } s && endsAt is { } e && e <= s) v.Add("endsAt", "Must be after startsAt.");
        var action = r.Action is { } a ? a : new PromotionActionDto(p.ActionType, p.PercentBasisPoints, p.Amount, p.BuyQuantity, p.GetQuantity, p.BundleQuantity);
        var conditions = r.Conditions ?? PromotionConditionsDto.From(p.Conditions);
        ValidateAction(v, action);
        ValidateConditions(v, conditions, action);
        if (v.ToError() is { } invalid) return invalid;

        if (r.Name is not null) p.Name = r.Name.Trim();
        if (r.Description is not null) p.Description = r.Description.Length == 0 ? null : r.Description;
        if (r.Enabled is { } enabled) p.Enabled = enabled;
        if (r.RequiresCode is { } requiresCode) p.RequiresCode = requiresCode;
        if (r.Priority is { } priority) p.Priority = priority;
        if (r.Exclusive is { } exclusive) p.Exclusive = exclusive;
        (p.StartsAt, p.EndsAt) = (startsAt, endsAt);
        if (r.UsageLimit is not null) p.UsageLimit = r.UsageLimit;
        if (r.PerCustomerLimit is not null) p.PerCustomerLimit = r.PerCustomerLimit;
        p.ActionType = action.Type!.Value;
        p.PercentBasisPoints = action.PercentBasisPoints ?? 0;
        p.Amount = action.Amount ?? 0;
        p.BuyQuantity = action.BuyQuantity ?? 0;
        p.GetQuantity = action.GetQuantity ?? 0;
        p.BundleQuantity = action.BundleQuantity ?? 0;
        p.Conditions = conditions.ToConditions();
        return null;
    }

    private static void ValidateAction(Validator v, PromotionActionDto a)
    {
        switch (a.Type)
        {
            case null:
                v.Add("action.type", "Required.");
                break;
            case PromotionActionType.OrderPercentage or PromotionActionType.ItemsPercentage:
                RequiredRange(v, "action.percentBasisPoints", a.PercentBasisPoints, 1, 10_000);
                break;
            case PromotionActionType.OrderFixed or PromotionActionType.ItemsFixed:
                RequiredRange(v, "action.amount", a.Amount, 1, Money.MaxAmount);
                break;
            case PromotionActionType.BuyXGetY:
                RequiredRange(v, "action.buyQuantity", a.BuyQuantity, 1, 1000);
                RequiredRange(v, "action.getQuantity", a.GetQuantity, 1, 1000);
                RequiredRange(v, "action.percentBasisPoints", a.PercentBasisPoints, 1, 10_000);
                break;
            case PromotionActionType.Bundle:
                RequiredRange(v, "action.bundleQuantity", a.BundleQuantity, 2, 1000);
                RequiredRange(v, "action.amount", a.Amount, 0, Money.MaxAmount);
                break;
        }
    }

    private static void RequiredRange(Validator v, string field, long? value, long min, long max)
    {
        if (value is null) v.Add(field, "Required for this action type.");
        else v.Range(field, value, min, max);
    }

    private static void ValidateConditions(Validator v, PromotionConditionsDto c, PromotionActionDto a)
    {
        v.Range("conditions.minSubtotal", c.MinSubtotal, 0, Money.MaxAmount).Range("conditions.minQuantity", c.MinQuantity, 0, 1_000_000);
        foreach (var (field, ids) in new[]
        {
            ("productIds", c.ProductIds), ("variantIds", c.VariantIds), ("categoryIds", c.CategoryIds), ("collectionIds", c.CollectionIds),
            ("customerGroupIds", c.CustomerGroupIds), ("regionIds", c.RegionIds), ("salesChannelIds", c.SalesChannelIds),
        })
        {
            v.Count($"conditions.{field}", ids, MaxIds);
            if (ids is not null && ids.Any(id => string.IsNullOrWhiteSpace(id) || id.Length > 40)) v.Add($"conditions.{field}", "Ids are 1 to 40 characters.");
        }
        var currencies = c.CurrencyCodes ?? [];
        v.Count("conditions.currencyCodes", c.CurrencyCodes, 200);
        for (var i = 0; i < currencies.Count; i++) v.Currency($"conditions.currencyCodes[{i}]", currencies[i], out _);
        // Amounts are in minor units of one currency, so a promotion that names an amount is limited to exactly one.
        var hasAmount = a.Type is PromotionActionType.OrderFixed or PromotionActionType.ItemsFixed or PromotionActionType.Bundle
            || c.MinSubtotal is > 0;
        if (hasAmount && currencies.Count != 1) v.Add("conditions.currencyCodes", "A promotion with an amount applies to exactly one currency.");
    }
}
